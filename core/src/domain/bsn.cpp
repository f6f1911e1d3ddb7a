#include "reable/domain/bsn.hpp"

#include "reable/error.hpp"

#include <algorithm>

namespace reable::domain {

std::optional<std::string> Bsn::problem(std::string_view text)
{
    if (text.empty()) return "a BSN is required";
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "a BSN has digits only";
    if (text.size() != 9 && text.size() != 8) return "a BSN has 9 digits (or 8 with the leading zero left off)";
    const std::string digits = text.size() == 8 ? "0" + std::string(text) : std::string(text);
    if (digits == "000000000") return "a BSN cannot be all zeros";
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (digits[static_cast<std::size_t>(i)] - '0');
    sum -= digits[8] - '0';
    if (sum % 11 != 0) return "the BSN fails the elfproef (check digit)";
    return std::nullopt;
}

Bsn Bsn::parse(std::string_view text)
{
    // The number itself is never repeated in the message: messages end up in logs.
    if (const std::optional<std::string> why = problem(text))
        throw Error(ErrorCode::invalid_input, "bsn: " + *why, {{"bsn", *why}});
    return Bsn(text.size() == 8 ? "0" + std::string(text) : std::string(text));
}

std::string Bsn::masked() const { return "*****" + m_digits.substr(5); }

}  // namespace reable::domain
