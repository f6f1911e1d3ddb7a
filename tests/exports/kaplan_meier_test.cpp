#include "reable/analysis/kaplan_meier.hpp"
#include "reable/error.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace reable::analysis;

namespace {

/// 10 subjects: events on days 3, 5, 5, 8, 12; censored on days 5, 6, 10, 15, 15.
KaplanMeier ten_subjects()
{
    KaplanMeier km;
    for (const int day : {3, 5, 5, 8, 12}) km.add(day, true);
    for (const int day : {5, 6, 10, 15, 15}) km.add(day, false);
    return km;
}

}  // namespace

TEST_CASE("Kaplan-Meier of ten subjects computed step by step by hand")
{
    // day  at risk  events  censored  S
    //  3     10       1        0      1 × 9/10            = 0.9
    //  5      9       2        1      0.9 × 7/9           = 0.7      (the censored one counts at risk)
    //  6      6       0        1      0.7
    //  8      5       1        0      0.7 × 4/5           = 0.56
    // 10      4       0        1      0.56
    // 12      3       1        0      0.56 × 2/3          = 0.373333
    // 15      2       0        2      0.373333
    //
    // Greenwood sums Σ d / (n (n − d)) and log intervals S·exp(±1.959964·√sum):
    //  3: 1/(10·9) = 0.011111, √ = 0.105409, ×z = 0.206598;
    //     low 0.9 × exp(−0.206598) = 0.9 × 0.813346 = 0.732012; high 0.9 × 1.229489 = 1.10654 → 1.
    //  5: 0.011111 + 2/(9·7) = 0.042857, √ = 0.207020, ×z = 0.405751;
    //     low 0.7 × exp(−0.405751) = 0.7 × 0.666476 = 0.466533; high 0.7 × 1.500429 = 1.0503 → 1.
    //  8: 0.042857 + 1/(5·4) = 0.092857, √ = 0.304725; low 0.56 × 0.550323 = 0.308181.
    // 12: 0.092857 + 1/(3·2) = 0.259524, √ = 0.509435; low 0.373333 × 0.368441 = 0.137551.
    // Censor-only days keep the previous day's interval.
    const KaplanMeier km = ten_subjects();
    CHECK(km.subjects() == 10);
    CHECK(km.events() == 5);

    const std::vector<KmStep> steps = km.steps();
    REQUIRE(steps.size() == 7);
    struct Row { int day; std::size_t at_risk, events, censored; double survival; };
    const Row expected[] = {{3, 10, 1, 0, 0.9},  {5, 9, 2, 1, 0.7},  {6, 6, 0, 1, 0.7},
                            {8, 5, 1, 0, 0.56}, {10, 4, 0, 1, 0.56}, {12, 3, 1, 0, 0.56 * 2 / 3},
                            {15, 2, 0, 2, 0.56 * 2 / 3}};
    for (std::size_t i = 0; i < steps.size(); ++i) {
        CAPTURE(i);
        CHECK(steps[i].day == expected[i].day);
        CHECK(steps[i].at_risk == expected[i].at_risk);
        CHECK(steps[i].events == expected[i].events);
        CHECK(steps[i].censored == expected[i].censored);
        CHECK(steps[i].survival == doctest::Approx(expected[i].survival));
        REQUIRE(steps[i].low.has_value());
        REQUIRE(steps[i].high.has_value());
        CHECK(*steps[i].high == 1.0);  // every upper bound of so small a sample is clipped
    }
    CHECK(*steps[0].low == doctest::Approx(0.732012).epsilon(1e-5));
    CHECK(*steps[1].low == doctest::Approx(0.466533).epsilon(1e-5));
    CHECK(*steps[2].low == *steps[1].low);
    CHECK(*steps[3].low == doctest::Approx(0.308181).epsilon(1e-5));
    CHECK(*steps[5].low == doctest::Approx(0.137551).epsilon(1e-5));
    CHECK(*steps[6].low == *steps[5].low);

    CHECK(km.median() == 12);  // S first falls to 0.5 or below on day 12 (0.373333)
}

TEST_CASE("Kaplan-Meier interval of a larger sample is not clipped")
{
    // 100 subjects, 50 events on day 10 and 50 censored on day 20. S(10) = 50/100 = 0.5.
    // Greenwood 50 / (100 × 50) = 0.01, √ = 0.1, ×z = 0.195996;
    // low 0.5 × exp(−0.195996) = 0.5 × 0.822012 = 0.411006; high 0.5 × 1.216527 = 0.608264.
    KaplanMeier km;
    for (int i = 0; i < 50; ++i) km.add(10, true);
    for (int i = 0; i < 50; ++i) km.add(20, false);
    const std::vector<KmStep> steps = km.steps();
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].survival == doctest::Approx(0.5));
    CHECK(*steps[0].low == doctest::Approx(0.411006).epsilon(1e-5));
    CHECK(*steps[0].high == doctest::Approx(0.608264).epsilon(1e-5));
    CHECK(km.median() == 10);  // S = 0.5 exactly counts as reaching the median
}

TEST_CASE("Kaplan-Meier with everyone censored stays at 1 and has no median")
{
    KaplanMeier km;
    for (const int day : {0, 30, 30, 400}) km.add(day, false);
    CHECK(km.subjects() == 4);
    CHECK(km.events() == 0);
    const std::vector<KmStep> steps = km.steps();
    REQUIRE(steps.size() == 3);
    for (const KmStep& step : steps) {
        CHECK(step.survival == 1.0);
        CHECK_FALSE(step.low.has_value());  // no event yet: no interval
        CHECK_FALSE(step.high.has_value());
    }
    CHECK(steps[1].at_risk == 3);
    CHECK(steps[1].censored == 2);
    CHECK_FALSE(km.median().has_value());
    CHECK(km.survival_at(1000) == 1.0);
}

TEST_CASE("Kaplan-Meier counts a tie's censorings at risk for that day's events")
{
    // Day 5: one event and one censoring among 4. Events first: at risk 4, S = 3/4.
    // (Censoring first would give 2/3.) Day 7: the last two, one event: S = 3/4 × 1/2 = 0.375.
    KaplanMeier km;
    km.add(5, false);
    km.add(5, true);
    km.add(7, true);
    km.add(7, false);
    const std::vector<KmStep> steps = km.steps();
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].at_risk == 4);
    CHECK(steps[0].events == 1);
    CHECK(steps[0].censored == 1);
    CHECK(steps[0].survival == doctest::Approx(0.75));
    CHECK(steps[1].at_risk == 2);
    CHECK(steps[1].survival == doctest::Approx(0.375));
}

TEST_CASE("Kaplan-Meier reaching zero has no interval from then on")
{
    // 2 subjects: an event on day 1, an event on day 2. S(1) = 0.5, S(2) = 0 exactly.
    KaplanMeier km;
    km.add(1, true);
    km.add(2, true);
    const std::vector<KmStep> steps = km.steps();
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].low.has_value());
    CHECK(steps[1].survival == 0.0);
    CHECK_FALSE(steps[1].low.has_value());
    CHECK_FALSE(steps[1].high.has_value());
    CHECK(km.median() == 1);
}

TEST_CASE("Kaplan-Meier median is the first day with S at or below one half")
{
    // 6 subjects, events on days 2, 4, 6, 8, 10, 12: S = 5/6, 4/6, 3/6 on day 6.
    KaplanMeier km;
    for (const int day : {12, 2, 10, 4, 8, 6}) km.add(day, true);  // order of adding does not matter
    CHECK(km.median() == 6);
    KaplanMeier empty;
    CHECK_FALSE(empty.median().has_value());
    CHECK(empty.steps().empty());
    CHECK(empty.survival_at(10) == 1.0);
}

TEST_CASE("Kaplan-Meier survival between steps is the last step's value")
{
    const KaplanMeier km = ten_subjects();
    CHECK(km.survival_at(0) == 1.0);
    CHECK(km.survival_at(2) == 1.0);
    CHECK(km.survival_at(3) == doctest::Approx(0.9));
    CHECK(km.survival_at(4) == doctest::Approx(0.9));
    CHECK(km.survival_at(5) == doctest::Approx(0.7));
    CHECK(km.survival_at(7) == doctest::Approx(0.7));
    CHECK(km.survival_at(11) == doctest::Approx(0.56));
    CHECK(km.survival_at(12) == doctest::Approx(0.373333).epsilon(1e-5));
    CHECK(km.survival_at(365) == doctest::Approx(0.373333).epsilon(1e-5));
    CHECK(km.survival_at(-1) == 1.0);
}

TEST_CASE("Kaplan-Meier refuses a negative day")
{
    KaplanMeier km;
    try {
        km.add(-1, true);
        FAIL("a negative day was accepted");
    } catch (const reable::Error& e) {
        CHECK(e.code() == reable::ErrorCode::invalid_input);
    }
    CHECK(km.subjects() == 0);
    km.add(0, true);  // day 0 itself is allowed
    CHECK(km.survival_at(0) == 0.0);
}
