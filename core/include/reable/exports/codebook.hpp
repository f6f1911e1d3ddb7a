#pragma once

// The codebook: every variable of the long and the wide file with its Dutch and English label,
// type, unit, allowed values, instrument and version, and source (the publication a score's rule
// comes from, with its confidence label: an UNVERIFIED rule says so here too).

#include "reable/exports/options.hpp"
#include "reable/exports/outcomes.hpp"
#include "reable/protocol/registry.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace reable::exports {

struct CodebookEntry {
    std::string file;      ///< "long" or "wide"
    std::string variable;  ///< the column (wide) or the value of the long file's `variable` column
    std::string label_nl;
    std::string label_en;
    std::string type;  ///< text, integer, number, code
    std::string unit;  ///< "s", "points", "min/week" … or ""
    std::string allowed;  ///< "0–12 step 1", "yes | no", "none | lower | granted"
    std::string instrument;
    std::string instrument_version;
    std::string source;  ///< citation [confidence]
};

/// The long file's columns, each instrument's items and scores (the long file's `variable`
/// values) and the given wide columns.
std::vector<CodebookEntry> codebook(const protocol::Registry& registry, const std::vector<WideColumn>& wide,
                                    DateMode dates);

void write_codebook_csv(const std::vector<CodebookEntry>& entries, std::ostream& out);
void write_codebook_json(const std::vector<CodebookEntry>& entries, std::ostream& out);

}  // namespace reable::exports
