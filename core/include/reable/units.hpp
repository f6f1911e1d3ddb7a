#pragma once

#include "reable/decimal.hpp"

#include <iosfwd>
#include <optional>
#include <string_view>

namespace reable::units {

/// The units an instrument file may declare for an item or a score. The symbol is what files and
/// users write ("s", "kg"); values are never converted between units, only checked.
enum class Unit : std::uint8_t {
    seconds,            ///< "s"
    kilograms,          ///< "kg"
    metres,             ///< "m"
    centimetres,        ///< "cm"
    metres_per_second,  ///< "m/s"
    count,              ///< "count": repetitions, stands, steps
    points,             ///< "points": item and total scores, ratings
    percent,            ///< "%"
};

std::string_view symbol(Unit unit);
/// The unit whose symbol is exactly `text`, or nullopt.
std::optional<Unit> unit_from_symbol(std::string_view text);
/// All symbols, comma separated, for error messages ("s, kg, m, …").
std::string_view all_symbols();

/// A value with its unit known only at run time: what the data-driven engine works with, since
/// the unit of an item comes from the instrument file.
struct Measure {
    Decimal value;
    Unit unit;
    friend bool operator==(const Measure&, const Measure&) = default;
};
std::ostream& operator<<(std::ostream& out, const Measure& measure);

/// A value whose unit is part of its type. Code that knows what it handles (the hand-written SPPB
/// reference scorer, callers building observations) uses these, so that adding kilograms to
/// seconds does not compile. Construction and conversion to a run-time Measure are explicit, so
/// not even `metres == seconds` compiles.
template <class Tag>
class Quantity {
public:
    static constexpr Unit unit = Tag::unit;

    constexpr explicit Quantity(Decimal value) : m_value(value) {}
    /// Convenience for literals in whole units and hundredths: Seconds::hundredths(620) == 6.20 s.
    static constexpr Quantity hundredths(std::int64_t n) { return Quantity{Decimal::from_scaled(n, 2)}; }
    static constexpr Quantity whole(std::int64_t n) { return Quantity{Decimal::from_int(n)}; }

    constexpr Decimal value() const { return m_value; }
    constexpr Measure measure() const { return Measure{m_value, unit}; }

    friend constexpr Quantity operator+(Quantity a, Quantity b) { return Quantity{a.m_value + b.m_value}; }
    friend constexpr Quantity operator-(Quantity a, Quantity b) { return Quantity{a.m_value - b.m_value}; }
    friend constexpr auto operator<=>(Quantity, Quantity) = default;

private:
    Decimal m_value;
};

struct SecondsTag {
    static constexpr Unit unit = Unit::seconds;
};
struct KilogramsTag {
    static constexpr Unit unit = Unit::kilograms;
};
struct MetresTag {
    static constexpr Unit unit = Unit::metres;
};
struct CentimetresTag {
    static constexpr Unit unit = Unit::centimetres;
};
struct MetresPerSecondTag {
    static constexpr Unit unit = Unit::metres_per_second;
};
struct CountTag {
    static constexpr Unit unit = Unit::count;
};
struct PointsTag {
    static constexpr Unit unit = Unit::points;
};

using Seconds = Quantity<SecondsTag>;
using Kilograms = Quantity<KilogramsTag>;
using Metres = Quantity<MetresTag>;
using Centimetres = Quantity<CentimetresTag>;
using MetresPerSecond = Quantity<MetresPerSecondTag>;
using Count = Quantity<CountTag>;
using Points = Quantity<PointsTag>;

/// Speed over a course: the one cross-unit operation core needs, spelled out so no other compiles.
inline MetresPerSecond operator/(Metres distance, Seconds time)
{
    return MetresPerSecond{distance.value() / time.value()};
}

template <class Tag>
std::ostream& operator<<(std::ostream& out, Quantity<Tag> quantity)
{
    return out << quantity.measure();
}

}  // namespace reable::units
