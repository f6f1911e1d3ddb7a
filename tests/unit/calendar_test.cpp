#include "reable/calendar.hpp"

#include <doctest/doctest.h>

using namespace reable::calendar;

namespace {
Date day(const char* text) { return parse_iso_date(text).value(); }
}  // namespace

TEST_CASE("formatting agrees with date::format and round-trips for every day from 0001 to 2200")
{
    for (Date d = day("0001-01-01"); d <= day("2200-12-31"); d += date::days(1)) {
        const std::string text = format_iso_date(d);
        REQUIRE(text == date::format("%F", d));
        REQUIRE(parse_iso_date(text) == d);
    }
}

TEST_CASE("ISO dates are parsed strictly and checked to exist")
{
    CHECK(format_iso_date(day("2026-11-23")) == "2026-11-23");
    CHECK(parse_iso_date("2024-02-29").has_value());
    for (const char* bad : {"2026-02-29", "2026-13-01", "2026-00-10", "2026-11-31", "2026-1-05", "20261123",
                            "2026/11/23", "23-11-2026", "", "2026-11-23T10:00"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso_date(bad).has_value());
    }
}

TEST_CASE("age compares month and day, never days / 365")
{
    CHECK(age_at(day("1946-11-24"), day("2026-11-23")) == 79);  // days / 365 would give 80
    CHECK(age_at(day("1946-11-23"), day("2026-11-23")) == 80);
    CHECK(age_at(day("1946-11-22"), day("2026-11-23")) == 80);
    CHECK(age_at(day("1946-12-31"), day("2026-01-01")) == 79);
    CHECK(age_at(day("2026-11-23"), day("2026-11-23")) == 0);
}

TEST_CASE("someone born on 29 February has a birthday on 1 March in common years")
{
    CHECK(age_at(day("1944-02-29"), day("2025-02-28")) == 80);
    CHECK(age_at(day("1944-02-29"), day("2025-03-01")) == 81);
    CHECK(age_at(day("1944-02-29"), day("2024-02-29")) == 80);
}

TEST_CASE("month arithmetic clamps to the end of the month")
{
    CHECK(add_months_clamped(day("2026-01-31"), 1) == day("2026-02-28"));
    CHECK(add_months_clamped(day("2028-01-31"), 1) == day("2028-02-29"));
    CHECK(add_months_clamped(day("2024-02-29"), 24) == day("2026-02-28"));
    CHECK(add_months_clamped(day("2024-02-29"), 48) == day("2028-02-29"));
    CHECK(add_months_clamped(day("2026-08-31"), 3) == day("2026-11-30"));
    CHECK(add_months_clamped(day("2026-03-31"), -1) == day("2026-02-28"));
    CHECK(add_months_clamped(day("2026-11-23"), 0) == day("2026-11-23"));
}
