#pragma once

#include "reable/scoring/observation.hpp"

#include <cstdint>
#include <vector>

namespace reable::scoring {

/// Conditions a score can carry besides its value; a bit set per score.
enum ScoreFlag : std::uint8_t {
    flag_incomplete = 1 << 0,          ///< missing because an input is missing
    flag_partial = 1 << 1,             ///< computed over the answered inputs only (missing-item rule)
    flag_ignored_after_stop = 1 << 2,  ///< a value was given for a step the stop rule never reached
    flag_uncertain_edge = 1 << 3,      ///< the value lies exactly on an edge the sources disagree on
    flag_needs_sex = 1 << 4,           ///< the rule depends on sex, which was not given
    flag_needs_age = 1 << 5,           ///< the rule depends on age, which was not given
    flag_outside_valid_age = 1 << 6,   ///< the equation was applied outside its population's ages
    flag_undefined_ratio = 1 << 7,     ///< division by zero
};

enum class RuleStatus : std::uint8_t { applied, no_value, state, needs_sex, needs_age, no_norm_for_age, no_band };

struct InterpretationResult {
    RuleStatus status = RuleStatus::no_value;
    int band = -1;  ///< index into the band list used (bands or bands_by_sex[sex])
};

/// Where a value lies relative to the normal range, and what that means for performance.
enum class NormPosition : std::uint8_t { below, within, above };
enum class Performance : std::uint8_t { below_average, average, above_average };

struct NormResult {
    RuleStatus status = RuleStatus::no_value;
    int row = -1;
    NormPosition position = NormPosition::within;
    Performance performance = Performance::average;
};

/// The result of scoring one observation: a value per slot (items first, then scores), flags
/// per score, and the outcome of every interpretation and norm table. Reusable: score_into()
/// overwrites it without allocating once it has the instrument's size.
struct ScoreSheet {
    std::vector<Value> slots;
    std::vector<std::uint8_t> flags;
    std::vector<InterpretationResult> interpretations;
    std::vector<NormResult> norms;

    const Value& score_value(const protocol::Instrument& instrument, std::size_t score_index) const
    {
        return slots[instrument.items.size() + score_index];
    }
};

/// Scores an observation: a pure function of its arguments. Never throws for a checked
/// observation; states and missing values are results, not errors.
void score_into(const Observation& observation, const Subject& subject, ScoreSheet& sheet);
ScoreSheet score(const Observation& observation, const Subject& subject);

/// Band lookup: the points of the band containing `v`, or nullopt when none does.
std::optional<Decimal> lookup_band(const protocol::BandTable& table, Decimal v);

}  // namespace reable::scoring
