// TUG cut-offs from the reference (instruments.md §2), both sides of each.

#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

using reable::testing::interpretation_of;
using reable::testing::score_text;

namespace {
std::string interpret(const std::string& time, const std::string& id)
{
    return interpretation_of(score_text(reable::testing::shipped().instrument("tug"), {{"time", time}}), id);
}
}  // namespace

TEST_CASE("TUG fall risk (Shumway-Cook 2000): 13.49 s not high, 13.50 s high")
{
    CHECK(interpret("13.49", "fall_risk") == "not_high");
    CHECK(interpret("13.50", "fall_risk") == "high");
}

TEST_CASE("TUG EWGSOP2 low physical performance from 20 s")
{
    CHECK(interpret("19.99", "ewgsop2_performance") == "not_low");
    CHECK(interpret("20.00", "ewgsop2_performance") == "low");
}

TEST_CASE("TUG STEADI 12 s (unverified) and Podsiadlo's bands (unverified wording)")
{
    CHECK(interpret("11.99", "steadi_fall_risk") == "not_at_risk");
    CHECK(interpret("12.00", "steadi_fall_risk") == "at_risk");
    CHECK(interpret("9.99", "mobility") == "freely_mobile");
    CHECK(interpret("10.00", "mobility") == "mostly_independent");
    CHECK(interpret("19.99", "mobility") == "mostly_independent");
    CHECK(interpret("20.00", "mobility") == "variable");
    CHECK(interpret("29.99", "mobility") == "variable");
    CHECK(interpret("30.00", "mobility") == "impaired");
    const auto& tug = reable::testing::shipped().instrument("tug");
    for (const auto& interp : tug.interpretations)
        if (interp.id == "steadi_fall_risk" || interp.id == "mobility")
            CHECK(reable::protocol::is_unverified(interp.provenance.confidence));
}

TEST_CASE("TUG unable is a state: never interpreted as a time")
{
    CHECK(interpret("unable", "fall_risk") == "state");
    CHECK(interpret("not_attempted:unsafe", "ewgsop2_performance") == "state");
}
