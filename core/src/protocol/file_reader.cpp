// The parts every protocol file reader shares: identity, sources, provenance and folders. The
// wording of each message is pinned by tests/unit/validator_messages_test.cpp and
// tests/unit/trajectory_messages_test.cpp; change them together.

#include "file_reader.hpp"

#include <fstream>
#include <sstream>

namespace reable::protocol::reading {
namespace {

/// The labels an instrument's rules may carry: each rule comes from a source, so "default" (a
/// value that no source fixes, which only trajectory templates may have) is not one of them.
std::optional<Confidence> rule_confidence_from_string(std::string_view text)
{
    auto c = confidence_from_string(text);
    return c == Confidence::documented_default ? std::nullopt : c;
}

}  // namespace

void FileReader::read_identity(const ObjectPtr& root, std::string_view format, std::string& id, std::string& version)
{
    if (auto f = get_string(root, "format", "", true); f && *f != format)
        issue("/format", "unsupported format " + in_quotes(*f) + "; this program reads " + in_quotes(format));
    if (auto read_id = get_id(root, "")) id = *read_id;
    if (auto v = get_string(root, "version", "", true)) {
        if (valid_version(*v))
            version = *v;
        else
            issue("/version", "must be MAJOR.MINOR.PATCH, e.g. \"1.0.0\"; got " + in_quotes(*v));
    }
}

void FileReader::read_sources(const ObjectPtr& root, std::vector<Source>& sources)
{
    ArrayPtr a = get_array(root, "sources", "", true);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/sources", i);
        ObjectPtr s = object_at(a->get(i), p);
        if (!s) continue;
        check_fields(s, p, {"id", "citation"});
        auto id = get_id(s, p);
        auto citation = get_string(s, "citation", p, true);
        if (!id || !citation) continue;
        if (m_source_by_id.count(*id)) {
            issue(json::child(p, "id"), "duplicate source id " + in_quotes(*id));
            continue;
        }
        m_source_by_id[*id] = sources.size();
        sources.push_back({*id, *citation});
    }
}

std::optional<Provenance> FileReader::get_provenance(const ObjectPtr& o, const std::string& ptr, bool required)
{
    const bool any = o->has("source") || o->has("confidence") || o->has("note");
    if (!required && !any) return std::nullopt;
    Provenance p;
    bool ok = true;
    if (auto source = get_string(o, "source", ptr, true)) {
        auto it = m_source_by_id.find(*source);
        if (it == m_source_by_id.end()) {
            issue(json::child(ptr, "source"), "unknown source " + in_quotes(*source) + "; list it under /sources");
            ok = false;
        }
        else {
            p.source = it->second;
        }
    }
    else {
        ok = false;
    }
    auto confidence = m_defaults_allowed ? confidence_from_string : rule_confidence_from_string;
    const std::string_view allowed = m_defaults_allowed ? "confirmed, secondary, partly_unverified, unverified, default"
                                                        : "confirmed, secondary, partly_unverified, unverified";
    if (auto c = get_enum<Confidence>(o, "confidence", ptr, true, confidence, allowed))
        p.confidence = *c;
    else
        ok = false;
    if (auto note = get_string(o, "note", ptr, false)) p.note = *note;
    if (ok && is_unverified(p.confidence) && p.note.empty()) {
        issue(json::child(ptr, "note"), "required for an unverified rule: say what could not be verified");
        ok = false;
    }
    if (!ok) return std::nullopt;
    return p;
}

std::optional<Var> parse_file(const std::string& json_text, const std::string& file, std::vector<Issue>& issues)
{
    std::vector<json::Problem> problems;
    auto root = json::parse_document(json_text, problems);
    for (const json::Problem& problem : problems) issues.push_back({file, problem.pointer, problem.message});
    return root;
}

std::vector<FileText> json_files(const std::filesystem::path& directory, std::vector<Issue>& issues)
{
    std::vector<FileText> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
        issues.push_back({directory.string(), "", "not a directory"});
        return files;
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json") paths.push_back(entry.path());
    if (ec) {
        issues.push_back({directory.string(), "", "cannot list the directory: " + ec.message()});
        return files;
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in && !in.eof()) {
            issues.push_back({path.string(), "", "cannot read the file"});
            continue;
        }
        files.push_back({path, text.str()});
    }
    return files;
}

}  // namespace reable::protocol::reading
