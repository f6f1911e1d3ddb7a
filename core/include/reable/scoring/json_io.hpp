#pragma once

#include "reable/protocol/registry.hpp"
#include "reable/scoring/change.hpp"
#include "reable/scoring/input.hpp"
#include "reable/scoring/report.hpp"

#include <string>

namespace reable::scoring {

/// Reads a scoring request:
///   {"test_date": "2026-11-23", "birth_date": "1946-03-02", "age": 80, "sex": "female",
///    "items": {"gait_4m": [6.20, 6.31], "balance_tandem": "not_attempted:unsafe"}}
/// Every field but "items" is optional. Throws Error{invalid_input} naming each problem.
ScoringInput read_scoring_input(const std::string& json_text);
/// The item values as {"items": {"id": [trial, …]}}: read_scoring_input reads it back unchanged.
std::string to_json(const std::vector<RawItem>& items);

/// The report as JSON: instrument id and version, subject, items, every score with its value,
/// state or missing status, interpretations, norm ranges, flags and each rule's provenance.
std::string to_json(const ScoreReport& report);
std::string to_json(const ChangeReport& report);
/// The results of a report in a compact form for storage: instrument id and version, each score's
/// value or state, the band code of each applied interpretation, the position against each norm
/// and the flag codes. Labels and citations are left out: they follow from the instrument
/// version, and the full report is re-made by scoring the stored raw values again.
std::string to_stored_json(const ScoreReport& report);
/// The instruments of a registry (id, version, names, item and score counts, unverified rules)
/// and its trajectory templates (id, version, names, training weeks, occasion ids, and how many
/// numbers are sourced, unverified or defaults).
std::string to_json(const protocol::Registry& registry);

}  // namespace reable::scoring
