#include "reable/units.hpp"

#include <array>
#include <ostream>

namespace reable::units {
namespace {

struct UnitName {
    Unit unit;
    std::string_view symbol;
};

constexpr std::array<UnitName, 8> k_units{{
    {Unit::seconds, "s"},
    {Unit::kilograms, "kg"},
    {Unit::metres, "m"},
    {Unit::centimetres, "cm"},
    {Unit::metres_per_second, "m/s"},
    {Unit::count, "count"},
    {Unit::points, "points"},
    {Unit::percent, "%"},
}};

}  // namespace

std::string_view symbol(Unit unit)
{
    for (const auto& entry : k_units)
        if (entry.unit == unit) return entry.symbol;
    return "?";
}

std::optional<Unit> unit_from_symbol(std::string_view text)
{
    for (const auto& entry : k_units)
        if (entry.symbol == text) return entry.unit;
    return std::nullopt;
}

std::string_view all_symbols() { return "s, kg, m, cm, m/s, count, points, %"; }

std::ostream& operator<<(std::ostream& out, const Measure& measure)
{
    out << measure.value;
    if (measure.unit == Unit::percent) return out << '%';
    return out << ' ' << symbol(measure.unit);
}

}  // namespace reable::units
