// SPPB band edges, written from the reference (NIA score sheet via the PHOSP dictionary;
// instruments.md §1), not from sppb.json: both sides of every published edge.

#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

using reable::testing::interpretation_of;
using reable::testing::score_of;
using reable::testing::score_text;

namespace {

const reable::protocol::Instrument& sppb() { return reable::testing::shipped().instrument("sppb"); }

std::string gait_points(const std::string& item, const std::string& time)
{
    return score_of(score_text(sppb(), {{item, time}}), "gait");
}

std::string chair_points(const std::string& time)
{
    return score_of(score_text(sppb(), {{"chair_stand_5x", time}}), "chair");
}

std::string balance(const std::string& side, const std::string& semi, const std::string& tandem)
{
    std::vector<std::pair<std::string, std::string>> values{{"balance_side_by_side", side}};
    if (!semi.empty()) values.push_back({"balance_semi_tandem", semi});
    if (!tandem.empty()) values.push_back({"balance_tandem", tandem});
    return score_of(score_text(sppb(), values), "balance");
}

}  // namespace

TEST_CASE("SPPB 4-m gait: 4.81 → 4, 4.82 → 3, 6.20 → 3, 6.21 → 2, 8.70 → 2, 8.71 → 1, unable → 0")
{
    CHECK(gait_points("gait_4m", "0.01") == "4");
    CHECK(gait_points("gait_4m", "4.81") == "4");
    CHECK(gait_points("gait_4m", "4.82") == "3");
    CHECK(gait_points("gait_4m", "6.20") == "3");
    CHECK(gait_points("gait_4m", "6.21") == "2");
    CHECK(gait_points("gait_4m", "8.70") == "2");
    CHECK(gait_points("gait_4m", "8.71") == "1");
    CHECK(gait_points("gait_4m", "300") == "1");
    CHECK(gait_points("gait_4m", "unable") == "0");
}

TEST_CASE("SPPB 4-m gait uses the faster of two trials")
{
    const auto report = score_text(sppb(), {{"gait_4m", "6.21"}, {"gait_4m", "6.20"}});
    CHECK(score_of(report, "gait_4m_time") == "6.2");
    CHECK(score_of(report, "gait") == "3");
    CHECK(score_of(score_text(sppb(), {{"gait_4m", "unable"}, {"gait_4m", "9.10"}}), "gait") == "1");
}

TEST_CASE("SPPB 3-m gait: < 3.62 → 4, 3.62–4.65 → 3, 4.66–6.52 → 2, > 6.52 → 1")
{
    CHECK(gait_points("gait_3m", "3.61") == "4");
    CHECK(gait_points("gait_3m", "3.62") == "3");
    CHECK(gait_points("gait_3m", "4.65") == "3");
    CHECK(gait_points("gait_3m", "4.66") == "2");
    CHECK(gait_points("gait_3m", "6.52") == "2");
    CHECK(gait_points("gait_3m", "6.53") == "1");
    CHECK(gait_points("gait_3m", "unable") == "0");
}

TEST_CASE("SPPB 3-m gait flags the two edges the sources write inconsistently")
{
    auto flags_for = [](const std::string& time) {
        return reable::scoring::flag_codes(score_text(sppb(), {{"gait_3m", time}}));
    };
    const std::string flag = "uncertain_edge:gait_3m_points";
    auto has = [&](const std::vector<std::string>& flags) {
        return std::find(flags.begin(), flags.end(), flag) != flags.end();
    };
    CHECK(has(flags_for("3.62")));
    CHECK(has(flags_for("6.52")));
    CHECK_FALSE(has(flags_for("3.61")));
    CHECK_FALSE(has(flags_for("4.65")));
    CHECK_FALSE(has(flags_for("6.53")));
}

TEST_CASE("SPPB chair stands: ≤ 11.19 → 4, 11.20–13.69 → 3, 13.70–16.69 → 2, ≥ 16.70 → 1, > 60 s → 0")
{
    CHECK(chair_points("11.19") == "4");
    CHECK(chair_points("11.20") == "3");
    CHECK(chair_points("13.69") == "3");
    CHECK(chair_points("13.70") == "2");
    CHECK(chair_points("16.69") == "2");
    CHECK(chair_points("16.70") == "1");
    CHECK(chair_points("60.00") == "1");
    CHECK(chair_points("60.01") == "0");
}

TEST_CASE("SPPB chair stands: unable, used arms and not attempted score 0, and are not times")
{
    CHECK(chair_points("unable") == "0");
    CHECK(chair_points("used_arms") == "0");
    CHECK(chair_points("not_attempted:refused") == "0");
}

TEST_CASE("SPPB balance: hierarchical, with the tandem stand's 3.00 s edge")
{
    SUBCASE("side-by-side not held: 0 and the test stops") { CHECK(balance("9.99", "", "") == "0"); }
    SUBCASE("side-by-side not attempted: 0") { CHECK(balance("not_attempted:unsafe", "", "") == "0"); }
    SUBCASE("semi-tandem not held: 1") { CHECK(balance("10", "9.99", "") == "1"); }
    SUBCASE("tandem under 3.00 s: 2") { CHECK(balance("10", "10", "2.99") == "2"); }
    SUBCASE("tandem 3.00 s: 3") { CHECK(balance("10", "10", "3.00") == "3"); }
    SUBCASE("tandem 9.99 s: 3") { CHECK(balance("10", "10", "9.99") == "3"); }
    SUBCASE("tandem 10 s: 4") { CHECK(balance("10", "10", "10.00") == "4"); }
    SUBCASE("tandem not attempted: 2") { CHECK(balance("10", "10", "not_attempted:refused") == "2"); }
    SUBCASE("a stray tandem after a failed semi-tandem does not count") { CHECK(balance("10", "9.50", "10") == "1"); }
    SUBCASE("a missing semi-tandem leaves balance missing") { CHECK(balance("10", "", "") == "missing"); }
}

TEST_CASE("SPPB total and its groups on both sides of 3|4, 6|7, 8|9 and 9|10")
{
    // Balance 0 (side-by-side not held) or 4 (all held), plus gait and chair points.
    auto scored = [](bool full_balance, const std::string& gait, const std::string& chair) {
        return score_text(sppb(), {{"balance_side_by_side", full_balance ? "10" : "5"},
                                   {"balance_semi_tandem", "10"},
                                   {"balance_tandem", "10"},
                                   {"gait_4m", gait},
                                   {"chair_stand_5x", chair}});
    };
    const auto total_3 = scored(false, "8.71", "13.70");  // 0 + 1 + 2
    const auto total_4 = scored(false, "6.21", "13.70");  // 0 + 2 + 2
    const auto total_6 = scored(false, "4.82", "13.69");  // 0 + 3 + 3
    const auto total_7 = scored(true, "8.71", "16.69");   // 4 + 1 + 2
    const auto total_8 = scored(true, "6.21", "13.70");   // 4 + 2 + 2
    const auto total_9 = scored(true, "6.21", "13.69");   // 4 + 2 + 3
    const auto total_10 = scored(true, "6.20", "13.69");  // 4 + 3 + 3
    CHECK(score_of(total_3, "total") == "3");
    CHECK(score_of(total_4, "total") == "4");
    CHECK(score_of(total_6, "total") == "6");
    CHECK(score_of(total_7, "total") == "7");
    CHECK(score_of(total_8, "total") == "8");
    CHECK(score_of(total_9, "total") == "9");
    CHECK(score_of(total_10, "total") == "10");
    CHECK(interpretation_of(total_3, "total_group") == "score_0_3");
    CHECK(interpretation_of(total_4, "total_group") == "score_4_6");
    CHECK(interpretation_of(total_6, "total_group") == "score_4_6");
    CHECK(interpretation_of(total_7, "total_group") == "score_7_9");
    CHECK(interpretation_of(total_9, "total_group") == "score_7_9");
    CHECK(interpretation_of(total_10, "total_group") == "score_10_12");
    CHECK(interpretation_of(total_9, "disability_risk") == "predicts_disability");
    CHECK(interpretation_of(total_10, "disability_risk") == "not_predictive");
    CHECK(interpretation_of(total_8, "ewgsop2_performance") == "low");
    CHECK(interpretation_of(total_9, "ewgsop2_performance") == "not_low");
}
