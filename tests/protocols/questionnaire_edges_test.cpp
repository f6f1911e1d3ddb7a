// Questionnaire scoring and cut-offs, written from the reference (instruments.md §10 De Jong
// Gierveld, §11 EDIZ / EDIZ-plus / Caregiver Strain Index, §15 Powerful Ageing outcome tests),
// not from the JSON files: every published edge on both sides, the per-answer scoring, the
// missing-data rules, and refusals.
//
// Answer codes used by the questionnaires: yes!, yes, more_or_less, no, no!  (ja!, ja, min of
// meer, nee, nee!). Item ids q1…q11 keep the De Jong Gierveld questionnaire numbering.

#include "reable/error.hpp"
#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

using reable::testing::interpretation_of;
using reable::testing::score_of;
using reable::testing::score_text;

namespace {

using Values = std::vector<std::pair<std::string, std::string>>;

const reable::protocol::Instrument& instrument(const char* id) { return reable::testing::shipped().instrument(id); }

bool has_flag(const reable::scoring::ScoreReport& report, const std::string& flag)
{
    const auto flags = reable::scoring::flag_codes(report);
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

bool has_flag_code(const reable::scoring::ScoreReport& report, const std::string& code)
{
    for (const std::string& f : reable::scoring::flag_codes(report))
        if (f.rfind(code + ":", 0) == 0) return true;
    return false;
}

std::string q(int n) { return "q" + std::to_string(n); }

// ---- De Jong Gierveld (instruments.md §10) -------------------------------------------------
// Negatively worded items (emotional loneliness) score 1 for yes!/yes/more or less.
// Positively worded items (social loneliness) score 1 for no/no!/more or less.
const std::vector<int> k_negative11{2, 3, 5, 6, 9, 10};
const std::vector<int> k_positive11{1, 4, 7, 8, 11};
const std::vector<int> k_negative6{3, 9, 10};
const std::vector<int> k_positive6{4, 7, 8};

bool is_negative(int item) { return std::find(k_negative11.begin(), k_negative11.end(), item) != k_negative11.end(); }

/// The answers that score 1 / 0 on an item, by the side it is worded on.
const char* lonely_answer(int item, int variant = 0)
{
    static const char* negative[] = {"yes!", "yes", "more_or_less"};
    static const char* positive[] = {"no", "no!", "more_or_less"};
    return (is_negative(item) ? negative : positive)[variant % 3];
}
const char* not_lonely_answer(int item, int variant = 0)
{
    static const char* negative[] = {"no", "no!"};
    static const char* positive[] = {"yes", "yes!"};
    return (is_negative(item) ? negative : positive)[variant % 2];
}

/// Answers for `items`, with the items in `lonely` answered on the lonely side; items in `skip`
/// are left unanswered. Answer variants rotate so that every code is exercised.
Values djg_answers(const std::vector<int>& items, const std::set<int>& lonely, const std::set<int>& skip = {})
{
    Values values;
    int variant = 0;
    for (int item : items) {
        if (skip.count(item)) continue;
        values.push_back(
            {q(item), lonely.count(item) ? lonely_answer(item, variant) : not_lonely_answer(item, variant)});
        ++variant;
    }
    return values;
}

/// The first `count` items of `order`, as a set.
std::set<int> first(const std::vector<int>& order, int count) { return {order.begin(), order.begin() + count}; }

const std::vector<int> k_items11{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
const std::vector<int> k_items6{3, 4, 7, 8, 9, 10};

}  // namespace

TEST_CASE("DJG-11: every answer on every item, positive and negative side, 'more or less' scores 1 on both")
{
    const auto& djg = instrument("djg-loneliness-11");
    for (int item = 1; item <= 11; ++item) {
        for (const char* answer : {"yes!", "yes", "more_or_less", "no", "no!"}) {
            CAPTURE(item);
            CAPTURE(answer);
            // All other items on the not-lonely side, so the total is this item's point.
            Values values = djg_answers(k_items11, {});
            for (auto& [id, value] : values)
                if (id == q(item)) value = answer;
            const std::string a = answer;
            const bool scores =
                a == "more_or_less" || (is_negative(item) ? (a == "yes!" || a == "yes") : (a == "no" || a == "no!"));
            const auto report = score_text(djg, values);
            CHECK(score_of(report, "total") == (scores ? "1" : "0"));
            CHECK(score_of(report, is_negative(item) ? "emotional" : "social") == (scores ? "1" : "0"));
            CHECK(score_of(report, is_negative(item) ? "social" : "emotional") == "0");
        }
    }
}

TEST_CASE("DJG-11: 'more or less' on a positive item (1) and on a negative item (2) scores 2")
{
    Values values = djg_answers(k_items11, {});
    for (auto& [id, value] : values)
        if (id == "q1" || id == "q2") value = "more_or_less";
    const auto report = score_text(instrument("djg-loneliness-11"), values);
    CHECK(score_of(report, "total") == "2");
    CHECK(score_of(report, "social") == "1");
    CHECK(score_of(report, "emotional") == "1");
}

TEST_CASE("DJG-11 categories: 0-2 not lonely, 3-8 moderately, 9-10 severely, 11 very severely lonely")
{
    const struct {
        int total;
        const char* category;
        const char* monitor;  // Monitor Gezondheid: lonely = 3 or more
    } table[] = {
        {0, "not_lonely", "not_lonely"},        {2, "not_lonely", "not_lonely"},  {3, "moderately_lonely", "lonely"},
        {8, "moderately_lonely", "lonely"},     {9, "severely_lonely", "lonely"}, {10, "severely_lonely", "lonely"},
        {11, "very_severely_lonely", "lonely"},
    };
    // Mix the sides: alternate negative and positive items as the count rises.
    const std::vector<int> order{2, 1, 3, 4, 5, 7, 6, 8, 9, 11, 10};
    for (const auto& row : table) {
        CAPTURE(row.total);
        const auto report =
            score_text(instrument("djg-loneliness-11"), djg_answers(k_items11, first(order, row.total)));
        CHECK(score_of(report, "total") == std::to_string(row.total));
        CHECK(interpretation_of(report, "loneliness") == row.category);
        CHECK(interpretation_of(report, "lonely_monitor") == row.monitor);
        CHECK(reable::scoring::flag_codes(report).empty());
    }
}

TEST_CASE("DJG-11 subscales: emotional = negative items (0-6), social = positive items (0-5)")
{
    const auto& djg = instrument("djg-loneliness-11");
    SUBCASE("all negative items lonely")
    {
        const auto report = score_text(djg, djg_answers(k_items11, {k_negative11.begin(), k_negative11.end()}));
        CHECK(score_of(report, "emotional") == "6");
        CHECK(score_of(report, "social") == "0");
        CHECK(score_of(report, "total") == "6");
    }
    SUBCASE("all positive items lonely")
    {
        const auto report = score_text(djg, djg_answers(k_items11, {k_positive11.begin(), k_positive11.end()}));
        CHECK(score_of(report, "emotional") == "0");
        CHECK(score_of(report, "social") == "5");
        CHECK(score_of(report, "total") == "5");
    }
    SUBCASE("two of each")
    {
        const auto report = score_text(djg, djg_answers(k_items11, {2, 10, 4, 11}));
        CHECK(score_of(report, "emotional") == "2");
        CHECK(score_of(report, "social") == "2");
        CHECK(score_of(report, "total") == "4");
    }
}

TEST_CASE("DJG-11 missing: no imputation rule in the reference, so one missing item leaves the total missing")
{
    const auto& djg = instrument("djg-loneliness-11");
    for (int skipped : {1, 6, 11}) {
        CAPTURE(skipped);
        const auto report = score_text(djg, djg_answers(k_items11, {2, 3, 4}, {skipped}));
        CHECK(score_of(report, "total") == "missing");
        CHECK(score_of(report, is_negative(skipped) ? "emotional" : "social") == "missing");
        CHECK(interpretation_of(report, "loneliness") == "no_value");
        CHECK(has_flag(report, "incomplete:total"));
        CHECK_FALSE(has_flag_code(report, "partial"));
    }
}

TEST_CASE("DJG-11 refuses an answer that is not one of the five codes")
{
    CHECK_THROWS_AS(score_text(instrument("djg-loneliness-11"), {{"q1", "sometimes"}}), reable::Error);
    CHECK_THROWS_AS(score_text(instrument("djg-loneliness-11"), {{"q1", "1"}}), reable::Error);
}

TEST_CASE("DJG-6: the items are 3, 9, 10 (emotional) and 4, 7, 8 (social) of the 11-item scale")
{
    const auto& djg6 = instrument("djg-loneliness-6");
    for (int item : k_items11) {
        const bool in_short = std::find(k_items6.begin(), k_items6.end(), item) != k_items6.end();
        CAPTURE(item);
        CHECK((djg6.find_item(q(item)) != nullptr) == in_short);
    }
    // Every answer on every item scores as on the 11-item scale.
    for (int item : k_items6) {
        for (const char* answer : {"yes!", "yes", "more_or_less", "no", "no!"}) {
            CAPTURE(item);
            CAPTURE(answer);
            Values values = djg_answers(k_items6, {});
            for (auto& [id, value] : values)
                if (id == q(item)) value = answer;
            const std::string a = answer;
            const bool scores =
                a == "more_or_less" || (is_negative(item) ? (a == "yes!" || a == "yes") : (a == "no" || a == "no!"));
            const auto report = score_text(djg6, values);
            CHECK(score_of(report, "total") == (scores ? "1" : "0"));
            CHECK(score_of(report, is_negative(item) ? "emotional" : "social") == (scores ? "1" : "0"));
        }
    }
}

TEST_CASE("DJG-6 categories: 0-1 not lonely, 2-4 moderately lonely, 5-6 severely lonely")
{
    const struct {
        int total;
        const char* category;
    } table[] = {{0, "not_lonely"},        {1, "not_lonely"},      {2, "moderately_lonely"},
                 {4, "moderately_lonely"}, {5, "severely_lonely"}, {6, "severely_lonely"}};
    const std::vector<int> order{4, 3, 7, 9, 8, 10};
    for (const auto& row : table) {
        CAPTURE(row.total);
        const auto report = score_text(instrument("djg-loneliness-6"), djg_answers(k_items6, first(order, row.total)));
        CHECK(score_of(report, "total") == std::to_string(row.total));
        CHECK(interpretation_of(report, "loneliness") == row.category);
        CHECK(reable::scoring::flag_codes(report).empty());
    }
}

TEST_CASE("DJG-6 subscales 0-3: 0 not lonely, 1-3 lonely")
{
    const auto& djg6 = instrument("djg-loneliness-6");
    const struct {
        std::set<int> lonely;
        const char* emotional;
        const char* social;
        const char* emotional_band;
        const char* social_band;
    } table[] = {
        {{}, "0", "0", "not_lonely", "not_lonely"},    {{3}, "1", "0", "lonely", "not_lonely"},
        {{8}, "0", "1", "not_lonely", "lonely"},       {{3, 9, 10}, "3", "0", "lonely", "not_lonely"},
        {{4, 7, 8}, "0", "3", "not_lonely", "lonely"},
    };
    for (const auto& row : table) {
        CAPTURE(row.emotional);
        CAPTURE(row.social);
        const auto report = score_text(djg6, djg_answers(k_items6, row.lonely));
        CHECK(score_of(report, "emotional") == row.emotional);
        CHECK(score_of(report, "social") == row.social);
        CHECK(interpretation_of(report, "emotional_lonely") == row.emotional_band);
        CHECK(interpretation_of(report, "social_lonely") == row.social_band);
    }
}

TEST_CASE("DJG-6 missing rule (manual syntax)")
{
    const auto& djg6 = instrument("djg-loneliness-6");
    SUBCASE("one item missing: total is the count over the five answered items, flagged partial")
    {
        // Lonely on 3, 4, 7, 9; item 10 (emotional) unanswered.
        const auto report = score_text(djg6, djg_answers(k_items6, {3, 4, 7, 9}, {10}));
        CHECK(score_of(report, "total") == "4");
        CHECK(has_flag(report, "partial:total"));
        CHECK_FALSE(has_flag(report, "incomplete:total"));
        CHECK(interpretation_of(report, "loneliness") == "moderately_lonely");
        // The subscale with the missing item is missing; the other is scored.
        CHECK(score_of(report, "emotional") == "missing");
        CHECK(has_flag(report, "incomplete:emotional"));
        CHECK(interpretation_of(report, "emotional_lonely") == "no_value");
        CHECK(score_of(report, "social") == "2");
        CHECK(interpretation_of(report, "social_lonely") == "lonely");
    }
    SUBCASE("one social item missing, nothing lonely: total 0 over five items, social missing")
    {
        const auto report = score_text(djg6, djg_answers(k_items6, {}, {4}));
        CHECK(score_of(report, "total") == "0");
        CHECK(has_flag(report, "partial:total"));
        CHECK(score_of(report, "social") == "missing");
        CHECK(score_of(report, "emotional") == "0");
    }
    SUBCASE("two items missing: the total is missing")
    {
        const auto report = score_text(djg6, djg_answers(k_items6, {3, 4, 7}, {9, 8}));
        CHECK(score_of(report, "total") == "missing");
        CHECK(has_flag(report, "incomplete:total"));
        CHECK_FALSE(has_flag(report, "partial:total"));
        CHECK(interpretation_of(report, "loneliness") == "no_value");
    }
    SUBCASE("two items of the same subscale missing: total missing, the other subscale still scored")
    {
        const auto report = score_text(djg6, djg_answers(k_items6, {4, 7, 8}, {3, 9}));
        CHECK(score_of(report, "total") == "missing");
        CHECK(score_of(report, "emotional") == "missing");
        CHECK(score_of(report, "social") == "3");
    }
    SUBCASE("nothing missing: no partial flag")
    {
        const auto report = score_text(djg6, djg_answers(k_items6, {3}));
        CHECK(score_of(report, "total") == "1");
        CHECK(reable::scoring::flag_codes(report).empty());
    }
}

TEST_CASE("DJG-6 refuses the 11-item-only items and unknown answers")
{
    CHECK_THROWS_AS(score_text(instrument("djg-loneliness-6"), {{"q1", "yes"}}), reable::Error);
    CHECK_THROWS_AS(score_text(instrument("djg-loneliness-6"), {{"q3", "often"}}), reable::Error);
}

// ---- Caregiver burden (instruments.md §11) -------------------------------------------------

namespace {
/// `count` items answered with a 1-point answer (rotating over yes!, yes, more or less) and the
/// rest with no / no!, for an instrument with items q1…q`items`.
Values burden_answers(int items, int count, const std::set<int>& skip = {})
{
    static const char* burdened[] = {"yes!", "yes", "more_or_less"};
    static const char* not_burdened[] = {"no", "no!"};
    Values values;
    for (int i = 1; i <= items; ++i) {
        if (skip.count(i)) continue;
        values.push_back({q(i), i <= count ? burdened[i % 3] : not_burdened[i % 2]});
    }
    return values;
}
}  // namespace

TEST_CASE("EDIZ: 1 point for ja!, ja or min of meer, 0 for nee or nee!, on every statement")
{
    const auto& ediz = instrument("ediz");
    REQUIRE(ediz.items.size() == 9);
    const struct {
        const char* answer;
        const char* points;
    } table[] = {{"yes!", "1"}, {"yes", "1"}, {"more_or_less", "1"}, {"no", "0"}, {"no!", "0"}};
    for (int item = 1; item <= 9; ++item)
        for (const auto& row : table) {
            CAPTURE(item);
            CAPTURE(row.answer);
            Values values = burden_answers(9, 0);
            for (auto& [id, value] : values)
                if (id == q(item)) value = row.answer;
            CHECK(score_of(score_text(ediz, values), "total") == row.points);
        }
}

TEST_CASE("EDIZ: total 0-9, no imputation for a missing statement, unknown answers refused")
{
    const auto& ediz = instrument("ediz");
    for (int count = 0; count <= 9; ++count)
        CHECK(score_of(score_text(ediz, burden_answers(9, count)), "total") == std::to_string(count));
    const auto missing = score_text(ediz, burden_answers(9, 5, {9}));
    CHECK(score_of(missing, "total") == "missing");
    CHECK(has_flag(missing, "incomplete:total"));
    CHECK_THROWS_AS(score_text(ediz, {{"q1", "sometimes"}}), reable::Error);
    CHECK_THROWS_AS(score_text(ediz, {{"q10", "yes"}}), reable::Error);
}

TEST_CASE("EDIZ: no cut-off is confirmed, so any interpretation of the 9-item EDIZ is labelled unverified")
{
    const auto& ediz = instrument("ediz");
    for (const auto& interp : ediz.interpretations) {
        CAPTURE(interp.id);
        CHECK(reable::protocol::is_unverified(interp.provenance.confidence));
        CHECK_FALSE(interp.provenance.note.empty());
    }
    if (!ediz.interpretations.empty()) CHECK(ediz.has_unverified_rules());
    // Where the 'some monitors use 7 or more' rule is present, it sits at 6|7 and reports it unverified.
    for (const auto& interp : ediz.interpretations) {
        const auto six = score_text(ediz, burden_answers(9, 6));
        const auto seven = score_text(ediz, burden_answers(9, 7));
        CHECK(interpretation_of(six, interp.id) != interpretation_of(seven, interp.id));
        for (const auto& line : seven.interpretations)
            if (line.id == interp.id) CHECK(reable::protocol::is_unverified(line.provenance.confidence));
    }
}

TEST_CASE("EDIZ-plus: 15 statements, 0 none, 1-3 light, 4-8 moderate, 9-15 heavy (zwaar belast)")
{
    const auto& plus = instrument("ediz-plus");
    REQUIRE(plus.items.size() == 15);
    const struct {
        int total;
        const char* burden;
    } table[] = {{0, "none"},     {1, "light"}, {3, "light"}, {4, "moderate"},
                 {8, "moderate"}, {9, "heavy"}, {15, "heavy"}};
    for (const auto& row : table) {
        CAPTURE(row.total);
        const auto report = score_text(plus, burden_answers(15, row.total));
        CHECK(score_of(report, "total") == std::to_string(row.total));
        CHECK(interpretation_of(report, "burden") == row.burden);
    }
    for (const auto& interp : plus.interpretations)
        CHECK(interp.provenance.confidence == reable::protocol::Confidence::confirmed);
}

TEST_CASE("EDIZ-plus: same 0/1 scoring per answer, a missing statement leaves the total missing")
{
    const auto& plus = instrument("ediz-plus");
    for (const char* answer : {"yes!", "yes", "more_or_less"}) {
        Values values = burden_answers(15, 0);
        values[14].second = answer;
        CHECK(score_of(score_text(plus, values), "total") == "1");
    }
    const auto missing = score_text(plus, burden_answers(15, 9, {1}));
    CHECK(score_of(missing, "total") == "missing");
    CHECK(interpretation_of(missing, "burden") == "no_value");
    CHECK_THROWS_AS(score_text(plus, {{"q16", "yes"}}), reable::Error);
}

namespace {
// Robinson 1983, in the reference's order.
const std::vector<std::string> k_csi_items{"sleep_disturbed", "inconvenient",          "physical_strain",
                                           "confining",       "family_adjustments",    "personal_plans",
                                           "other_demands",   "emotional_adjustments", "upsetting_behaviour",
                                           "person_changed",  "work_adjustments",      "financial_strain",
                                           "overwhelmed"};
Values csi_answers(int yes_count, int skip = -1)
{
    Values values;
    for (int i = 0; i < static_cast<int>(k_csi_items.size()); ++i)
        if (i != skip) values.push_back({k_csi_items[static_cast<std::size_t>(i)], i < yes_count ? "yes" : "no"});
    return values;
}
}  // namespace

TEST_CASE("CSI: 13 yes/no items, yes = 1, 7 or more is a high level of strain")
{
    const auto& csi = instrument("csi");
    REQUIRE(csi.items.size() == 13);
    const struct {
        int yes;
        const char* strain;
    } table[] = {{0, "not_high"}, {6, "not_high"}, {7, "high"}, {13, "high"}};
    for (const auto& row : table) {
        CAPTURE(row.yes);
        const auto report = score_text(csi, csi_answers(row.yes));
        CHECK(score_of(report, "total") == std::to_string(row.yes));
        CHECK(interpretation_of(report, "strain") == row.strain);
    }
}

TEST_CASE(
    "CSI: each item scores yes 1, no 0, Modified-CSI answers are refused, a missing item leaves the total missing")
{
    const auto& csi = instrument("csi");
    for (const std::string& item : k_csi_items) {
        CAPTURE(item);
        Values values = csi_answers(0);
        for (auto& [id, value] : values)
            if (id == item) value = "yes";
        CHECK(score_of(score_text(csi, values), "total") == "1");
    }
    CHECK_THROWS_AS(score_text(csi, {{"sleep_disturbed", "sometimes"}}), reable::Error);
    CHECK_THROWS_AS(score_text(csi, {{"sleep_disturbed", "2"}}), reable::Error);
    const auto missing = score_text(csi, csi_answers(8, 12));
    CHECK(score_of(missing, "total") == "missing");
    CHECK(has_flag(missing, "incomplete:total"));
}

// ---- Powerful Ageing outcome tests (instruments.md §15): recorded, never scored ------------------

TEST_CASE("Powerful Ageing outcome tests record results only: no scores, interpretations or norms")
{
    const struct {
        const char* id;
        Values valid;
        Values out_of_range;
    } table[] = {
        {"power-squat", {{"load", "12.5"}, {"time", "8.42"}}, {{"load", "-1"}}},
        {"lifting-test", {{"load", "5"}, {"time", "3.25"}}, {{"time", "0"}}},
        {"star-agility-run", {{"time", "24.37"}}, {{"time", "-3"}}},
        {"psk", {{"activity_1", "7"}, {"activity_2", "0"}, {"activity_3", "10"}}, {{"activity_1", "11"}}},
    };
    for (const auto& row : table) {
        CAPTURE(row.id);
        const auto& test = instrument(row.id);
        CHECK(test.scores.empty());
        CHECK(test.interpretations.empty());
        CHECK(test.norms.empty());
        CHECK(test.changes.empty());
        const auto report = score_text(test, row.valid);
        CHECK(report.scores.empty());
        CHECK(report.interpretations.empty());
        CHECK(reable::scoring::flag_codes(report).empty());
        CHECK(report.items.size() == row.valid.size());
        CHECK_THROWS_AS(score_text(test, row.out_of_range), reable::Error);
    }
}

TEST_CASE("Powerful Ageing timed tests keep 'unable' as a state, never 0 s")
{
    for (const char* id : {"power-squat", "lifting-test", "star-agility-run"}) {
        CAPTURE(id);
        const auto report = score_text(instrument(id), {{"time", "unable"}});
        REQUIRE(report.items.size() == 1);
        REQUIRE(report.items[0].trials.size() == 1);
        CHECK(report.items[0].trials[0].value.is_state());
    }
}
