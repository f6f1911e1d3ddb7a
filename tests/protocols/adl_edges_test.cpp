// ADL, frailty and goal instruments: GFI, Katz ADL, Barthel (0-20 and 0-100), Lawton IADL and
// COPM. Every expected value is written from the reference (instruments.md §6-§9), not from the
// JSON files: item directions, totals, both sides of every published cut-off, the minimal
// important change as the source writes it (">" or "≥"), and what happens to missing answers.

#include "reable/scoring/change.hpp"
#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace reable;
using reable::testing::interpretation_of;
using reable::testing::score_of;
using reable::testing::score_text;

namespace {

using Answers = std::vector<std::pair<std::string, std::string>>;

const protocol::Instrument& instrument(const char* id) { return reable::testing::shipped().instrument(id); }

/// `base` with the answers in `changes` replaced (or added), and the items in `drop` left out.
Answers with(Answers base, const Answers& changes, const std::vector<std::string>& drop = {})
{
    for (const auto& [id, value] : changes) {
        auto it = std::find_if(base.begin(), base.end(), [&](const auto& a) { return a.first == id; });
        if (it == base.end())
            base.push_back({id, value});
        else
            it->second = value;
    }
    std::erase_if(base, [&](const auto& a) { return std::find(drop.begin(), drop.end(), a.first) != drop.end(); });
    return base;
}

bool has_flag(const scoring::ScoreReport& report, const std::string& flag)
{
    const auto flags = scoring::flag_codes(report);
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

bool refused(const protocol::Instrument& inst, const Answers& answers)
{
    try {
        score_text(inst, answers);
    }
    catch (const Error&) {
        return true;
    }
    return false;
}

std::string shown_text(const scoring::ScoreReport& report, const std::string& score_id)
{
    for (const auto& line : report.scores)
        if (line.id == score_id) return line.shown.text;
    FAIL("no score " << score_id);
    return {};
}

// ---- change between two occasions: reable::testing::change_between and change_line ----

scoring::ChangeReport change(const protocol::Instrument& inst, const Answers& before, const Answers& after)
{
    return reable::testing::change_between(inst, before, after);
}

using reable::testing::change_line;

// ---- GFI (§6) ----

const protocol::Instrument& gfi() { return instrument("gfi"); }

/// Answers that score 0 on every GFI item: independent in items 1-4, fitness 8, no problems.
const Answers k_gfi_none{{"shopping", "yes"},  {"walking_outside", "yes"}, {"dressing", "yes"},
                         {"toileting", "yes"}, {"fitness_grade", "8"},     {"vision", "no"},
                         {"hearing", "no"},    {"weight_loss", "no"},      {"medication", "no"},
                         {"memory", "no"},     {"emptiness", "no"},        {"missing_people", "no"},
                         {"abandoned", "no"},  {"downhearted", "no"},      {"anxious", "no"}};

std::string gfi_total(const Answers& changes)
{
    return score_of(score_text(gfi(), with(k_gfi_none, changes)), "total");
}

// ---- Barthel (§7c) ----

/// Item → maximum points on the 0-20 version (Collin 1988).
const std::vector<std::pair<std::string, int>> k_barthel_max{
    {"bowels", 2},   {"bladder", 2},  {"grooming", 1}, {"toilet_use", 2}, {"feeding", 2},
    {"transfer", 3}, {"mobility", 3}, {"dressing", 2}, {"stairs", 2},     {"bathing", 1}};

/// The same administration (one level per item, 0 = lowest) as 0-20 answers or as 0-100 answers.
Answers barthel_answers(const std::vector<int>& levels, int step)
{
    Answers answers;
    for (std::size_t i = 0; i < k_barthel_max.size(); ++i)
        answers.push_back({k_barthel_max[i].first, std::to_string(levels[i] * step)});
    return answers;
}

std::vector<int> barthel_max_levels()
{
    std::vector<int> levels;
    for (const auto& [item, max] : k_barthel_max) levels.push_back(max);
    return levels;
}

/// Levels that add up to `total` on the 0-20 version (filled from the first item on).
std::vector<int> barthel_levels_for(int total)
{
    std::vector<int> levels;
    for (const auto& [item, max] : k_barthel_max) {
        const int take = std::min(max, total);
        levels.push_back(take);
        total -= take;
    }
    REQUIRE(total == 0);
    return levels;
}

/// The code of the interpretation band that contains `value`, read from the band table itself
/// (for published edges such as 21 that a multiple-of-5 total can never take).
std::string band_code(const protocol::Instrument& inst, const std::string& interpretation_id, int value)
{
    for (const auto& interp : inst.interpretations) {
        if (interp.id != interpretation_id) continue;
        std::string code;
        int matches = 0;
        for (const auto& band : interp.bands)
            if (band.when.contains(Decimal::from_int(value))) {
                code = band.code;
                ++matches;
            }
        CHECK_MESSAGE(matches == 1, value << " lies in " << matches << " bands");
        return code;
    }
    FAIL("no interpretation " << interpretation_id);
    return {};
}

// ---- Lawton (§8) ----

const protocol::Instrument& lawton() { return instrument("lawton-iadl"); }

struct LawtonDomain {
    const char* id;
    bool in_five_domain;      // A, B, F, G, H: the historical score for men
    std::vector<int> points;  // points of levels 1, 2, …
};

const std::vector<LawtonDomain> k_lawton{
    {"telephone", true, {1, 1, 1, 0}},
    {"shopping", true, {1, 0, 0, 0}},
    {"food_preparation", false, {1, 0, 0, 0}},
    {"housekeeping", false, {1, 1, 1, 1, 0}},
    {"laundry", false, {1, 1, 0}},
    {"transportation", true, {1, 1, 1, 0, 0}},
    {"medication", true, {1, 0, 0}},
    {"finances", true, {1, 1, 0}},
};

Answers lawton_all(const char* level)
{
    Answers answers;
    for (const auto& d : k_lawton) answers.push_back({d.id, level});
    return answers;
}

// ---- COPM (§9) ----

const protocol::Instrument& copm() { return instrument("copm"); }

/// Performance ratings for problems 1, 2, … (satisfaction left out unless given).
Answers copm_performance(const std::vector<int>& ratings)
{
    Answers answers;
    for (std::size_t i = 0; i < ratings.size(); ++i)
        answers.push_back({"problem" + std::to_string(i + 1) + "_performance", std::to_string(ratings[i])});
    return answers;
}

Answers copm_satisfaction(const std::vector<int>& ratings)
{
    Answers answers;
    for (std::size_t i = 0; i < ratings.size(); ++i)
        answers.push_back({"problem" + std::to_string(i + 1) + "_satisfaction", std::to_string(ratings[i])});
    return answers;
}

}  // namespace

// =====================================================================================
// Groningen Frailty Indicator
// =====================================================================================

TEST_CASE("GFI: 15 items at one point each, 3 is not frail, 4 is frail")
{
    const auto none = score_text(gfi(), k_gfi_none);
    CHECK(score_of(none, "total") == "0");
    CHECK(interpretation_of(none, "frailty") == "not_frail");

    // fitness grade 6, memory "yes", emptiness "sometimes": 3 points.
    const Answers three{{"fitness_grade", "6"}, {"memory", "yes"}, {"emptiness", "sometimes"}};
    const auto report_3 = score_text(gfi(), with(k_gfi_none, three));
    CHECK(score_of(report_3, "total") == "3");
    CHECK(interpretation_of(report_3, "frailty") == "not_frail");

    // … plus "no" to shopping without help: 4 points, frail.
    const auto report_4 = score_text(gfi(), with(k_gfi_none, with(three, {{"shopping", "no"}})));
    CHECK(score_of(report_4, "total") == "4");
    CHECK(interpretation_of(report_4, "frailty") == "frail");

    // A different route to 4: four psychosocial "sometimes" answers.
    const auto psychosocial_4 = score_text(gfi(), with(k_gfi_none, {{"emptiness", "sometimes"},
                                                                    {"missing_people", "sometimes"},
                                                                    {"abandoned", "sometimes"},
                                                                    {"downhearted", "sometimes"}}));
    CHECK(score_of(psychosocial_4, "total") == "4");
    CHECK(interpretation_of(psychosocial_4, "frailty") == "frail");

    const Answers all{{"shopping", "no"},   {"walking_outside", "no"}, {"dressing", "no"},
                      {"toileting", "no"},  {"fitness_grade", "0"},    {"vision", "yes"},
                      {"hearing", "yes"},   {"weight_loss", "yes"},    {"medication", "yes"},
                      {"memory", "yes"},    {"emptiness", "yes"},      {"missing_people", "yes"},
                      {"abandoned", "yes"}, {"downhearted", "yes"},    {"anxious", "yes"}};
    const auto all_report = score_text(gfi(), all);
    CHECK(score_of(all_report, "total") == "15");
    CHECK(interpretation_of(all_report, "frailty") == "frail");
}

TEST_CASE("GFI: every item's scoring direction")
{
    struct Case {
        const char* item;
        const char* answer;
        const char* points;
    };
    const std::vector<Case> cases{
        // Mobility 1-4: "no" (cannot do it without help) scores 1.
        {"shopping", "no", "1"},
        {"shopping", "yes", "0"},
        {"walking_outside", "no", "1"},
        {"walking_outside", "yes", "0"},
        {"dressing", "no", "1"},
        {"dressing", "yes", "0"},
        {"toileting", "no", "1"},
        {"toileting", "yes", "0"},
        // Fitness 5: a grade of 0-6 scores 1.
        {"fitness_grade", "0", "1"},
        {"fitness_grade", "6", "1"},
        {"fitness_grade", "7", "0"},
        {"fitness_grade", "10", "0"},
        // Vision, hearing, weight loss, medicines 6-9: "yes" scores 1.
        {"vision", "yes", "1"},
        {"vision", "no", "0"},
        {"hearing", "yes", "1"},
        {"hearing", "no", "0"},
        {"weight_loss", "yes", "1"},
        {"weight_loss", "no", "0"},
        {"medication", "yes", "1"},
        {"medication", "no", "0"},
        // Memory 10: only "yes" scores 1; "sometimes" scores 0 (EP Mobile, secondary).
        {"memory", "yes", "1"},
        {"memory", "sometimes", "0"},
        {"memory", "no", "0"},
        // Psychosocial 11-15: "yes" or "sometimes" scores 1.
        {"emptiness", "yes", "1"},
        {"emptiness", "sometimes", "1"},
        {"emptiness", "no", "0"},
        {"missing_people", "yes", "1"},
        {"missing_people", "sometimes", "1"},
        {"missing_people", "no", "0"},
        {"abandoned", "yes", "1"},
        {"abandoned", "sometimes", "1"},
        {"abandoned", "no", "0"},
        {"downhearted", "yes", "1"},
        {"downhearted", "sometimes", "1"},
        {"downhearted", "no", "0"},
        {"anxious", "yes", "1"},
        {"anxious", "sometimes", "1"},
        {"anxious", "no", "0"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.item);
        CAPTURE(c.answer);
        CHECK(gfi_total({{c.item, c.answer}}) == c.points);
    }
}

TEST_CASE("GFI: a higher total is frailer, so a rise is a decline")
{
    const auto& total = change_line(change(gfi(), k_gfi_none, with(k_gfi_none, {{"vision", "yes"}})), "total");
    CHECK(total.delta == Decimal::from_int(1));
    CHECK(total.direction == scoring::Direction::declined);
}

TEST_CASE("GFI: daily-activities subscale counts items 1-4 only (Bielderman 2013)")
{
    const auto report =
        score_text(gfi(), with(k_gfi_none, {{"shopping", "no"}, {"toileting", "no"}, {"vision", "yes"}}));
    CHECK(score_of(report, "daily_activities") == "2");
    CHECK(score_of(report, "total") == "3");
}

TEST_CASE("GFI: any missing item leaves the total missing and flagged incomplete, with no frailty verdict")
{
    for (const auto& [item, answer] : k_gfi_none) {
        CAPTURE(item);
        // Everything else frail, so that a partial sum would already pass the cut-off.
        const Answers frail_rest{{"shopping", "no"},  {"walking_outside", "no"}, {"dressing", "no"},
                                 {"toileting", "no"}, {"vision", "yes"},         {"hearing", "yes"}};
        const auto report = score_text(gfi(), with(k_gfi_none, frail_rest, {item}));
        CHECK(score_of(report, "total") == "missing");
        CHECK(has_flag(report, "incomplete:total"));
        CHECK(interpretation_of(report, "frailty") == "no_value");
    }
}

TEST_CASE("GFI: answers that are not on the form are refused")
{
    CHECK(refused(gfi(), {{"memory", "often"}}));
    CHECK(refused(gfi(), {{"vision", "sometimes"}}));  // a yes/no item
    CHECK(refused(gfi(), {{"shopping", "1"}}));
    CHECK(refused(gfi(), {{"fitness_grade", "11"}}));
    CHECK(refused(gfi(), {{"fitness_grade", "6.5"}}));
    CHECK_FALSE(refused(gfi(), {{"fitness_grade", "0"}}));
}

// =====================================================================================
// Katz ADL (6 items)
// =====================================================================================

TEST_CASE("Katz: independent = 1, dependent = 0, the total counts independent activities (0-6)")
{
    const std::vector<std::string> items{"bathing", "dressing", "toileting", "transferring", "continence", "feeding"};
    const auto& katz = instrument("katz-adl");
    for (std::size_t dependent = 0; dependent <= items.size(); ++dependent) {
        Answers answers;
        for (std::size_t i = 0; i < items.size(); ++i)
            answers.push_back({items[i], i < dependent ? "dependent" : "independent"});
        CAPTURE(dependent);
        CHECK(score_of(score_text(katz, answers), "total") == std::to_string(items.size() - dependent));
    }
    // Each single dependency costs exactly one point, whichever activity it is.
    for (const auto& item : items) {
        Answers answers;
        for (const auto& other : items) answers.push_back({other, other == item ? "dependent" : "independent"});
        CAPTURE(item);
        CHECK(score_of(score_text(katz, answers), "total") == "5");
    }
}

TEST_CASE("Katz: higher is more independent, with no unverified bands and no guessed 0/1 direction")
{
    const auto& katz = instrument("katz-adl");
    const Answers all{{"bathing", "independent"},      {"dressing", "independent"},   {"toileting", "independent"},
                      {"transferring", "independent"}, {"continence", "independent"}, {"feeding", "independent"}};
    const auto& total = change_line(change(katz, with(all, {{"bathing", "dependent"}}), all), "total");
    CHECK(total.direction == scoring::Direction::improved);
    // The interpretation bands are unverified and the sources disagree: none may be shipped.
    CHECK(katz.interpretations.empty());
    // "1"/"0" could mean independent or dependent (research versions count dependencies).
    CHECK(refused(katz, {{"bathing", "1"}}));
    CHECK(refused(katz, {{"bathing", "0"}}));
    const auto report = score_text(katz, with(all, {}, {"feeding"}));
    CHECK(score_of(report, "total") == "missing");
    CHECK(has_flag(report, "incomplete:total"));
}

// =====================================================================================
// Barthel Index, 0-20 and 0-100
// =====================================================================================

TEST_CASE("Barthel 0-20: item maxima 2/2/1/2/2/3/3/2/2/1, total 0-20")
{
    const auto& b20 = instrument("barthel-20");
    CHECK(score_of(score_text(b20, barthel_answers(barthel_max_levels(), 1)), "total") == "20");
    CHECK(score_of(score_text(b20, barthel_answers(std::vector<int>(10, 0), 1)), "total") == "0");
    for (std::size_t i = 0; i < k_barthel_max.size(); ++i) {
        const auto& [item, max] = k_barthel_max[i];
        CAPTURE(item);
        CHECK_FALSE(refused(b20, {{item, std::to_string(max)}}));
        CHECK(refused(b20, {{item, std::to_string(max + 1)}}));
        // Every level between 0 and the maximum is worth its own number of points.
        for (int level = 0; level <= max; ++level) {
            std::vector<int> levels = barthel_max_levels();
            levels[i] = level;
            CHECK(score_of(score_text(b20, barthel_answers(levels, 1)), "total") == std::to_string(20 - max + level));
        }
    }
    const auto missing = score_text(b20, with(barthel_answers(barthel_max_levels(), 1), {}, {"stairs"}));
    CHECK(score_of(missing, "total") == "missing");
    CHECK(has_flag(missing, "incomplete:total"));
}

TEST_CASE("Barthel 0-100: item maxima 10/10/5/10/10/15/15/10/10/5, and 5 × the 0-20 total for the same answers")
{
    const auto& b20 = instrument("barthel-20");
    const auto& b100 = instrument("barthel-100");
    CHECK(score_of(score_text(b100, barthel_answers(barthel_max_levels(), 5)), "total") == "100");
    for (const auto& [item, max] : k_barthel_max) {
        CAPTURE(item);
        CHECK_FALSE(refused(b100, {{item, std::to_string(5 * max)}}));
        CHECK(refused(b100, {{item, std::to_string(5 * max + 5)}}));
        CHECK(refused(b100, {{item, "1"}}));  // 0-20 points are not 0-100 answers (except 0)
    }
    // 60 administrations from a rotating pattern that puts every item at each of its levels.
    for (int seed = 0; seed < 60; ++seed) {
        std::vector<int> levels;
        for (std::size_t i = 0; i < k_barthel_max.size(); ++i)
            levels.push_back((seed * static_cast<int>(i + 3) + seed / 7) % (k_barthel_max[i].second + 1));
        const std::string t20 = score_of(score_text(b20, barthel_answers(levels, 1)), "total");
        const std::string t100 = score_of(score_text(b100, barthel_answers(levels, 5)), "total");
        CAPTURE(t20);
        CHECK(t100 == std::to_string(5 * std::stoi(t20)));
    }
}

TEST_CASE("Barthel 0-100 bands: 0-20 total, 21-60 severe, 61-90 moderate, 91-99 slight, 100 independent")
{
    const auto& b100 = instrument("barthel-100");
    SUBCASE("the published edges, read from the band table")
    {
        CHECK(band_code(b100, "dependency", 0) == "total");
        CHECK(band_code(b100, "dependency", 20) == "total");
        CHECK(band_code(b100, "dependency", 21) == "severe");
        CHECK(band_code(b100, "dependency", 60) == "severe");
        CHECK(band_code(b100, "dependency", 61) == "moderate");
        CHECK(band_code(b100, "dependency", 90) == "moderate");
        CHECK(band_code(b100, "dependency", 91) == "slight");
        CHECK(band_code(b100, "dependency", 99) == "slight");
        CHECK(band_code(b100, "dependency", 100) == "independent");
    }
    SUBCASE("scored totals on both sides of each edge (totals are multiples of 5)")
    {
        const std::vector<std::pair<int, const char*>> cases{{0, "total"},   {20, "total"},       {25, "severe"},
                                                             {60, "severe"}, {65, "moderate"},    {90, "moderate"},
                                                             {95, "slight"}, {100, "independent"}};
        for (const auto& [total, code] : cases) {
            CAPTURE(total);
            const auto report = score_text(b100, barthel_answers(barthel_levels_for(total / 5), 5));
            CHECK(score_of(report, "total") == std::to_string(total));
            CHECK(interpretation_of(report, "dependency") == code);
        }
    }
    SUBCASE("the bands are secondary, never presented as confirmed")
    {
        REQUIRE(b100.interpretations.size() == 1);
        CHECK(b100.interpretations.front().provenance.confidence == protocol::Confidence::secondary);
    }
}

TEST_CASE("Barthel 0-20 minimal important change: more than 2 points (exactly 2 is not enough)")
{
    const auto& b20 = instrument("barthel-20");
    auto verdict = [&](int before, int after) {
        return change_line(
            change(b20, barthel_answers(barthel_levels_for(before), 1), barthel_answers(barthel_levels_for(after), 1)),
            "total");
    };
    const auto two_up = verdict(10, 12);
    CHECK(two_up.delta == Decimal::from_int(2));
    CHECK(two_up.direction == scoring::Direction::improved);
    CHECK_FALSE(two_up.meaningful);
    const auto three_up = verdict(10, 13);
    CHECK(three_up.direction == scoring::Direction::improved);
    CHECK(three_up.meaningful);
    CHECK_FALSE(verdict(12, 10).meaningful);
    const auto three_down = verdict(13, 10);
    CHECK(three_down.direction == scoring::Direction::declined);
    CHECK(three_down.meaningful);
}

// =====================================================================================
// Lawton IADL
// =====================================================================================

TEST_CASE("Lawton IADL: every level of every domain scores exactly as the table says")
{
    for (const LawtonDomain& d : k_lawton) {
        for (std::size_t level = 1; level <= d.points.size(); ++level) {
            CAPTURE(d.id);
            CAPTURE(level);
            const auto report = score_text(lawton(), with(lawton_all("1"), {{d.id, std::to_string(level)}}));
            const int p = d.points[level - 1];
            CHECK(score_of(report, "total") == std::to_string(7 + p));
            CHECK(score_of(report, "five_domain") == std::to_string(d.in_five_domain ? 4 + p : 5));
        }
        CAPTURE(d.id);
        CHECK(refused(lawton(), {{d.id, std::to_string(d.points.size() + 1)}}));
        CHECK(refused(lawton(), {{d.id, "0"}}));
    }
}

TEST_CASE("Lawton IADL: the non-monotone cut points")
{
    // Housekeeping: even "needs help with all tasks" (level 4) scores 1; only "does not participate" scores 0.
    CHECK(score_of(score_text(lawton(), with(lawton_all("1"), {{"housekeeping", "4"}})), "total") == "8");
    CHECK(score_of(score_text(lawton(), with(lawton_all("1"), {{"housekeeping", "5"}})), "total") == "7");
    // Shopping: "small purchases only" (level 2) already scores 0.
    CHECK(score_of(score_text(lawton(), with(lawton_all("1"), {{"shopping", "2"}})), "total") == "7");
    // Telephone: "answers but does not dial" (level 3) still scores 1.
    CHECK(score_of(score_text(lawton(), with(lawton_all("1"), {{"telephone", "3"}})), "total") == "8");
}

TEST_CASE("Lawton IADL: total 0-8 and the historical 5-domain score (A, B, F, G, H) side by side")
{
    const auto best = score_text(lawton(), lawton_all("1"));
    CHECK(score_of(best, "total") == "8");
    CHECK(score_of(best, "five_domain") == "5");
    const Answers worst{{"telephone", "4"}, {"shopping", "4"},       {"food_preparation", "4"}, {"housekeeping", "5"},
                        {"laundry", "3"},   {"transportation", "5"}, {"medication", "3"},       {"finances", "3"}};
    const auto low = score_text(lawton(), worst);
    CHECK(score_of(low, "total") == "0");
    CHECK(score_of(low, "five_domain") == "0");
    // Food preparation, housekeeping and laundry are not in the 5-domain score.
    const auto no_household = score_text(
        lawton(), with(lawton_all("1"), {{"food_preparation", "4"}, {"housekeeping", "5"}, {"laundry", "3"}}));
    CHECK(score_of(no_household, "total") == "5");
    CHECK(score_of(no_household, "five_domain") == "5");
    // Only the five historical domains answered: the 5-domain score stands, the 0-8 total is missing.
    const auto five_only =
        score_text(lawton(), with(lawton_all("1"), {}, {"food_preparation", "housekeeping", "laundry"}));
    CHECK(score_of(five_only, "five_domain") == "5");
    CHECK(score_of(five_only, "total") == "missing");
    CHECK(has_flag(five_only, "incomplete:total"));
    CHECK_FALSE(has_flag(five_only, "incomplete:five_domain"));
    // The 0-8 total is the primary score.
    const auto* primary = lawton().primary_score ? &lawton().scores[*lawton().primary_score] : nullptr;
    REQUIRE(primary != nullptr);
    CHECK(primary->id == "total");
}

// =====================================================================================
// COPM
// =====================================================================================

TEST_CASE("COPM: total performance and satisfaction are the means over 1, 3 or 5 problems")
{
    SUBCASE("one problem")
    {
        const auto report = score_text(copm(), with(copm_performance({7}), copm_satisfaction({4})));
        CHECK(score_of(report, "performance") == "7");
        CHECK(score_of(report, "satisfaction") == "4");
    }
    SUBCASE("three problems: 17/3 is kept exact and shown with 2 decimals")
    {
        const auto report = score_text(copm(), with(copm_performance({5, 6, 6}), copm_satisfaction({3, 4, 4})));
        CHECK(score_of(report, "performance") == "5.666667");
        CHECK(shown_text(report, "performance").rfind("5.67", 0) == 0);
        CHECK(score_of(report, "satisfaction") == "3.666667");
        CHECK(shown_text(report, "satisfaction").rfind("3.67", 0) == 0);
    }
    SUBCASE("five problems")
    {
        const auto report =
            score_text(copm(), with(copm_performance({1, 4, 5, 8, 10}), copm_satisfaction({2, 2, 3, 3, 3})));
        CHECK(score_of(report, "performance") == "5.6");
        CHECK(score_of(report, "satisfaction") == "2.6");
        CHECK_FALSE(has_flag(report, "partial:performance"));
    }
    SUBCASE("no problem rated: no mean")
    {
        const auto report = score_text(copm(), {{"problem1_importance", "9"}});
        CHECK(score_of(report, "performance") == "missing");
        CHECK(score_of(report, "satisfaction") == "missing");
    }
    SUBCASE("ratings are 1-10 in whole points")
    {
        CHECK(refused(copm(), {{"problem1_performance", "0"}}));
        CHECK(refused(copm(), {{"problem1_performance", "11"}}));
        CHECK(refused(copm(), {{"problem1_satisfaction", "6.5"}}));
        CHECK_FALSE(refused(copm(), {{"problem5_satisfaction", "1"}, {"problem5_performance", "10"}}));
        CHECK(refused(copm(), {{"problem6_performance", "5"}}));
    }
}

TEST_CASE("COPM minimal important change: 2 points or more (1.9x is not, 2.0 is)")
{
    SUBCASE("mean 16/3 → 29/4 is +1.916667: no clinically important change")
    {
        const auto report = change(copm(), copm_performance({5, 5, 6}), copm_performance({7, 7, 7, 8}));
        const auto& line = change_line(report, "performance");
        REQUIRE(line.delta.has_value());
        CHECK(*line.delta == Decimal::parse("1.916667"));
        CHECK(line.direction == scoring::Direction::improved);
        CHECK(line.has_threshold);
        CHECK_FALSE(line.meaningful);
    }
    SUBCASE("mean 21/4 → 36/5 is +1.95: still not")
    {
        const auto& line = change_line(
            change(copm(), copm_performance({5, 5, 5, 6}), copm_performance({7, 7, 7, 7, 8})), "performance");
        REQUIRE(line.delta.has_value());
        CHECK(*line.delta == Decimal::parse("1.95"));
        CHECK_FALSE(line.meaningful);
    }
    SUBCASE("mean 17/3 → 38/5 is +1.933333 (shown 5.67 → 7.60): still not")
    {
        const auto& line =
            change_line(change(copm(), copm_performance({5, 6, 6}), copm_performance({7, 7, 8, 8, 8})), "performance");
        REQUIRE(line.delta.has_value());
        CHECK(*line.delta == Decimal::parse("1.933333"));
        CHECK_FALSE(line.meaningful);
    }
    SUBCASE("mean 16/3 → 22/3 is exactly +2.0: clinically important")
    {
        const auto& line =
            change_line(change(copm(), copm_performance({5, 5, 6}), copm_performance({7, 7, 8})), "performance");
        REQUIRE(line.delta.has_value());
        CHECK(*line.delta == Decimal::from_int(2));
        CHECK(line.meaningful);
    }
    SUBCASE("five problems, +2.0 on satisfaction; a fall of 2.0 is important too")
    {
        const auto up = change(copm(), copm_satisfaction({3, 4, 5, 6, 7}), copm_satisfaction({5, 6, 7, 8, 9}));
        CHECK(change_line(up, "satisfaction").meaningful);
        CHECK(change_line(up, "satisfaction").direction == scoring::Direction::improved);
        const auto down = change(copm(), copm_satisfaction({5, 6, 7, 8, 9}), copm_satisfaction({3, 4, 5, 6, 7}));
        CHECK(change_line(down, "satisfaction").meaningful);
        CHECK(change_line(down, "satisfaction").direction == scoring::Direction::declined);
        const auto almost = change(copm(), copm_satisfaction({3, 4, 5, 6, 7}), copm_satisfaction({5, 6, 7, 8, 8}));
        CHECK(*change_line(almost, "satisfaction").delta == Decimal::parse("1.8"));
        CHECK_FALSE(change_line(almost, "satisfaction").meaningful);
    }
    SUBCASE("each problem keeps its own change line")
    {
        const auto report = change(copm(), copm_performance({5, 5, 6}), copm_performance({8, 4, 6}));
        CHECK(*change_line(report, "problem1_performance").delta == Decimal::from_int(3));
        CHECK(change_line(report, "problem2_performance").direction == scoring::Direction::declined);
        CHECK(change_line(report, "problem3_performance").direction == scoring::Direction::unchanged);
    }
}
