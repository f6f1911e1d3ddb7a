#pragma once

#include "reable/clock.hpp"
#include "reable/scoring/observation.hpp"

#include <optional>
#include <string>
#include <vector>

namespace reable::scoring {

/// A value as a user typed or sent it, before it is checked against an item: a number, or text
/// ("6.20 s", "unable", "not_attempted:unsafe", an answer code).
struct RawValue {
    bool is_number = false;
    Decimal number;
    std::string text;
};

/// The values given for one item: one per trial.
struct RawItem {
    std::string id;
    std::vector<RawValue> values;
};

struct RawSubject {
    std::optional<std::string> birth_date;
    std::optional<std::string> test_date;
    std::optional<std::string> sex;
    std::optional<int> age;
};

/// What a front end collects for one scoring request.
struct ScoringInput {
    std::vector<RawItem> items;
    RawSubject subject;
};

/// Checks every value against the instrument and builds the observation. All problems are
/// reported together: throws Error{invalid_input} whose details name each item, the value and
/// what is allowed. Nothing is guessed: no unit conversion, no rounding of extra decimals, no
/// decimal comma.
Observation read_observation(const protocol::Instrument& instrument, const std::vector<RawItem>& items);

/// Sets one trial of a measurement item from a typed quantity, for code that holds
/// `units::Seconds`, `units::Kilograms` … rather than text: the unit must be the item's, and the
/// value within its range and precision. Throws Error{invalid_input} naming the item.
void set_trial(Observation& observation, std::string_view item_id, std::size_t trial, units::Measure value);

/// Checks and resolves the subject: dates as YYYY-MM-DD, sex as female or male, age from the
/// birth date on the test date (the test date defaults to today from `clock`). Giving both an
/// age and a birth date is refused unless they agree. Throws Error{invalid_input}.
Subject read_subject(const RawSubject& raw, const Clock& clock);

}  // namespace reable::scoring
