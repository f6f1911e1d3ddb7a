#include "reable/app/input_check.hpp"

#include <charconv>

namespace reable::app {

void InputCheck::fail(std::string field, std::string message)
{
    m_problems.push_back({std::move(field), std::move(message)});
}

std::optional<calendar::Date> InputCheck::date(std::string_view field, std::string_view text,
                                               std::optional<calendar::Date> latest)
{
    const std::optional<calendar::Date> day = calendar::parse_iso_date(text);
    if (!day) {
        fail(std::string(field), quoted(text) + " is not a date; use YYYY-MM-DD with a day that exists");
        return std::nullopt;
    }
    if (latest && *day > *latest) {
        fail(std::string(field), quoted(text) + " is in the future; the latest allowed date is " +
                                     calendar::format_iso_date(*latest));
        return std::nullopt;
    }
    return day;
}

std::optional<int> InputCheck::integer(std::string_view field, std::string_view text, int min, int max)
{
    long long value = 0;  // wider than int, so that a huge number is out of range rather than not a number
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const std::string range = std::to_string(min) + " to " + std::to_string(max);
    if (text.empty() || (error != std::errc() && error != std::errc::result_out_of_range) ||
        end != text.data() + text.size()) {
        fail(std::string(field), quoted(text) + " is not a whole number; allowed: " + range);
        return std::nullopt;
    }
    if (error == std::errc::result_out_of_range || value < min || value > max) {
        const std::string shown = error == std::errc::result_out_of_range ? std::string(text) : std::to_string(value);
        fail(std::string(field), shown + " is not allowed; allowed: " + range);
        return std::nullopt;
    }
    return static_cast<int>(value);
}

std::optional<std::string> InputCheck::required(std::string_view field, std::string_view text)
{
    if (text.empty()) {
        fail(std::string(field), "is required");
        return std::nullopt;
    }
    return std::string(text);
}

void InputCheck::throw_if_any() const
{
    if (m_problems.empty()) return;
    if (m_problems.size() == 1)
        throw Error(ErrorCode::invalid_input, m_problems[0].where + ": " + m_problems[0].message, m_problems);
    throw Error(ErrorCode::invalid_input, std::to_string(m_problems.size()) + " problems in " + m_what, m_problems);
}

}  // namespace reable::app
