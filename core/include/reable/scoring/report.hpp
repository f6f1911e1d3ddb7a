#pragma once

#include "reable/scoring/engine.hpp"

#include <optional>
#include <string>
#include <vector>

namespace reable::scoring {

/// A rule's origin as shown to users: the citation and the confidence label.
struct ProvenanceView {
    std::string source_id;
    std::string citation;
    protocol::Confidence confidence = protocol::Confidence::confirmed;
    std::string note;
};

/// A value ready to show: the number in its unit at its precision ("6.20 s"), or the state
/// with its reason ("not_attempted (unsafe)"), or "missing".
struct ShownValue {
    Value value;
    std::string text;    ///< "6.20 s", "unable", "missing"
    std::string reason;  ///< the reason code of a state, if one was given
};

struct ItemLine {
    std::string id;
    protocol::Text label;
    std::string unit;                   ///< measurement items
    std::vector<ShownValue> trials;     ///< measurement items, one per trial entered
    std::optional<std::string> answer;  ///< choice items: the option code
    protocol::Text answer_label;
    std::optional<Decimal> points;  ///< choice items with points
};

struct ScoreLine {
    std::string id;
    protocol::Text label;
    protocol::ScoreKind kind = protocol::ScoreKind::sum;
    std::string unit;
    ShownValue shown;
    bool primary = false;
    bool alternative_branch = false;  ///< feeds only alternatives; missing is normal
    std::optional<ProvenanceView> provenance;
};

struct InterpretationLine {
    std::string id;
    protocol::Text label;
    std::string score;
    RuleStatus status = RuleStatus::no_value;
    std::string code;  ///< the band's code when applied
    protocol::Text band_label;
    ProvenanceView provenance;  ///< the band's own when it has one, else the interpretation's
};

struct NormLine {
    std::string id;
    protocol::Text label;
    std::string score;
    RuleStatus status = RuleStatus::no_value;
    std::optional<protocol::NormRow> row;
    std::string low_text;  ///< the normal range in the score's unit
    std::string high_text;
    NormPosition position = NormPosition::within;
    Performance performance = Performance::average;
    ProvenanceView provenance;
};

/// A condition worth a reader's attention: a stable code, what it is about and a sentence.
struct FlagLine {
    std::string code;    ///< "incomplete", "ignored_after_stop", "needs_sex" …
    std::string target;  ///< the score, interpretation or norm id
    std::string message;
};

/// Everything a front end shows about one scored observation, in one structure: the table view
/// and the JSON view are both rendered from it, so they cannot disagree.
struct ScoreReport {
    std::string instrument_id;
    std::string instrument_version;
    protocol::Text instrument_name;
    Subject subject;
    std::vector<ItemLine> items;
    std::vector<ScoreLine> scores;
    std::vector<InterpretationLine> interpretations;
    std::vector<NormLine> norms;
    std::vector<FlagLine> flags;
};

ScoreReport make_report(const Observation& observation, const Subject& subject, const ScoreSheet& sheet);

/// "6.20 s" for a number at the given precision (0 decimals for whole precisions).
std::string format_number(Decimal value, units::Unit unit, Decimal precision);

std::string_view to_string(RuleStatus status);
std::string_view to_string(NormPosition position);
std::string_view to_string(Performance performance);

/// All flag codes of a report as "code:target", sorted (what worked examples compare).
std::vector<std::string> flag_codes(const ScoreReport& report);

}  // namespace reable::scoring
