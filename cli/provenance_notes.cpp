#include "provenance_notes.hpp"

#include <algorithm>

namespace reable::cli {
namespace {

using protocol::Confidence;

std::string confidence_mark(Confidence c)
{
    switch (c) {
    case Confidence::confirmed: return "confirmed";
    case Confidence::secondary: return "secondary source";
    case Confidence::partly_unverified: return "PARTLY UNVERIFIED";
    case Confidence::unverified: return "UNVERIFIED";
    case Confidence::documented_default: return "DEFAULT";
    }
    return "";
}

}  // namespace

std::string Notes::mark(const scoring::ProvenanceView& p)
{
    const bool is_default = p.confidence == Confidence::documented_default;
    std::string mark = "[" + confidence_mark(p.confidence) + " · " + p.source_id;
    if ((protocol::is_unverified(p.confidence) || is_default) && !p.note.empty()) {
        auto it = std::find(m_notes.begin(), m_notes.end(), p.note);
        if (it == m_notes.end()) it = m_notes.insert(m_notes.end(), p.note);
        mark += " · note " + std::to_string(it - m_notes.begin() + 1);
    }
    m_unverified = m_unverified || protocol::is_unverified(p.confidence);
    m_default = m_default || is_default;
    return mark + "]";
}

std::string Notes::mark(const std::vector<protocol::Source>& sources, const protocol::Provenance& p)
{
    return mark(scoring::ProvenanceView{sources[p.source].id, sources[p.source].citation, p.confidence, p.note});
}

void Notes::print(std::ostringstream& out) const
{
    if (!m_unverified && !m_default) return;
    out << '\n';
    if (m_unverified)
        out << "Rules marked UNVERIFIED could not be confirmed in a primary source: do not present them as "
               "validated.\n";
    if (m_default)
        out << "Numbers marked DEFAULT are documented defaults that no source fixes: do not present them as "
               "sourced.\n";
    for (std::size_t i = 0; i < m_notes.size(); ++i) out << "  note " << i + 1 << ": " << m_notes[i] << '\n';
}

void print_footer(std::ostringstream& out, const Notes& notes, const std::string& file_notes,
                  const std::vector<protocol::Source>& sources, std::size_t examples)
{
    if (!file_notes.empty()) out << "\nNotes\n  " << file_notes << '\n';
    out << "\nSources\n";
    for (const protocol::Source& source : sources) out << "  " << source.id << ": " << source.citation << '\n';
    out << "\nWorked examples: " << examples << " (all pass; they are checked at every start)\n";
    notes.print(out);
}

}  // namespace reable::cli
