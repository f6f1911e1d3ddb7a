#include "reable/units.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace reable;
using namespace reable::units;

namespace {
template <class T>
std::string printed(const T& value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}
}  // namespace

TEST_CASE("unit symbols round-trip and unknown symbols are refused")
{
    for (Unit u : {Unit::seconds, Unit::kilograms, Unit::metres, Unit::centimetres, Unit::metres_per_second,
                   Unit::count, Unit::points, Unit::percent})
        CHECK(unit_from_symbol(symbol(u)) == u);
    CHECK_FALSE(unit_from_symbol("sec").has_value());
    CHECK_FALSE(unit_from_symbol("S").has_value());
}

TEST_CASE("quantities of one unit add, subtract and compare, speed is metres over seconds")
{
    const Seconds a = Seconds::hundredths(620);
    const Seconds b = Seconds::hundredths(482);
    CHECK((a + b) == Seconds::hundredths(1102));
    CHECK((a - b) == Seconds::hundredths(138));
    CHECK(b < a);
    const MetresPerSecond speed = Metres::whole(4) / Seconds::whole(5);
    CHECK(speed.value() == Decimal::parse("0.8").value());
}

TEST_CASE("values print with their unit, so test failures read \"6.2 s\"")
{
    CHECK(printed(Seconds::hundredths(620)) == "6.2 s");
    CHECK(printed(Kilograms::whole(27)) == "27 kg");
    CHECK(printed(Measure{Decimal::from_int(85), Unit::percent}) == "85%");
    CHECK(Seconds::hundredths(620).measure() == Measure{Decimal::parse("6.2").value(), Unit::seconds});
}
