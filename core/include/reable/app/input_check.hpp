#pragma once

#include "reable/calendar.hpp"
#include "reable/error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reable::app {

/// Collects every problem with one request (a command, a CSV row, an HTTP body) before refusing
/// it, so a user fixes everything in one go. Each problem names the field, the value and what is
/// allowed. throw_if_any() throws one Error{invalid_input} carrying them all.
class InputCheck {
public:
    /// `what` names the request in the error message: "the session", "the client".
    explicit InputCheck(std::string what) : m_what(std::move(what)) {}

    void fail(std::string field, std::string message);
    bool ok() const { return m_problems.empty(); }
    const std::vector<ErrorDetail>& problems() const { return m_problems; }

    /// A YYYY-MM-DD date that exists; with `latest`, not after that day (no future dates).
    std::optional<calendar::Date> date(std::string_view field, std::string_view text,
                                       std::optional<calendar::Date> latest = std::nullopt);
    /// A whole number within [min, max].
    std::optional<int> integer(std::string_view field, std::string_view text, int min, int max);
    /// A non-empty text.
    std::optional<std::string> required(std::string_view field, std::string_view text);
    /// A code parsed by `parse`; the message lists `allowed`.
    template <class Parse>
    auto code(std::string_view field, std::string_view text, Parse parse, std::string_view allowed)
        -> decltype(parse(text))
    {
        auto value = parse(text);
        if (!value) fail(std::string(field), quoted(text) + " is not allowed; allowed: " + std::string(allowed));
        return value;
    }

    /// Throws Error{invalid_input}: with one problem the message is "field: problem"; with more,
    /// "N problems in <what>", and the details list each.
    void throw_if_any() const;

    static std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

private:
    std::string m_what;
    std::vector<ErrorDetail> m_problems;
};

}  // namespace reable::app
