#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace reable {

/// An exact decimal number with six fractional digits, stored as a count of millionths.
///
/// Measured values and band edges are decimals as written on a score sheet ("6.20 s"); comparing
/// them as binary doubles would put 6.20 on the wrong side of an edge now and then. Every value
/// Reable scores, every edge and every threshold is a Decimal, so "6.20 is inside 4.82–6.20" holds
/// exactly. Arithmetic that cannot be exact (division, products of two decimals) rounds half away
/// from zero to the nearest millionth.
class Decimal {
public:
    static constexpr std::int64_t k_scale = 1'000'000;
    static constexpr int k_fraction_digits = 6;
    /// The largest magnitude accepted from outside (a trillion), so sums and products never overflow.
    static constexpr std::int64_t k_max_micros = 1'000'000'000'000LL * k_scale;

    constexpr Decimal() = default;

    static constexpr Decimal from_micros(std::int64_t micros) { return Decimal{micros}; }
    static constexpr Decimal from_int(std::int64_t value) { return Decimal{value * k_scale}; }
    /// A decimal from `units` counted in steps of 10^-decimals: from_scaled(620, 2) == 6.20.
    static constexpr Decimal from_scaled(std::int64_t units, int decimals)
    {
        std::int64_t micros = units;
        for (int i = decimals; i < k_fraction_digits; ++i) micros *= 10;
        return Decimal{micros};
    }

    /// Parses plain decimal notation: optional sign, digits, optional '.' and at most six digits.
    /// No exponent, no thousands separator, no decimal comma. Returns nullopt for anything else.
    static std::optional<Decimal> parse(std::string_view text);
    /// Converts a binary double (as JSON parsers deliver numbers) to the nearest millionth.
    /// Returns nullopt when the double is not finite, is out of range, or has more than six
    /// significant fractional digits.
    static std::optional<Decimal> from_double(double value);

    constexpr std::int64_t micros() const { return m_micros; }
    double to_double() const { return static_cast<double>(m_micros) / k_scale; }
    /// The integer part when the value is whole (checked by is_integer()).
    constexpr std::int64_t to_int() const { return m_micros / k_scale; }
    constexpr bool is_integer() const { return m_micros % k_scale == 0; }

    /// Shortest exact notation: 6.2, 10, -0.05.
    std::string to_string() const;
    /// Fixed notation with exactly `decimals` fractional digits, rounding half away from zero.
    std::string to_string(int decimals) const;
    /// How many fractional digits the shortest notation needs (6.20 → 1, 4.82 → 2, 10 → 0).
    int fraction_digits() const;

    /// True when this value is a whole multiple of `step` (step > 0).
    bool is_multiple_of(Decimal step) const;
    /// Rounds to the nearest multiple of `step` (step > 0), halves away from zero.
    Decimal rounded_to(Decimal step) const;

    constexpr Decimal operator-() const { return Decimal{-m_micros}; }
    constexpr Decimal& operator+=(Decimal other)
    {
        m_micros += other.m_micros;
        return *this;
    }
    constexpr Decimal& operator-=(Decimal other)
    {
        m_micros -= other.m_micros;
        return *this;
    }
    friend constexpr Decimal operator+(Decimal a, Decimal b) { return Decimal{a.m_micros + b.m_micros}; }
    friend constexpr Decimal operator-(Decimal a, Decimal b) { return Decimal{a.m_micros - b.m_micros}; }
    friend constexpr auto operator<=>(Decimal, Decimal) = default;

    /// Product rounded to the nearest millionth.
    friend Decimal operator*(Decimal a, Decimal b);
    /// Quotient rounded to the nearest millionth; the divisor must not be zero.
    friend Decimal operator/(Decimal a, Decimal b);

    constexpr Decimal abs() const { return m_micros < 0 ? Decimal{-m_micros} : *this; }

private:
    constexpr explicit Decimal(std::int64_t micros) : m_micros(micros) {}
    std::int64_t m_micros = 0;
};

/// Prints the shortest notation, so doctest failures read "6.2".
std::ostream& operator<<(std::ostream& out, Decimal value);

}  // namespace reable
