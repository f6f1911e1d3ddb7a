#include "reable/scoring/input.hpp"

#include "reable/error.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>

namespace reable::scoring {
namespace {

using protocol::Instrument;
using protocol::Item;
using protocol::ItemType;
using protocol::TrialState;

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t");
    return std::string(s.substr(first, last - first + 1));
}

std::string with_unit(Decimal v, const Item& item)
{
    const std::string number = v.to_string(std::max(v.fraction_digits(), item.precision.fraction_digits()));
    if (item.unit == units::Unit::percent) return number + "%";
    return number + " " + std::string(units::symbol(item.unit));
}

std::string allowed_states(const Item& item)
{
    std::vector<std::string> out;
    for (std::size_t s = 0; s < protocol::k_trial_state_count; ++s) {
        const protocol::StateRule& rule = item.states[s];
        if (!rule.allowed) continue;
        std::string text{protocol::to_string(static_cast<TrialState>(s))};
        if (!rule.reasons.empty()) {
            text += ":REASON (";
            for (std::size_t r = 0; r < rule.reasons.size(); ++r) text += (r ? ", " : "") + rule.reasons[r];
            text += ")";
        }
        out.push_back(text);
    }
    std::string joined;
    for (std::size_t i = 0; i < out.size(); ++i) joined += (i ? ", " : "") + out[i];
    return joined;
}

std::string what_is_allowed(const Item& item)
{
    std::string text = "a number from " + with_unit(item.min, item) + " to " + with_unit(item.max, item) +
                       " in steps of " + item.precision.to_string();
    if (item.allows_any_state()) text += ", or " + allowed_states(item);
    return text;
}

std::string allowed_answers(const Item& item)
{
    std::string text;
    for (std::size_t i = 0; i < item.options.size(); ++i) {
        const auto& option = item.options[i];
        text += (i ? ", " : "") + option.code;
        if (option.label.en != option.code) text += " (" + option.label.en + ")";
    }
    return text;
}

/// Checks a number against the item: range and precision. Returns an error message or "".
std::string check_number(const Item& item, Decimal v)
{
    if (v < item.min || v > item.max)
        return with_unit(v, item) + " is outside the allowed range " + with_unit(item.min, item) + " to " +
               with_unit(item.max, item);
    if (!v.is_multiple_of(item.precision)) {
        const bool decimal_step = Decimal::from_scaled(1, item.precision.fraction_digits()) == item.precision;
        if (decimal_step)
            return v.to_string() + " has more decimals than the item's precision (" + with_unit(item.precision, item) +
                   ") allows; enter the value as measured, to " + item.precision.to_string();
        return v.to_string() + " is not a multiple of the item's step (" + with_unit(item.precision, item) +
               "); enter the value as recorded in steps of " + item.precision.to_string();
    }
    return {};
}

/// Reads one measurement value. Returns the value, or sets `error`.
Value read_measurement(const Item& item, const RawValue& raw, std::string& error)
{
    if (raw.is_number) {
        error = check_number(item, raw.number);
        return error.empty() ? Value::of(raw.number) : Value{};
    }
    const std::string text = trim(raw.text);
    // A state, optionally with its reason: "not_attempted:unsafe".
    const std::string head = text.substr(0, text.find(':'));
    if (auto state = protocol::trial_state_from_string(head)) {
        const protocol::StateRule& rule = item.states[static_cast<std::size_t>(*state)];
        if (!rule.allowed) {
            error = "state " + in_quotes(head) + " is not allowed for this item" +
                    (item.allows_any_state() ? "; allowed: " + allowed_states(item) : "; it takes a number only");
            return {};
        }
        const bool has_reason = text.find(':') != std::string::npos;
        const std::string reason = has_reason ? trim(text.substr(text.find(':') + 1)) : std::string{};
        if (rule.reasons.empty()) {
            if (has_reason) {
                error = "state " + in_quotes(head) + " takes no reason here";
                return {};
            }
            return Value::of_state(*state);
        }
        auto it = std::find(rule.reasons.begin(), rule.reasons.end(), reason);
        if (it == rule.reasons.end()) {
            std::string list;
            for (std::size_t r = 0; r < rule.reasons.size(); ++r) list += (r ? ", " : "") + rule.reasons[r];
            error = reason.empty() ? head + " needs a reason: " + head + ":REASON with REASON one of " + list
                                   : "unknown reason " + in_quotes(reason) + " for " + head + "; allowed: " + list;
            return {};
        }
        return Value::of_state(*state, static_cast<std::uint16_t>(1 + (it - rule.reasons.begin())));
    }
    // A number, optionally followed by its unit: "6.20", "6.20 s", "6.20s".
    std::size_t end = 0;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.' ||
                                 text[end] == ',' || text[end] == '-' || text[end] == '+'))
        ++end;
    const std::string number_text = text.substr(0, end);
    const std::string unit_text = trim(text.substr(end));
    if (number_text.find(',') != std::string::npos) {
        std::string fixed = number_text;
        std::replace(fixed.begin(), fixed.end(), ',', '.');
        error = in_quotes(text) + " uses a comma; write decimals with a point (" + fixed + ")";
        return {};
    }
    auto number = Decimal::parse(number_text);
    const bool looks_like_unit = std::all_of(unit_text.begin(), unit_text.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '%';
    });
    if (!number || end == 0 || !looks_like_unit) {
        error = in_quotes(text) + " is not a number or a state; allowed: " + what_is_allowed(item);
        return {};
    }
    if (!unit_text.empty() && unit_text != units::symbol(item.unit)) {
        error = in_quotes(text) + " is in " + in_quotes(unit_text) + ", but this item is measured in " +
                std::string(units::symbol(item.unit)) + "; values are not converted";
        return {};
    }
    error = check_number(item, *number);
    return error.empty() ? Value::of(*number) : Value{};
}

Value read_choice(const Item& item, const RawValue& raw, std::string& error)
{
    const std::string code = raw.is_number ? raw.number.to_string() : trim(raw.text);
    const int index = item.option_index(code);
    if (index < 0) {
        error = in_quotes(code) + " is not an answer of this item; allowed: " + allowed_answers(item);
        return {};
    }
    const auto& option = item.options[static_cast<std::size_t>(index)];
    Value v = Value::of(option.points.value_or(Decimal{}));
    v.detail = static_cast<std::uint16_t>(index);
    return v;
}

}  // namespace

Observation read_observation(const Instrument& instrument, const std::vector<RawItem>& items)
{
    Observation observation(instrument);
    std::vector<ErrorDetail> problems;
    std::vector<bool> seen(instrument.items.size(), false);
    for (const RawItem& raw : items) {
        const Item* item = instrument.find_item(raw.id);
        if (item == nullptr) {
            std::string known;
            for (std::size_t i = 0; i < instrument.items.size(); ++i) known += (i ? ", " : "") + instrument.items[i].id;
            problems.push_back({raw.id, "unknown item " + in_quotes(raw.id) + " for " + instrument.reference() +
                                            "; its items are: " + known});
            continue;
        }
        const auto index = static_cast<std::size_t>(item - instrument.items.data());
        if (seen[index]) {
            problems.push_back({raw.id, "given twice; give all trials of an item together"});
            continue;
        }
        seen[index] = true;
        if (raw.values.empty()) {
            problems.push_back({raw.id, "no value given"});
            continue;
        }
        if (raw.values.size() > static_cast<std::size_t>(item->trials)) {
            problems.push_back(
                {raw.id, std::to_string(raw.values.size()) + " values given, but this item has " +
                             (item->trials == 1 ? std::string("one trial")
                                                : "at most " + std::to_string(item->trials) + " trials")});
            continue;
        }
        auto trials = observation.trials(*item);
        for (std::size_t t = 0; t < raw.values.size(); ++t) {
            std::string error;
            Value v = item->type == ItemType::choice ? read_choice(*item, raw.values[t], error)
                                                     : read_measurement(*item, raw.values[t], error);
            if (!error.empty()) {
                const std::string where =
                    raw.values.size() > 1 ? raw.id + " (trial " + std::to_string(t + 1) + ")" : raw.id;
                problems.push_back({where, error});
                continue;
            }
            trials[t] = v;
        }
    }
    for (const protocol::Alternatives& alt : instrument.alternatives) {
        std::vector<std::string> given;
        for (std::size_t item : alt.items)
            if (seen[item]) given.push_back(instrument.items[item].id);
        if (given.size() > 1) {
            std::string names;
            for (std::size_t i = 0; i < given.size(); ++i) names += (i ? ", " : "") + given[i];
            problems.push_back({names, "give only one of " + names + ": " + alt.reason});
        }
    }
    if (!problems.empty()) {
        const std::string count = problems.size() == 1 ? "1 problem" : std::to_string(problems.size()) + " problems";
        throw Error(ErrorCode::invalid_input,
                    "the values for " + instrument.reference() + " were refused (" + count + ")", std::move(problems));
    }
    return observation;
}

void set_trial(Observation& observation, std::string_view item_id, std::size_t trial, units::Measure value)
{
    const Instrument& instrument = observation.instrument();
    const Item* item = instrument.find_item(item_id);
    const std::string id{item_id};
    if (item == nullptr || item->type != ItemType::measurement)
        throw Error(ErrorCode::invalid_input, "no measurement item " + in_quotes(id) + " in " + instrument.reference());
    if (trial >= static_cast<std::size_t>(item->trials))
        throw Error(ErrorCode::invalid_input, id + ": trial " + std::to_string(trial + 1) + " does not exist; the item has " +
                                                  std::to_string(item->trials) + (item->trials == 1 ? " trial" : " trials"));
    if (value.unit != item->unit)
        throw Error(ErrorCode::invalid_input, id + ": the value is in " + std::string(units::symbol(value.unit)) +
                                                  ", but this item is measured in " + std::string(units::symbol(item->unit)) +
                                                  "; values are not converted");
    if (const std::string problem = check_number(*item, value.value); !problem.empty())
        throw Error(ErrorCode::invalid_input, id + ": " + problem);
    observation.trials(*item)[trial] = Value::of(value.value);
}

Subject read_subject(const RawSubject& raw, const Clock& clock)
{
    Subject subject;
    std::vector<ErrorDetail> problems;
    std::optional<calendar::Date> birth;
    const calendar::Date today = clock.today();
    if (raw.test_date) {
        subject.test_date = calendar::parse_iso_date(*raw.test_date);
        if (!subject.test_date)
            problems.push_back(
                {"test_date", in_quotes(*raw.test_date) + " is not a date; use YYYY-MM-DD, e.g. 2026-11-23"});
        else if (*subject.test_date > today)
            problems.push_back({"test_date", *raw.test_date + " is in the future (today is " +
                                                 calendar::format_iso_date(today) + ")"});
    }
    else {
        subject.test_date = today;
    }
    if (raw.birth_date) {
        birth = calendar::parse_iso_date(*raw.birth_date);
        if (!birth)
            problems.push_back(
                {"birth_date", in_quotes(*raw.birth_date) + " is not a date; use YYYY-MM-DD, e.g. 1946-03-02"});
    }
    if (raw.sex) {
        subject.sex = protocol::sex_from_string(*raw.sex);
        if (!subject.sex) problems.push_back({"sex", in_quotes(*raw.sex) + " is not allowed; allowed: female, male"});
    }
    if (raw.age && (*raw.age < 0 || *raw.age > 130))
        problems.push_back({"age", std::to_string(*raw.age) + " is outside the allowed range 0 to 130 years"});
    if (birth) {
        if (subject.test_date) {
            if (*birth > *subject.test_date) {
                problems.push_back({"birth_date", *raw.birth_date + " is after the test date " +
                                                      calendar::format_iso_date(*subject.test_date)});
            }
            else {
                const int age = calendar::age_at(*birth, *subject.test_date);
                if (raw.age && *raw.age != age)
                    problems.push_back({"age", "age " + std::to_string(*raw.age) +
                                                   " contradicts the birth date, which gives " + std::to_string(age) +
                                                   " on " + calendar::format_iso_date(*subject.test_date)});
                subject.age = age;
                subject.age_from_birth_date = true;
            }
        }
    }
    else if (raw.age) {
        subject.age = raw.age;
    }
    if (!problems.empty()) {
        const std::string count = problems.size() == 1 ? "1 problem" : std::to_string(problems.size()) + " problems";
        throw Error(ErrorCode::invalid_input, "the details of the person tested were refused (" + count + ")",
                    std::move(problems));
    }
    return subject;
}

bool Observation::has(const protocol::Item& item) const
{
    for (const Value& v : trials(item))
        if (!v.is_missing()) return true;
    return false;
}

std::ostream& operator<<(std::ostream& out, const Value& value)
{
    switch (value.status) {
    case ValueStatus::missing: return out << "missing";
    case ValueStatus::state: return out << protocol::to_string(value.state);
    case ValueStatus::number: return out << value.number;
    }
    return out;
}

}  // namespace reable::scoring
