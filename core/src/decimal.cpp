#include "reable/decimal.hpp"

#include <cmath>
#include <cstdlib>
#include <ostream>

namespace reable {
namespace {

__extension__ typedef __int128 Wide;

/// a / b rounded half away from zero (b != 0).
Wide divide_rounded(Wide a, Wide b)
{
    const bool negative = (a < 0) != (b < 0);
    const Wide ua = a < 0 ? -a : a;
    const Wide ub = b < 0 ? -b : b;
    Wide q = ua / ub;
    if ((ua % ub) * 2 >= ub) ++q;
    return negative ? -q : q;
}

constexpr std::int64_t pow10(int n)
{
    std::int64_t p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text)
{
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
        negative = text[i] == '-';
        ++i;
    }
    std::int64_t whole = 0;
    std::size_t whole_digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (whole_digits >= 13) return std::nullopt;  // beyond a trillion
        whole = whole * 10 + (text[i] - '0');
        ++whole_digits;
        ++i;
    }
    if (whole_digits == 0) return std::nullopt;
    std::int64_t fraction = 0;
    int fraction_digits = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (fraction_digits == k_fraction_digits) return std::nullopt;
            fraction = fraction * 10 + (text[i] - '0');
            ++fraction_digits;
            ++i;
        }
        if (fraction_digits == 0) return std::nullopt;
    }
    if (i != text.size()) return std::nullopt;
    std::int64_t micros = whole * k_scale + fraction * pow10(k_fraction_digits - fraction_digits);
    if (micros > k_max_micros) return std::nullopt;
    return Decimal{negative ? -micros : micros};
}

std::optional<Decimal> Decimal::from_double(double value)
{
    if (!std::isfinite(value)) return std::nullopt;
    const double scaled = value * static_cast<double>(k_scale);
    if (std::fabs(scaled) > static_cast<double>(k_max_micros)) return std::nullopt;
    const double nearest = std::nearbyint(scaled);
    // A double carries about 16 significant digits; anything further from a whole number of
    // millionths than that error is a value with more than six fractional digits.
    const double tolerance = std::fmax(1e-3, std::fabs(scaled) * 1e-15);
    if (std::fabs(scaled - nearest) > tolerance) return std::nullopt;
    return Decimal{static_cast<std::int64_t>(nearest)};
}

std::string Decimal::to_string() const { return to_string(fraction_digits()); }

std::string Decimal::to_string(int decimals) const
{
    if (decimals < 0) decimals = 0;
    if (decimals > k_fraction_digits) decimals = k_fraction_digits;
    const std::int64_t step = pow10(k_fraction_digits - decimals);
    const std::int64_t units = static_cast<std::int64_t>(divide_rounded(m_micros, step));
    const std::int64_t magnitude = units < 0 ? -units : units;
    const std::int64_t divisor = pow10(decimals);
    std::string out = units < 0 ? "-" : "";
    out += std::to_string(magnitude / divisor);
    if (decimals > 0) {
        std::string fraction = std::to_string(magnitude % divisor);
        out += '.';
        out.append(static_cast<std::size_t>(decimals) - fraction.size(), '0');
        out += fraction;
    }
    return out;
}

int Decimal::fraction_digits() const
{
    std::int64_t rest = m_micros % k_scale;
    if (rest == 0) return 0;
    int digits = k_fraction_digits;
    while (rest % 10 == 0) {
        rest /= 10;
        --digits;
    }
    return digits;
}

bool Decimal::is_multiple_of(Decimal step) const { return step.m_micros > 0 && m_micros % step.m_micros == 0; }

Decimal Decimal::rounded_to(Decimal step) const
{
    const Wide q = divide_rounded(m_micros, step.m_micros);
    return Decimal{static_cast<std::int64_t>(q * step.m_micros)};
}

Decimal operator*(Decimal a, Decimal b)
{
    return Decimal{static_cast<std::int64_t>(divide_rounded(Wide{a.m_micros} * b.m_micros, Decimal::k_scale))};
}

Decimal operator/(Decimal a, Decimal b)
{
    return Decimal{static_cast<std::int64_t>(divide_rounded(Wide{a.m_micros} * Decimal::k_scale, b.m_micros))};
}

std::ostream& operator<<(std::ostream& out, Decimal value) { return out << value.to_string(); }

}  // namespace reable
