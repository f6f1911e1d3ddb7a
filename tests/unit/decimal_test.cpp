#include "reable/decimal.hpp"

#include <doctest/doctest.h>

#include <limits>

using reable::Decimal;

namespace {
Decimal d(const char* text) { return Decimal::parse(text).value(); }
}  // namespace

TEST_CASE("Decimal parses plain decimal notation exactly")
{
    CHECK(d("6.20").micros() == 6'200'000);
    CHECK(d("6.2") == d("6.20"));
    CHECK(d("-0.5").micros() == -500'000);
    CHECK(d("+3").micros() == 3'000'000);
    CHECK(d("0.000001").micros() == 1);
    CHECK(d("1000000000000").micros() == Decimal::k_max_micros);
}

TEST_CASE("Decimal refuses what is not plain decimal notation")
{
    for (const char* bad :
         {"", "-", ".5", "6.", "6,20", "1e3", "6.2.0", " 6.2", "6.2 ", "0x10", "1.1234567", "10000000000000", "nan"}) {
        CAPTURE(bad);
        CHECK_FALSE(Decimal::parse(bad).has_value());
    }
}

TEST_CASE("Decimal from a JSON double keeps what was written and refuses what it cannot hold")
{
    CHECK(Decimal::from_double(6.2).value() == d("6.2"));
    CHECK(Decimal::from_double(4.82).value() == d("4.82"));
    CHECK(Decimal::from_double(-309).value() == d("-309"));
    CHECK(Decimal::from_double(0.1 + 0.2).value() == d("0.3"));  // the double nearest 0.3 within its error
    CHECK_FALSE(Decimal::from_double(6.2050001).has_value());
    CHECK_FALSE(Decimal::from_double(1e300).has_value());
    CHECK_FALSE(Decimal::from_double(std::numeric_limits<double>::infinity()).has_value());
}

TEST_CASE("Decimal prints the shortest exact notation or a fixed number of decimals")
{
    CHECK(d("6.20").to_string() == "6.2");
    CHECK(d("10").to_string() == "10");
    CHECK(d("-0.05").to_string() == "-0.05");
    CHECK(d("6.2").to_string(2) == "6.20");
    CHECK(d("0.805").to_string(2) == "0.81");
    CHECK(d("-0.805").to_string(2) == "-0.81");
    CHECK(d("494.5").to_string(0) == "495");
    CHECK(d("4.82").fraction_digits() == 2);
    CHECK(d("7").fraction_digits() == 0);
}

TEST_CASE("Decimal rounds half away from zero and checks multiples exactly")
{
    CHECK(d("0.805").rounded_to(d("0.01")) == d("0.81"));
    CHECK(d("0.8049").rounded_to(d("0.01")) == d("0.8"));
    CHECK(d("-2.5").rounded_to(d("1")) == d("-3"));
    CHECK(d("6.20").is_multiple_of(d("0.01")));
    CHECK_FALSE(d("6.205").is_multiple_of(d("0.01")));
    CHECK(d("15").is_multiple_of(d("5")));
}

TEST_CASE("Decimal products and quotients are rounded to the nearest millionth")
{
    CHECK(d("7.57") * d("170") == d("1286.9"));
    CHECK(d("4") / d("4.94") == d("0.809717"));
    CHECK(d("1") / d("3") == d("0.333333"));
    CHECK(d("2") / d("3") == d("0.666667"));
    CHECK(d("-1") / d("3") == d("-0.333333"));
}
