#include "reable/analysis/statistics.hpp"
#include "reable/error.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace reable::analysis;

namespace {

/// Published tables print three decimals: agree to within half of the last one.
bool agrees_to_3_decimals(double value, double table) { return std::abs(value - table) < 0.0005; }

}  // namespace

TEST_CASE("Student t quantiles agree with the published two-sided 95 percent table")
{
    struct Row { double df; double t; };
    for (const Row row : {Row{1, 12.706}, Row{2, 4.303}, Row{5, 2.571}, Row{10, 2.228}, Row{30, 2.042},
                          Row{120, 1.980}}) {
        CAPTURE(row.df);
        const double t = student_t_quantile(0.975, row.df);
        CHECK(agrees_to_3_decimals(t, row.t));
        CHECK(student_t_quantile(0.025, row.df) == doctest::Approx(-t));  // symmetric about 0
    }
    CHECK(student_t_quantile(0.5, 7) == doctest::Approx(0).epsilon(1e-12));
}

TEST_CASE("Student t quantile refuses a probability outside (0, 1) and non-positive degrees of freedom")
{
    for (const double p : {0.0, 1.0, -0.1, 1.5, std::nan("")}) {
        CAPTURE(p);
        CHECK_THROWS_AS(student_t_quantile(p, 5), reable::Error);
    }
    CHECK_THROWS_AS(student_t_quantile(0.975, 0), reable::Error);
    CHECK_THROWS_AS(student_t_quantile(0.975, -3), reable::Error);
    CHECK_THROWS_AS(student_t_quantile(0.975, std::numeric_limits<double>::infinity()), reable::Error);
}

TEST_CASE("mean, sample SD and t interval of a small hand-computed data set")
{
    // {2, 4, 4, 4, 5, 5, 7, 9}: sum 40, mean 5.
    // Squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; sample variance 32 / 7 = 4.571429;
    // SD = √4.571429 = 2.138090. Standard error 2.138090 / √8 = 0.755929.
    // t(0.975, 7) = 2.364624 (table: 2.365); half-width 2.364624 × 0.755929 = 1.787488.
    // 95% CI: 5 − 1.787488 = 3.212512 to 5 + 1.787488 = 6.787488.
    RunningStats stats;
    for (const double x : {2, 4, 4, 4, 5, 5, 7, 9}) stats.add(x);
    CHECK(stats.n() == 8);
    CHECK(stats.mean() == doctest::Approx(5));
    REQUIRE(stats.sd().has_value());
    CHECK(*stats.sd() == doctest::Approx(2.138090).epsilon(1e-6));

    const MeanInterval ci = stats.interval();
    CHECK(ci.n == 8);
    CHECK(ci.mean == doctest::Approx(5));
    REQUIRE(ci.low.has_value());
    REQUIRE(ci.high.has_value());
    CHECK(*ci.low == doctest::Approx(3.212512).epsilon(1e-6));
    CHECK(*ci.high == doctest::Approx(6.787488).epsilon(1e-6));

    // A 90% interval is narrower: t(0.95, 7) = 1.894579, half-width 1.432167.
    const MeanInterval ci90 = stats.interval(0.90);
    CHECK(*ci90.low == doctest::Approx(5 - 1.432167).epsilon(1e-6));
    CHECK(*ci90.high == doctest::Approx(5 + 1.432167).epsilon(1e-6));
}

TEST_CASE("no values, one value and two values behave as documented")
{
    RunningStats stats;
    CHECK(stats.n() == 0);
    CHECK(stats.mean() == 0);
    CHECK_FALSE(stats.sd().has_value());
    MeanInterval ci = stats.interval();
    CHECK(ci.n == 0);
    CHECK_FALSE(ci.sd.has_value());
    CHECK_FALSE(ci.low.has_value());
    CHECK_FALSE(ci.high.has_value());

    stats.add(7.5);  // one value: a mean, but no spread and no interval
    CHECK(stats.n() == 1);
    CHECK(stats.mean() == 7.5);
    CHECK_FALSE(stats.sd().has_value());
    ci = stats.interval();
    CHECK(ci.n == 1);
    CHECK(ci.mean == 7.5);
    CHECK_FALSE(ci.sd.has_value());
    CHECK_FALSE(ci.low.has_value());
    CHECK_FALSE(ci.high.has_value());

    // Two values 7.5 and 9.5: mean 8.5, SD √((1 + 1) / 1) = √2 = 1.414214, SE √2 / √2 = 1;
    // t(0.975, 1) = 12.706205, so the interval is 8.5 ± 12.706205: wide, as it should be.
    stats.add(9.5);
    ci = stats.interval();
    CHECK(ci.n == 2);
    CHECK(ci.mean == doctest::Approx(8.5));
    REQUIRE(ci.sd.has_value());
    CHECK(*ci.sd == doctest::Approx(std::sqrt(2.0)));
    CHECK(*ci.low == doctest::Approx(8.5 - 12.706205).epsilon(1e-6));
    CHECK(*ci.high == doctest::Approx(8.5 + 12.706205).epsilon(1e-6));
}

TEST_CASE("an interval refuses a confidence level outside (0, 1)")
{
    RunningStats stats;
    stats.add(1);
    stats.add(2);
    CHECK_THROWS_AS(stats.interval(0), reable::Error);
    CHECK_THROWS_AS(stats.interval(1), reable::Error);
    CHECK_THROWS_AS(stats.interval(95), reable::Error);
}

TEST_CASE("Welford stays accurate for large values close together")
{
    // 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, deviations −6, −3, 3, 6, sum of squares 90,
    // sample variance 90 / 3 = 30. The textbook Σx² − n·mean² form cancels away every digit here.
    RunningStats stats;
    for (const double d : {4, 7, 13, 16}) stats.add(1e9 + d);
    CHECK(stats.mean() == doctest::Approx(1e9 + 10).epsilon(1e-15));
    REQUIRE(stats.sd().has_value());
    CHECK(*stats.sd() * *stats.sd() == doctest::Approx(30).epsilon(1e-9));

    // The same holds a thousand times over: the spread of 1e9 + {4, 7, 13, 16} repeated.
    RunningStats many;
    for (int i = 0; i < 1000; ++i)
        for (const double d : {4, 7, 13, 16}) many.add(1e9 + d);
    // Σ squared deviations = 1000 × 90 over n − 1 = 3999.
    CHECK(*many.sd() * *many.sd() == doctest::Approx(90000.0 / 3999).epsilon(1e-9));
}

TEST_CASE("Wilson interval of 8 of 10 against a hand-computed value")
{
    // z = 1.959964, z² = 3.841459, n = 10, p = 0.8.
    // denominator 1 + z²/n = 1.384146; centre (0.8 + z²/20) / 1.384146 = 0.992073 / 1.384146 = 0.716740.
    // half-width z / 1.384146 × √(0.8 × 0.2 / 10 + z²/400) = 1.416009 × √0.025604 = 0.226578.
    // Interval 0.490162 to 0.943318.
    const Proportion share = wilson_interval(8, 10);
    CHECK(share.successes == 8);
    CHECK(share.n == 10);
    CHECK(share.share == doctest::Approx(0.8));
    REQUIRE(share.low.has_value());
    REQUIRE(share.high.has_value());
    CHECK(*share.low == doctest::Approx(0.490162).epsilon(1e-5));
    CHECK(*share.high == doctest::Approx(0.943318).epsilon(1e-5));
}

TEST_CASE("Wilson interval at the edges: 0 of n, n of n and no cases")
{
    // 0 of 10: the lower bound is exactly 0; upper z²/n / (1 + z²/n) = 0.384146 / 1.384146 = 0.277533.
    const Proportion none = wilson_interval(0, 10);
    CHECK(none.share == 0);
    CHECK(*none.low == 0.0);
    CHECK(*none.high == doctest::Approx(0.277533).epsilon(1e-5));

    // 10 of 10 mirrors it: 0.722467 to exactly 1.
    const Proportion all = wilson_interval(10, 10);
    CHECK(all.share == 1);
    CHECK(*all.low == doctest::Approx(0.722467).epsilon(1e-5));
    CHECK(*all.high == 1.0);

    const Proportion empty = wilson_interval(0, 0);
    CHECK(empty.n == 0);
    CHECK(empty.share == 0);
    CHECK_FALSE(empty.low.has_value());
    CHECK_FALSE(empty.high.has_value());

    CHECK_THROWS_AS(wilson_interval(11, 10), reable::Error);
    CHECK_THROWS_AS(wilson_interval(1, 10, 1.0), reable::Error);
}
