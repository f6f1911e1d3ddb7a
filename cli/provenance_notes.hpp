#pragma once

// How views mark where a rule or a number comes from: "[confirmed · perera2006]",
// "[UNVERIFIED · src · note 1]", "[DEFAULT · reable-default]".

#include "reable/protocol/provenance.hpp"
#include "reable/scoring/report.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace reable::cli {

/// Marks provenance and numbers the notes of unverified rules and of defaults in the order they
/// are first shown; print() lists them at the end of a view, so that tables stay narrow.
class Notes {
public:
    std::string mark(const scoring::ProvenanceView& p);
    std::string mark(const std::vector<protocol::Source>& sources, const protocol::Provenance& p);
    /// The warnings for what was marked, and the numbered notes.
    void print(std::ostringstream& out) const;

private:
    std::vector<std::string> m_notes;
    bool m_unverified = false;
    bool m_default = false;
};

/// The end of a protocol file's view: the file's own notes, its sources, how many worked examples
/// it has, then what `notes` collected.
void print_footer(std::ostringstream& out, const Notes& notes, const std::string& file_notes,
                  const std::vector<protocol::Source>& sources, std::size_t examples);

}  // namespace reable::cli
