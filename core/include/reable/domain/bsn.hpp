#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace reable::domain {

/// A citizen service number that passed the elfproef. Always 9 digits (an 8-digit number gets its
/// leading zero). Never printed in messages, logs or exports: it lives in the identity table only.
class Bsn {
public:
    /// Normalises (8 digits → leading zero) and checks the number: 9 digits, not all zeros, and
    /// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11. Throws Error{invalid_input} saying which
    /// rule failed, without repeating the number.
    static Bsn parse(std::string_view text);
    /// The same check without throwing: the reason it fails, or nullopt when it is valid.
    static std::optional<std::string> problem(std::string_view text);

    const std::string& digits() const { return m_digits; }
    /// "*****6782": enough for a person to recognise the number, too little to use it.
    std::string masked() const;
    bool operator==(const Bsn&) const = default;

private:
    explicit Bsn(std::string digits) : m_digits(std::move(digits)) {}
    std::string m_digits;
};

}  // namespace reable::domain
