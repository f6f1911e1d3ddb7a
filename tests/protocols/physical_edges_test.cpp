// Physical tests: the Senior Fitness Test items (30-s chair stand, arm curl, 2-minute step,
// 8-foot up-and-go), hand-grip strength, gait speed, the six-minute walk and the Berg Balance
// Scale. Every expected value is typed from the reference (instruments.md §3, §4, §5, §12), not
// from the JSON files: every norm row at both edges and at both ends of its age band, the age
// bands' outer limits (59, 94, 95), both sides of every published cut-off, sex-specific cut-offs,
// the six-minute-walk worked examples, the minimal important changes, and states that must never
// score as numbers.

#include "reable/scoring/change.hpp"
#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace reable;
using reable::testing::interpretation_of;
using reable::testing::norm_of;
using reable::testing::score_of;
using reable::testing::score_text;

namespace {

using Values = std::vector<std::pair<std::string, std::string>>;

const protocol::Instrument& instrument(const char* id) { return reable::testing::shipped().instrument(id); }

bool has_flag(const scoring::ScoreReport& report, const std::string& flag)
{
    const auto flags = scoring::flag_codes(report);
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

bool refused(const char* id, const Values& values)
{
    try {
        score_text(instrument(id), values);
    }
    catch (const Error&) {
        return true;
    }
    return false;
}

const scoring::NormLine& norm_line(const scoring::ScoreReport& report, const std::string& id)
{
    for (const scoring::NormLine& line : report.norms)
        if (line.id == id) return line;
    FAIL("no norm table " << id);
    throw std::logic_error("unreachable");
}

Decimal dec(const char* text) { return Decimal::parse(text).value(); }

// ---- Senior Fitness Test norm tables (§3): normal range = 25th-75th percentile ----

struct Row {
    const char* sex;
    int youngest;
    int oldest;
    const char* low;
    const char* high;
};

struct SftTable {
    const char* instrument;
    const char* item;
    const char* step;  ///< one step of the item's precision: 1 stand, 0.01 s
    bool lower_is_better;
    std::vector<Row> rows;
};

// §3a, 30-second chair stand [CONFIRMED]
const SftTable k_chair_stand{"sft-chair-stand-30s",
                             "stands",
                             "1",
                             false,
                             {{"female", 60, 64, "12", "17"},
                              {"female", 65, 69, "11", "16"},
                              {"female", 70, 74, "10", "15"},
                              {"female", 75, 79, "10", "15"},
                              {"female", 80, 84, "9", "14"},
                              {"female", 85, 89, "8", "13"},
                              {"female", 90, 94, "4", "11"},
                              {"male", 60, 64, "14", "19"},
                              {"male", 65, 69, "12", "18"},
                              {"male", 70, 74, "12", "17"},
                              {"male", 75, 79, "11", "17"},
                              {"male", 80, 84, "10", "15"},
                              {"male", 85, 89, "8", "14"},
                              {"male", 90, 94, "7", "12"}}};

// §3b, 30-second arm curl [SECONDARY]
const SftTable k_arm_curl{"sft-arm-curl",
                          "curls",
                          "1",
                          false,
                          {{"female", 60, 64, "13", "19"},
                           {"female", 65, 69, "12", "18"},
                           {"female", 70, 74, "12", "17"},
                           {"female", 75, 79, "11", "17"},
                           {"female", 80, 84, "10", "16"},
                           {"female", 85, 89, "10", "15"},
                           {"female", 90, 94, "8", "13"},
                           {"male", 60, 64, "16", "22"},
                           {"male", 65, 69, "15", "21"},
                           {"male", 70, 74, "14", "21"},
                           {"male", 75, 79, "13", "19"},
                           {"male", 80, 84, "13", "19"},
                           {"male", 85, 89, "11", "17"},
                           {"male", 90, 94, "10", "14"}}};

// §3c, 2-minute step test [SECONDARY]
const SftTable k_step{"sft-2min-step",
                      "knee_raises",
                      "1",
                      false,
                      {{"female", 60, 64, "75", "107"},
                       {"female", 65, 69, "73", "107"},
                       {"female", 70, 74, "68", "101"},
                       {"female", 75, 79, "68", "100"},
                       {"female", 80, 84, "60", "90"},
                       {"female", 85, 89, "55", "85"},
                       {"female", 90, 94, "44", "72"},
                       {"male", 60, 64, "87", "115"},
                       {"male", 65, 69, "86", "116"},
                       {"male", 70, 74, "80", "110"},
                       {"male", 75, 79, "73", "109"},
                       {"male", 80, 84, "71", "103"},
                       {"male", 85, 89, "59", "91"},
                       {"male", 90, 94, "52", "86"}}};

// §3d, 8-foot up-and-go: women [CONFIRMED]; men as in the R package `score`, three rows disputed.
const SftTable k_up_and_go{"sft-8ft-up-and-go",
                           "time",
                           "0.01",
                           true,
                           {{"female", 60, 64, "4.4", "6.0"},
                            {"female", 65, 69, "4.8", "6.4"},
                            {"female", 70, 74, "4.9", "7.1"},
                            {"female", 75, 79, "5.2", "7.4"},
                            {"female", 80, 84, "5.7", "8.7"},
                            {"female", 85, 89, "6.2", "9.6"},
                            {"female", 90, 94, "7.3", "11.5"},
                            {"male", 60, 64, "3.8", "5.6"},
                            {"male", 65, 69, "4.3", "5.9"},
                            {"male", 70, 74, "4.4", "6.2"},
                            {"male", 75, 79, "4.6", "7.2"},
                            {"male", 80, 84, "5.2", "7.6"},
                            {"male", 85, 89, "5.5", "8.9"},
                            {"male", 90, 94, "6.2", "10.0"}}};

const std::vector<const SftTable*> k_sft_tables{&k_chair_stand, &k_arm_curl, &k_step, &k_up_and_go};

struct Placed {
    std::string position;
    std::string performance;
};

Placed place(const SftTable& table, const std::string& value, int age, const std::string& sex)
{
    const auto report = score_text(instrument(table.instrument), {{table.item, value}}, age, sex);
    const scoring::NormLine& line = norm_line(report, "rikli_jones");
    if (line.status != scoring::RuleStatus::applied) return {std::string(scoring::to_string(line.status)), ""};
    return {std::string(scoring::to_string(line.position)), std::string(scoring::to_string(line.performance))};
}

/// low − step below, low and high within, high + step above, at both ends of the row's age band.
void check_every_row(const SftTable& table)
{
    const Decimal step = dec(table.step);
    // Below the range is below average for counts; for a time (lower is better) it is faster: above average.
    const std::string under = table.lower_is_better ? "above_average" : "below_average";
    const std::string over = table.lower_is_better ? "below_average" : "above_average";
    for (const Row& row : table.rows) {
        for (int age : {row.youngest, row.oldest}) {
            CAPTURE(table.instrument);
            CAPTURE(row.sex);
            CAPTURE(age);
            const std::string just_under = (dec(row.low) - step).to_string();
            const std::string just_over = (dec(row.high) + step).to_string();
            const Placed a = place(table, just_under, age, row.sex);
            const Placed b = place(table, row.low, age, row.sex);
            const Placed c = place(table, row.high, age, row.sex);
            const Placed d = place(table, just_over, age, row.sex);
            CHECK_MESSAGE(a.position == "below", just_under);
            CHECK(a.performance == under);
            CHECK_MESSAGE(b.position == "within", row.low);
            CHECK(b.performance == "average");
            CHECK_MESSAGE(c.position == "within", row.high);
            CHECK(c.performance == "average");
            CHECK_MESSAGE(d.position == "above", just_over);
            CHECK(d.performance == over);
        }
    }
}

// ---- change between two occasions ----

/// The change verdict for one score: the highest threshold reached, "none", or "no threshold".
struct Verdict {
    std::string threshold;
    scoring::Direction direction = scoring::Direction::not_comparable;
    protocol::Confidence confidence = protocol::Confidence::confirmed;
};

Verdict change_of(const char* id, const Values& before, const Values& after, const std::string& score_id, int age = -1,
                  const char* sex = nullptr)
{
    const scoring::ChangeReport report =
        reable::testing::change_between(instrument(id), before, after, age, sex == nullptr ? "" : sex);
    for (const scoring::ChangeLine& line : report.scores) {
        if (line.id != score_id) continue;
        Verdict v;
        v.direction = line.direction;
        if (!line.has_threshold)
            v.threshold = "no threshold";
        else
            v.threshold = line.meaningful ? line.threshold_code : "none";
        if (line.provenance) v.confidence = line.provenance->confidence;
        return v;
    }
    FAIL("no change line " << score_id);
    return {};
}

}  // namespace

// ================================================================ Senior Fitness Test (§3)

TEST_CASE("SFT 30-s chair stand: every row's normal range, both edges, both ends of the age band")
{
    check_every_row(k_chair_stand);
}

TEST_CASE("SFT 30-s arm curl: every row's normal range, both edges, both ends of the age band")
{
    check_every_row(k_arm_curl);
}

TEST_CASE("SFT 2-minute step: every row's normal range, both edges, both ends of the age band")
{
    check_every_row(k_step);
}

TEST_CASE("SFT 8-foot up-and-go: every row at ±0.01 s, slower than the range is below average")
{
    check_every_row(k_up_and_go);
}

TEST_CASE("SFT age bands: 64 and 65 fall in different rows, 94 has a norm, 59 and 95 have none")
{
    struct Boundary {
        const SftTable* table;
        const char* sex;
        const char* value;
        const char* at_64;
        const char* at_65;
    };
    // A value inside the 65-69 range but outside the 60-64 range.
    const std::vector<Boundary> boundaries{
        {&k_chair_stand, "female", "11", "below", "within"},  // 12-17 | 11-16
        {&k_chair_stand, "male", "13", "below", "within"},    // 14-19 | 12-18
        {&k_arm_curl, "female", "12", "below", "within"},     // 13-19 | 12-18
        {&k_arm_curl, "male", "15", "below", "within"},       // 16-22 | 15-21
        {&k_step, "female", "74", "below", "within"},         // 75-107 | 73-107
        {&k_step, "male", "116", "above", "within"},          // 87-115 | 86-116
        {&k_up_and_go, "female", "6.20", "above", "within"},  // 4.4-6.0 | 4.8-6.4
        {&k_up_and_go, "male", "5.70", "above", "within"},    // 3.8-5.6 | 4.3-5.9
    };
    for (const Boundary& b : boundaries) {
        CAPTURE(b.table->instrument);
        CAPTURE(b.sex);
        CHECK(place(*b.table, b.value, 64, b.sex).position == b.at_64);
        CHECK(place(*b.table, b.value, 65, b.sex).position == b.at_65);
    }
    // Each table's 90-94 row applies at 94 (the R package drops 94); nothing below 60 or above 94.
    for (const SftTable* table : k_sft_tables) {
        CAPTURE(table->instrument);
        for (const char* sex : {"female", "male"}) {
            CAPTURE(sex);
            const Row* top = nullptr;
            for (const Row& row : table->rows)
                if (std::string(row.sex) == sex && row.youngest == 90) top = &row;
            REQUIRE(top != nullptr);
            CHECK(place(*table, top->low, 94, sex).position == "within");
            CHECK(place(*table, top->low, 59, sex).position == "no_norm_for_age");
            CHECK(place(*table, top->low, 95, sex).position == "no_norm_for_age");
            CHECK(place(*table, top->low, 60, sex).position != "no_norm_for_age");
            CHECK(has_flag(score_text(instrument(table->instrument), {{table->item, top->low}}, 95, sex),
                           "no_norm_for_age:rikli_jones"));
        }
    }
}

TEST_CASE("SFT norms need both sex and age")
{
    for (const SftTable* table : k_sft_tables) {
        CAPTURE(table->instrument);
        const char* value = table->rows.front().low;
        CHECK(norm_of(score_text(instrument(table->instrument), {{table->item, value}}, 70, ""), "rikli_jones") ==
              "needs_sex");
        CHECK(norm_of(score_text(instrument(table->instrument), {{table->item, value}}, -1, "female"), "rikli_jones") ==
              "needs_age");
        CHECK(norm_of(score_text(instrument(table->instrument), {}, 70, "female"), "rikli_jones") == "no_value");
    }
}

TEST_CASE("SFT chair stand: needing the arms stops the test and records 0 stands (STEADI)")
{
    const auto& chair = instrument("sft-chair-stand-30s");
    const auto report = score_text(chair, {{"stands", "used_arms"}}, 92, "female");
    CHECK(score_of(report, "chair_stand") == "0");
    CHECK(norm_of(report, "rikli_jones") == "below");  // women 90-94: 4-11
    CHECK(score_of(score_text(chair, {{"stands", "0"}}, 92, "female"), "chair_stand") == "0");
    // not attempted is its own outcome: never 0 stands, never placed in the norm
    const auto skipped = score_text(chair, {{"stands", "not_attempted:unsafe"}}, 70, "female");
    CHECK(score_of(skipped, "chair_stand") == "not_attempted");
    CHECK(norm_of(skipped, "rikli_jones") == "state");
    // missing is not 0 either
    CHECK(score_of(score_text(chair, {}, 70, "female"), "chair_stand") == "missing");
    CHECK(refused("sft-chair-stand-30s", {{"stands", "12.5"}}));
    CHECK(refused("sft-chair-stand-30s", {{"stands", "-1"}}));
    CHECK(refused("sft-chair-stand-30s", {{"stands", "not_attempted"}}));  // a reason is required
}

TEST_CASE("SFT chair stand carries the confirmed LOINC code 66247-8")
{
    const auto& chair = instrument("sft-chair-stand-30s");
    bool found = false;
    for (const auto& item : chair.items)
        for (const auto& code : item.codes)
            if (code.system == "http://loinc.org" && code.code == "66247-8") found = true;
    for (const auto& code : chair.codes)
        if (code.system == "http://loinc.org" && code.code == "66247-8") found = true;
    CHECK(found);
}

TEST_CASE("SFT arm curl, step test and up-and-go: states stay states")
{
    for (const char* state : {"unable", "not_attempted:refused"}) {
        CAPTURE(state);
        const auto curl = score_text(instrument("sft-arm-curl"), {{"curls", state}}, 70, "male");
        CHECK(score_of(curl, "arm_curl") == std::string(state).substr(0, std::string(state).find(':')));
        CHECK(norm_of(curl, "rikli_jones") == "state");
        const auto step = score_text(instrument("sft-2min-step"), {{"knee_raises", state}}, 70, "male");
        CHECK(norm_of(step, "rikli_jones") == "state");
        const auto uag = score_text(instrument("sft-8ft-up-and-go"), {{"time", state}}, 70, "male");
        CHECK(norm_of(uag, "rikli_jones") == "state");
    }
}

TEST_CASE("SFT 8-foot up-and-go: the faster of two trials at 0.01 s")
{
    const auto& uag = instrument("sft-8ft-up-and-go");
    const auto report = score_text(uag, {{"time", "6.41"}, {"time", "6.40"}}, 67, "female");
    CHECK(score_of(report, "best_time") == "6.4");
    CHECK(norm_of(report, "rikli_jones") == "within");  // women 65-69: 4.8-6.4
    CHECK(norm_of(score_text(uag, {{"time", "6.41"}, {"time", "6.42"}}, 67, "female"), "rikli_jones") == "above");
    CHECK(score_of(score_text(uag, {{"time", "unable"}, {"time", "7.00"}}, 67, "female"), "best_time") == "7");
    CHECK(refused("sft-8ft-up-and-go", {{"time", "6.005"}}));
    CHECK(refused("sft-8ft-up-and-go", {{"time", "0"}}));
}

TEST_CASE("SFT 8-foot up-and-go men: disputed rows use the R package values and are labelled unverified")
{
    // R package vs topendsports (§3d): 65-69 4.3-5.9 vs 4.3-5.7; 70-74 4.4-6.2 vs 4.2-6.0; 85-89 5.5-8.9 vs 5.3-8.9.
    const auto& uag = instrument("sft-8ft-up-and-go");
    CHECK(norm_of(score_text(uag, {{"time", "5.80"}}, 67, "male"), "rikli_jones") == "within");
    CHECK(norm_of(score_text(uag, {{"time", "6.10"}}, 72, "male"), "rikli_jones") == "within");
    CHECK(norm_of(score_text(uag, {{"time", "4.30"}}, 72, "male"), "rikli_jones") == "below");
    CHECK(norm_of(score_text(uag, {{"time", "5.40"}}, 87, "male"), "rikli_jones") == "below");

    auto confidence = [&](int age, const char* sex) {
        return norm_line(score_text(uag, {{"time", "6.00"}}, age, sex), "rikli_jones").provenance.confidence;
    };
    for (int age : {65, 69, 70, 74, 85, 89}) {
        CAPTURE(age);
        CHECK(protocol::is_unverified(confidence(age, "male")));
        CHECK_FALSE(norm_line(score_text(uag, {{"time", "6.00"}}, age, "male"), "rikli_jones").provenance.note.empty());
    }
    for (int age : {60, 64, 75, 79, 80, 84, 90, 94}) {
        CAPTURE(age);
        CHECK(confidence(age, "male") == protocol::Confidence::confirmed);
    }
    for (int age = 60; age <= 94; ++age) {
        CAPTURE(age);
        CHECK(confidence(age, "female") == protocol::Confidence::confirmed);
    }
}

TEST_CASE("SFT confidence labels: chair stand confirmed, arm curl and step test secondary")
{
    CHECK(norm_line(score_text(instrument("sft-chair-stand-30s"), {{"stands", "12"}}, 70, "female"), "rikli_jones")
              .provenance.confidence == protocol::Confidence::confirmed);
    CHECK(norm_line(score_text(instrument("sft-arm-curl"), {{"curls", "12"}}, 70, "female"), "rikli_jones")
              .provenance.confidence == protocol::Confidence::secondary);
    CHECK(norm_line(score_text(instrument("sft-2min-step"), {{"knee_raises", "80"}}, 70, "female"), "rikli_jones")
              .provenance.confidence == protocol::Confidence::secondary);
}

// ================================================================ Hand-grip strength (§4)

TEST_CASE("Grip EWGSOP2: low below 27 kg in men, below 16 kg in women")
{
    const auto& grip = instrument("grip-strength");
    auto verdict = [&](const char* kg, const char* sex) {
        return interpretation_of(score_text(grip, {{"right_hand", kg}}, -1, sex), "ewgsop2_strength");
    };
    CHECK(verdict("26.9", "male") == "low");
    CHECK(verdict("27.0", "male") == "not_low");
    CHECK(verdict("15.9", "female") == "low");
    CHECK(verdict("16.0", "female") == "not_low");
    // between the two cut-offs the sex decides
    CHECK(verdict("20.0", "male") == "low");
    CHECK(verdict("20.0", "female") == "not_low");
    // without sex there is no verdict
    const auto no_sex = score_text(grip, {{"right_hand", "30.0"}});
    CHECK(interpretation_of(no_sex, "ewgsop2_strength") == "needs_sex");
    CHECK(has_flag(no_sex, "needs_sex:ewgsop2_strength"));
}

TEST_CASE("Grip Southampton: three attempts per hand, the maximum of all attempts counts")
{
    const auto& grip = instrument("grip-strength");
    const auto report = score_text(grip,
                                   {{"right_hand", "24.0"},
                                    {"left_hand", "25.0"},
                                    {"right_hand", "26.5"},
                                    {"left_hand", "27.0"},
                                    {"right_hand", "26.0"},
                                    {"left_hand", "26.9"}},
                                   -1, "male");
    CHECK(score_of(report, "max_grip") == "27");
    CHECK(interpretation_of(report, "ewgsop2_strength") == "not_low");
    // the best attempt may be on either hand, and in any trial
    CHECK(score_of(score_text(
                       grip,
                       {{"right_hand", "15.0"}, {"right_hand", "16.0"}, {"right_hand", "15.5"}, {"left_hand", "14.0"}},
                       -1, "female"),
                   "max_grip") == "16");
    CHECK(refused("grip-strength",
                  {{"right_hand", "20"}, {"right_hand", "21"}, {"right_hand", "22"}, {"right_hand", "23"}}));
    CHECK(refused("grip-strength", {{"right_hand", "26.95"}}));
}

TEST_CASE("Grip: unable is a state, never 0 kg")
{
    const auto& grip = instrument("grip-strength");
    const auto none = score_text(grip, {{"right_hand", "unable"}, {"left_hand", "unable"}}, -1, "female");
    CHECK(score_of(none, "max_grip") == "unable");
    CHECK(interpretation_of(none, "ewgsop2_strength") == "state");
    const auto one = score_text(grip, {{"right_hand", "unable"}, {"left_hand", "12.0"}}, -1, "female");
    CHECK(score_of(one, "max_grip") == "12");
    CHECK(interpretation_of(one, "ewgsop2_strength") == "low");
    CHECK(score_of(score_text(grip, {}, -1, "female"), "max_grip") == "missing");
}

// ================================================================ Gait speed (§5)

TEST_CASE("Gait speed: course length ÷ faster time, rounded to 0.01 m/s, EWGSOP2 low at 0.8 m/s or lower")
{
    const auto& gait = instrument("gait-speed");
    auto speed = [&](const char* metres, const char* seconds) {
        return score_text(gait, {{"course_length", metres}, {"time", seconds}});
    };
    // §5 worked examples
    CHECK(score_of(speed("4", "5.00"), "gait_speed") == "0.8");
    CHECK(interpretation_of(speed("4", "5.00"), "ewgsop2_performance") == "low");
    CHECK(score_of(speed("4", "4.94"), "gait_speed") == "0.81");
    CHECK(interpretation_of(speed("4", "4.94"), "ewgsop2_performance") == "not_low");
    // rounding to two decimals before the comparison: 4 / 4.97 = 0.8048 → 0.80 (low); 4 / 4.96 = 0.8065 → 0.81
    CHECK(score_of(speed("4", "4.97"), "gait_speed") == "0.8");
    CHECK(interpretation_of(speed("4", "4.97"), "ewgsop2_performance") == "low");
    CHECK(interpretation_of(speed("4", "4.96"), "ewgsop2_performance") == "not_low");
    // another course length
    CHECK(score_of(speed("6", "7.50"), "gait_speed") == "0.8");
    CHECK(interpretation_of(speed("6", "7.46"), "ewgsop2_performance") == "low");      // 0.804 → 0.80
    CHECK(interpretation_of(speed("6", "7.45"), "ewgsop2_performance") == "not_low");  // 0.805 → 0.81
}

TEST_CASE("Gait speed: Cesari high risk below 1.0 m/s")
{
    const auto& gait = instrument("gait-speed");
    auto risk = [&](const char* metres, const char* seconds) {
        return interpretation_of(score_text(gait, {{"course_length", metres}, {"time", seconds}}), "cesari_risk");
    };
    CHECK(risk("4", "4.00") == "not_high_risk");  // 1.00
    CHECK(risk("4", "4.02") == "not_high_risk");  // 0.995 → 1.00
    CHECK(risk("4", "4.03") == "high_risk");      // 0.993 → 0.99
    CHECK(risk("10", "10.00") == "not_high_risk");
    CHECK(risk("10", "10.10") == "high_risk");  // 0.990 → 0.99
}

TEST_CASE("Gait speed: the faster of two trials, states and missing values are not speeds")
{
    const auto& gait = instrument("gait-speed");
    CHECK(score_of(score_text(gait, {{"course_length", "4"}, {"time", "5.20"}, {"time", "4.90"}}), "gait_speed") ==
          "0.82");
    CHECK(score_of(score_text(gait, {{"course_length", "4"}, {"time", "unable"}, {"time", "8.00"}}), "gait_speed") ==
          "0.5");
    const auto unable = score_text(gait, {{"course_length", "4"}, {"time", "unable"}});
    CHECK(score_of(unable, "gait_speed") == "unable");
    CHECK(interpretation_of(unable, "ewgsop2_performance") == "state");
    CHECK(interpretation_of(unable, "cesari_risk") == "state");
    CHECK(score_of(score_text(gait, {{"course_length", "4"}}), "gait_speed") == "missing");
    CHECK(score_of(score_text(gait, {{"time", "5.00"}}), "gait_speed") == "missing");
    CHECK(refused("gait-speed", {{"course_length", "4"}, {"time", "0"}}));
    CHECK(refused("gait-speed", {{"course_length", "4"}, {"time", "4.945"}}));
}

TEST_CASE("Gait speed change (Perera 2006): 0.05 m/s small, 0.10 m/s substantial")
{
    const Values before{{"course_length", "4"}, {"time", "5.00"}};  // 0.80 m/s
    auto after = [](const char* t) { return Values{{"course_length", "4"}, {"time", t}}; };
    CHECK(change_of("gait-speed", before, after("4.76"), "gait_speed").threshold == "none");         // 0.84: +0.04
    CHECK(change_of("gait-speed", before, after("4.71"), "gait_speed").threshold == "small");        // 0.85: +0.05
    CHECK(change_of("gait-speed", before, after("4.50"), "gait_speed").threshold == "small");        // 0.89: +0.09
    CHECK(change_of("gait-speed", before, after("4.44"), "gait_speed").threshold == "substantial");  // 0.90: +0.10
    const Verdict worse = change_of("gait-speed", after("4.44"), before, "gait_speed");
    CHECK(worse.direction == scoring::Direction::declined);
    CHECK(worse.threshold == "substantial");
    CHECK(worse.confidence == protocol::Confidence::confirmed);
}

// ================================================================ Six-minute walk (§12b)

TEST_CASE("6MWT Enright & Sherrill: the reference's worked examples")
{
    const auto& walk = instrument("six-minute-walk");
    const auto man = score_text(walk, {{"distance", "400"}, {"height", "170"}, {"weight", "75"}}, 70, "male");
    CHECK(score_of(man, "predicted") == "494.5");
    CHECK(score_of(man, "lower_limit") == "341.5");
    CHECK(score_of(man, "percent_predicted") == "81");  // 400 / 494.5 = 80.9 %
    CHECK(scoring::flag_codes(man).empty());
    const auto woman = score_text(walk, {{"distance", "300"}, {"height", "160"}, {"weight", "65"}}, 75, "female");
    CHECK(score_of(woman, "predicted") == "422.25");
    CHECK(score_of(woman, "lower_limit") == "283.25");
    CHECK(score_of(woman, "percent_predicted") == "71");  // 300 / 422.25 = 71.05 %
}

TEST_CASE("6MWT: the equations are valid for ages 40-80, outside they are flagged")
{
    const auto& walk = instrument("six-minute-walk");
    auto report = [&](int age, const char* sex) {
        return score_text(walk, {{"height", "170"}, {"weight", "75"}}, age, sex);
    };
    for (const char* sex : {"female", "male"}) {
        CAPTURE(sex);
        CHECK(has_flag(report(39, sex), "outside_valid_age:predicted"));
        CHECK_FALSE(has_flag(report(40, sex), "outside_valid_age:predicted"));
        CHECK_FALSE(has_flag(report(80, sex), "outside_valid_age:predicted"));
        CHECK(has_flag(report(81, sex), "outside_valid_age:predicted"));
        CHECK(score_of(report(81, sex), "predicted") != "missing");  // still computed, but flagged
    }
    // men: 7.57 × 170 − 5.02 × age − 1.76 × 75 − 309; women: 2.11 × 160 − 2.29 × 65 − 5.78 × age + 667
    CHECK(score_of(report(40, "male"), "predicted") == "645.1");
    CHECK(score_of(score_text(walk, {{"height", "160"}, {"weight", "65"}}, 80, "female"), "predicted") == "393.35");
}

TEST_CASE("6MWT: no prediction without sex or age, states stay states")
{
    const auto& walk = instrument("six-minute-walk");
    const auto no_sex = score_text(walk, {{"distance", "400"}, {"height", "170"}, {"weight", "75"}}, 70, "");
    CHECK(score_of(no_sex, "distance_walked") == "400");
    CHECK(score_of(no_sex, "predicted") == "missing");
    CHECK(has_flag(no_sex, "needs_sex:predicted"));
    const auto no_age = score_text(walk, {{"distance", "400"}, {"height", "170"}, {"weight", "75"}}, -1, "male");
    CHECK(score_of(no_age, "predicted") == "missing");
    CHECK(has_flag(no_age, "needs_age:predicted"));
    const auto unable = score_text(walk, {{"distance", "unable"}, {"height", "170"}, {"weight", "75"}}, 70, "male");
    CHECK(score_of(unable, "distance_walked") == "unable");
    CHECK(score_of(unable, "percent_predicted") == "unable");
    CHECK(interpretation_of(unable, "lower_limit_of_normal") == "state");
    CHECK(refused("six-minute-walk", {{"distance", "412.5"}}));
}

TEST_CASE("6MWT lower limit of normal (−153 m men, −139 m women) is unverified and labelled so")
{
    const auto& walk = instrument("six-minute-walk");
    auto lln = [&](const char* distance, const char* height, const char* weight, int age, const char* sex) {
        return interpretation_of(
            score_text(walk, {{"distance", distance}, {"height", height}, {"weight", weight}}, age, sex),
            "lower_limit_of_normal");
    };
    CHECK(lln("341", "170", "75", 70, "male") == "below");  // LLN 341.5 m
    CHECK(lln("342", "170", "75", 70, "male") == "not_below");
    CHECK(lln("283", "160", "65", 75, "female") == "below");  // LLN 283.25 m
    CHECK(lln("284", "160", "65", 75, "female") == "not_below");
    for (const auto& interp : walk.interpretations)
        if (interp.id == "lower_limit_of_normal") CHECK(protocol::is_unverified(interp.provenance.confidence));
    CHECK(protocol::is_unverified(walk.find_score("lower_limit")->provenance->confidence));
    CHECK(walk.find_score("predicted")->provenance->confidence == protocol::Confidence::confirmed);
}

TEST_CASE("6MWT change (Perera 2006): about 20 m small, about 50 m substantial")
{
    auto walked = [](const char* m) { return Values{{"distance", m}}; };
    CHECK(change_of("six-minute-walk", walked("300"), walked("319"), "distance_walked").threshold == "none");
    CHECK(change_of("six-minute-walk", walked("300"), walked("320"), "distance_walked").threshold == "small");
    CHECK(change_of("six-minute-walk", walked("300"), walked("349"), "distance_walked").threshold == "small");
    CHECK(change_of("six-minute-walk", walked("300"), walked("350"), "distance_walked").threshold == "substantial");
    CHECK(change_of("six-minute-walk", walked("350"), walked("300"), "distance_walked").direction ==
          scoring::Direction::declined);
}

// ================================================================ Berg Balance Scale (§12a)

namespace {

const std::vector<std::string> k_berg_tasks{"sit_to_stand",
                                            "standing_unsupported",
                                            "sitting_unsupported",
                                            "stand_to_sit",
                                            "transfers",
                                            "standing_eyes_closed",
                                            "standing_feet_together",
                                            "reaching_forward",
                                            "picking_up_object",
                                            "turning_to_look_behind",
                                            "turning_360",
                                            "alternate_foot_on_stool",
                                            "tandem_stance",
                                            "standing_on_one_leg"};

/// 14 task scores adding up to `total`.
Values berg_answers(int total)
{
    Values values;
    for (const std::string& task : k_berg_tasks) {
        const int points = std::min(4, total);
        total -= points;
        values.push_back({task, std::to_string(points)});
    }
    return values;
}

scoring::ScoreReport berg(int total) { return score_text(instrument("berg"), berg_answers(total)); }

}  // namespace

TEST_CASE("Berg: 14 tasks of 0-4 points, total 0-56")
{
    const auto& b = instrument("berg");
    CHECK(b.items.size() == 14);
    for (const auto& item : b.items) {
        CAPTURE(item.id);
        CHECK(item.min == Decimal::from_int(0));
        CHECK(item.max == Decimal::from_int(4));
    }
    CHECK(score_of(berg(56), "total") == "56");
    CHECK(score_of(berg(0), "total") == "0");
    CHECK(score_of(berg(37), "total") == "37");
    CHECK(refused("berg", {{"sit_to_stand", "5"}}));
    CHECK(refused("berg", {{"sit_to_stand", "2.5"}}));
    // a missing task leaves the total missing, not lower
    Values thirteen = berg_answers(52);
    thirteen.pop_back();
    const auto report = score_text(b, thirteen);
    CHECK(score_of(report, "total") == "missing");
    CHECK(interpretation_of(report, "fall_risk") == "no_value");
}

TEST_CASE("Berg: below 45 is increased fall risk (Berg 1992, secondary)")
{
    CHECK(interpretation_of(berg(44), "fall_risk") == "increased");
    CHECK(interpretation_of(berg(45), "fall_risk") == "not_increased");
    CHECK(interpretation_of(berg(0), "fall_risk") == "increased");
    CHECK(interpretation_of(berg(56), "fall_risk") == "not_increased");
}

TEST_CASE("Berg: bands 0-20 / 21-40 / 41-56 (wheelchair-bound / walking with assistance / independent)")
{
    CHECK(interpretation_of(berg(0), "functional_level") == "wheelchair_bound");
    CHECK(interpretation_of(berg(20), "functional_level") == "wheelchair_bound");
    CHECK(interpretation_of(berg(21), "functional_level") == "walking_with_assistance");
    CHECK(interpretation_of(berg(40), "functional_level") == "walking_with_assistance");
    CHECK(interpretation_of(berg(41), "functional_level") == "independent");
    CHECK(interpretation_of(berg(56), "functional_level") == "independent");
}

TEST_CASE("Berg: the MDC of about 5 points is unverified and labelled so")
{
    const Verdict four = change_of("berg", berg_answers(40), berg_answers(44), "total");
    const Verdict five = change_of("berg", berg_answers(40), berg_answers(45), "total");
    CHECK(four.threshold == "none");
    CHECK(five.threshold != "none");
    CHECK(five.threshold != "no threshold");
    CHECK(five.direction == scoring::Direction::improved);
    CHECK(protocol::is_unverified(five.confidence));
}
