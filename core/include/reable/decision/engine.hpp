#pragma once

#include "reable/calendar.hpp"
#include "reable/decimal.hpp"
#include "reable/domain/decision.hpp"
#include "reable/domain/onderzoek.hpp"
#include "reable/protocol/policy.hpp"

#include <optional>
#include <string>
#include <vector>

/// The decision rules of wmo-rules.md §6 as pure functions: from the facts of one request, a
/// policy, its norm table and the date to an outcome with reasons and a trace. No clock, no
/// storage, no randomness: the same inputs give the same decision.
namespace reable::decision {

/// One scored test as the rules see it: the value of one score, or the state that replaced it.
struct TestFact {
    std::string instrument;
    std::string version;
    std::string score;
    calendar::Date tested_on;
    std::optional<Decimal> value;
    std::string state;  ///< "unable", "refused" … when there is no value
};

/// The end of a trajectory as the reassessment rules see it.
struct TrajectoryEnd {
    bool dropout = false;
    /// The re-test against the intake: nullopt when one of them is missing.
    enum class Change { meaningful, not_meaningful, declined };
    std::optional<Change> retest;
    std::string retest_detail;  ///< "sppb total 7 → 9 (+2, substantial)"
    int goals = 0;
    int goals_met = 0;
};

struct DecisionInput {
    calendar::Date date;
    int age = 0;
    /// household_size, rooms and pets from the client record; light_and_medium_done,
    /// small_dwelling and limitation are taken from the findings.
    protocol::NeedFacts home;
    domain::OnderzoekFindings findings;
    std::vector<TestFact> tests;  ///< the latest result of each score the policy may read
    domain::Choice choice = domain::Choice::not_asked;
    std::optional<TrajectoryEnd> trajectory_end;  ///< set: this is the end-of-trajectory reassessment
};

/// A reason a beschikking can cite: a stable code, a Dutch sentence with the values filled in,
/// and its legal or policy basis.
struct Reason {
    std::string code;
    std::string sentence;
    std::string basis;
};

/// Which rule looked at which input and what it concluded.
struct TraceLine {
    std::string rule;    ///< "A2", "B3", "C2" …
    std::string input;   ///< "bedbound = true"
    std::string result;  ///< "excluded", "not fired", "band basis_plus1" …
};

struct ItemLine {
    std::string id;
    protocol::Text label;
    int count = 1;
    std::optional<Decimal> minutes;  ///< total for the item; empty when the norm has no value
};

/// The amount of household help under the norm table.
struct HhAmount {
    std::string band;
    protocol::Text band_label;
    Decimal band_min;
    Decimal band_max;
    Decimal base;
    std::vector<ItemLine> items;
    Decimal computed;          ///< base + items, before rounding
    Decimal minutes_per_week;  ///< rounded up; raised to the band minimum when below it
    std::optional<Decimal> two_weekly_minutes;
    bool above_band_max = false;  ///< flagged for a motivated maatwerk decision, never clamped
    bool raised_to_band_min = false;
    bool unpriced_item = false;  ///< an applicable item has no minutes in the norm
};

enum class Reassessment { self_reliant, partial_gain, no_gain, dropout };
std::string_view to_string(Reassessment r);

struct Decision {
    domain::Outcome outcome = domain::Outcome::not_applicable;
    std::optional<bool> in_target_group;  ///< empty when the rules did not get that far
    std::optional<HhAmount> hh;
    std::optional<Reassessment> reassessment;
    std::optional<int> temporary_weeks;
    bool needs_motivation = false;  ///< a maatwerk departure the assessor must motivate
    std::vector<Reason> reasons;
    std::vector<TraceLine> trace;
    std::string policy_id;
    std::string policy_version;
    std::string norm_id;
    std::string norm_version;

    bool has_reason(std::string_view code) const;
};

/// The amount under a norm table (§6c steps C2–C5). Pure.
HhAmount compute_hh(const protocol::HhNorms& norms, const protocol::NeedFacts& facts);

/// The whole procedure (§6a, §6b, §6c, and the end-of-trajectory rules E1–E5 when
/// `input.trajectory_end` is set). Throws Error{precondition_failed} naming what is missing when
/// the policy needs a test result the input lacks (or one too old), and Error{invalid_input}
/// naming both facts when the inputs contradict each other (bedbound with a walking test).
/// `norms` must be the table the policy names.
Decision decide(const protocol::Policy& policy, const protocol::HhNorms& norms, const DecisionInput& input);

/// A number as Dutch text uses it, with a decimal comma: 233.5 → "233,5".
std::string dutch_number(Decimal value);

/// The Dutch sentence and basis of a reason code; `detail` fills the sentence's blank.
Reason reason(std::string_view code, const std::string& detail = {});

}  // namespace reable::decision
