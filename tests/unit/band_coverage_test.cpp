// The band-table checks of the loader, directly: gaps, overlaps and never-matching bands at the
// input's precision.

#include "protocol/band_coverage.hpp"  // private to core; tested directly

#include <doctest/doctest.h>

using namespace reable;
using namespace reable::protocol;

namespace {

Decimal d(const char* text) { return Decimal::parse(text).value(); }
Interval ge_le(const char* lo, const char* hi) { return Interval{Edge{d(lo), true}, Edge{d(hi), true}}; }
Interval lt(const char* hi) { return Interval{std::nullopt, Edge{d(hi), false}}; }
Interval le(const char* hi) { return Interval{std::nullopt, Edge{d(hi), true}}; }
Interval gt(const char* lo) { return Interval{Edge{d(lo), false}, std::nullopt}; }
Interval ge(const char* lo) { return Interval{Edge{d(lo), true}, std::nullopt}; }

const Domain k_seconds{d("0.01"), d("300"), d("0.01"), units::Unit::seconds, true};

std::vector<std::string> messages(const std::vector<Interval>& bands, const Domain& domain)
{
    std::vector<std::string> out;
    for (const CoverageProblem& p : check_coverage(bands, domain))
        out.push_back(std::to_string(p.band) + ": " + p.message);
    return out;
}

}  // namespace

TEST_CASE("the NIA 4-m gait bands cover every hundredth of a second exactly once")
{
    CHECK(messages({lt("4.82"), ge_le("4.82", "6.20"), ge_le("6.21", "8.70"), gt("8.70")}, k_seconds).empty());
}

TEST_CASE("a gap of one hundredth is found and named")
{
    CHECK(messages({lt("4.82"), ge_le("4.82", "6.20"), ge_le("6.22", "8.70"), gt("8.70")}, k_seconds) ==
          std::vector<std::string>{"2: no band covers 6.21 s"});
}

TEST_CASE("Guralnik's 1-decimal chair bands leave gaps at 2-decimal precision")
{
    // ≤ 11.1 / 11.2–13.6 / 13.7–16.6 / ≥ 16.7: the reason the NIA sheet writes two decimals.
    CHECK(messages({le("11.1"), ge_le("11.2", "13.6"), ge_le("13.7", "16.6"), ge("16.7")}, k_seconds) ==
          std::vector<std::string>{"1: no band covers 11.11 s to 11.19 s", "2: no band covers 13.61 s to 13.69 s",
                                   "3: no band covers 16.61 s to 16.69 s"});
}

TEST_CASE("an edge written on both sides as inclusive is an overlap")
{
    CHECK(messages({le("6.20"), ge("6.20")}, k_seconds) ==
          std::vector<std::string>{"1: overlaps band 0: both cover 6.20 s"});
    CHECK(messages({le("6.30"), ge("6.20")}, k_seconds) ==
          std::vector<std::string>{"1: overlaps band 0: both cover 6.20 s to 6.30 s"});
}

TEST_CASE("both ends of the allowed range must be covered")
{
    CHECK(messages({ge_le("1.00", "8.70")}, k_seconds) ==
          std::vector<std::string>{"0: no band covers 0.01 s to 0.99 s", "0: no band covers 8.71 s to 300.00 s"});
    const Domain open{std::nullopt, std::nullopt, Decimal::from_micros(1), units::Unit::metres};
    CHECK(messages({ge_le("0", "100")}, open) ==
          std::vector<std::string>{"0: no band covers values below 0 m", "0: no band covers values above 100 m"});
    CHECK(messages({lt("0"), ge("0")}, open).empty());
}

TEST_CASE("a band outside the allowed range can never apply")
{
    const Domain points{d("0"), d("12"), d("1"), units::Unit::points};
    CHECK(messages({le("12"), ge("13")}, points) ==
          std::vector<std::string>{"1: this band can never apply: no allowed value lies in it"});
}

TEST_CASE("edges finer than a measured input's precision are refused")
{
    CHECK(check_on_grid(d("6.20"), k_seconds) == std::nullopt);
    CHECK(
        check_on_grid(d("6.205"), k_seconds) ==
        "edge 6.205 is finer than the input's precision (0.01 s), so values on either side of it cannot be told apart");
}

TEST_CASE("a total that only comes in steps of 5 keeps the edges as published (Barthel 0-100: 20 | 21-60 | 61-90 | "
          "91-99 | 100)")
{
    const Domain barthel{d("0"), d("100"), d("5"), units::Unit::points, false};
    CHECK(check_on_grid(d("21"), barthel) == std::nullopt);
    CHECK(messages({le("20"), ge_le("21", "60"), ge_le("61", "90"), ge_le("91", "99"), ge("100")}, barthel).empty());
    const BandIndex index =
        compile_bands({le("20"), ge_le("21", "60"), ge_le("61", "90"), ge_le("91", "99"), ge("100")}, barthel);
    CHECK(index.find(d("20")) == 0);
    CHECK(index.find(d("25")) == 1);
    CHECK(index.find(d("60")) == 1);
    CHECK(index.find(d("65")) == 2);
    CHECK(index.find(d("95")) == 3);
    CHECK(index.find(d("100")) == 4);
}
