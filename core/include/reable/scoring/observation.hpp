#pragma once

#include "reable/calendar.hpp"
#include "reable/decimal.hpp"
#include "reable/protocol/instrument.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <vector>

namespace reable::scoring {

/// Whether a value is there, and if so whether it is a number or a state.
enum class ValueStatus : std::uint8_t { missing, number, state };

/// One trial of a measurement, one answer, or one score: a number, a state such as "unable",
/// or missing. A state is never a number in disguise: "unable" is not 0 s.
struct Value {
    Decimal number;
    ValueStatus status = ValueStatus::missing;
    protocol::TrialState state = protocol::TrialState::unable;
    /// For a state: 1 + the index of its reason in the item's list (0 = none given).
    /// For a choice item: the index of the chosen option.
    std::uint16_t detail = 0;

    static Value of(Decimal d) { return Value{d, ValueStatus::number, {}, 0}; }
    static Value of_state(protocol::TrialState s, std::uint16_t reason = 0)
    {
        return Value{{}, ValueStatus::state, s, reason};
    }
    bool is_number() const { return status == ValueStatus::number; }
    bool is_state() const { return status == ValueStatus::state; }
    bool is_missing() const { return status == ValueStatus::missing; }
    friend bool operator==(const Value&, const Value&) = default;
};
std::ostream& operator<<(std::ostream& out, const Value& value);

/// Everything entered for one administration of one instrument: each item's trials, in the
/// layout the instrument defines. Built by read_observation(), which checks every value.
class Observation {
public:
    explicit Observation(const protocol::Instrument& instrument)
        : m_instrument(&instrument), m_trials(instrument.trial_count)
    {}

    const protocol::Instrument& instrument() const { return *m_instrument; }
    std::span<const Value> trials(const protocol::Item& item) const
    {
        return {m_trials.data() + item.first_trial, static_cast<std::size_t>(item.trials)};
    }
    std::span<Value> trials(const protocol::Item& item)
    {
        return {m_trials.data() + item.first_trial, static_cast<std::size_t>(item.trials)};
    }
    /// All trials, in the instrument's layout (Item::first_trial).
    const Value* trial_data() const { return m_trials.data(); }
    /// True when at least one trial of the item was entered.
    bool has(const protocol::Item& item) const;

private:
    const protocol::Instrument* m_instrument;
    std::vector<Value> m_trials;
};

/// Who was tested and when, as far as scoring needs it. Age and sex select norm rows and
/// reference equations; without them those parts of a result are reported as not determined.
struct Subject {
    std::optional<int> age;
    std::optional<protocol::Sex> sex;
    std::optional<calendar::Date> test_date;
    bool age_from_birth_date = false;
};

}  // namespace reable::scoring
