// Every scoring kind of the vocabulary, on small inline instruments: what each computes, how
// states and missing values travel, and which flags it raises.

#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

using namespace reable;
using testing::interpretation_of;
using testing::norm_of;
using testing::score_of;
using testing::score_text;

namespace {

/// A complete instrument file around the given items, scores and optional extra sections.
std::string file(const std::string& items, const std::string& scores, const std::string& primary,
                 const std::string& extra = "")
{
    return R"({"format": "reable.instrument/1", "id": "t", "version": "1.0.0", "name": {"nl": "T", "en": "T"},
      "sources": [{"id": "src", "citation": "Test source."}],
      "items": [)" +
           items + R"(], "scores": [)" + scores + R"(], "primary_score": ")" + primary + "\"" + extra + R"(,
      "examples": [{"name": "x", "input": {"items": {}}, "expect": {"flags": []}}]})";
}

const std::string k_time = R"({"id": "time", "type": "measurement", "label": {"nl": "t", "en": "t"}, "unit": "s",
    "min": 0.01, "max": 100, "precision": 0.01, "trials": 3, "better": "lower",
    "states": {"unable": {}, "not_attempted": {"reasons": ["unsafe"]}}})";

std::string rating(const std::string& id)
{
    return R"({"id": ")" + id + R"(", "type": "measurement", "label": {"nl": "r", "en": "r"}, "unit": "points",
        "min": 1, "max": 10, "precision": 1, "better": "higher"})";
}

std::vector<std::string> flags(const scoring::ScoreReport& report) { return scoring::flag_codes(report); }

}  // namespace

TEST_CASE("best_of_trials takes the lowest time when lower is better, and a state only when no trial has a number")
{
    const auto t = testing::load_instrument(
        file(k_time, R"({"id": "best", "kind": "best_of_trials", "label": {"nl": "b", "en": "b"}, "items": ["time"]})",
             "best"));
    CHECK(score_of(score_text(t, {{"time", "6.50"}, {"time", "6.20"}, {"time", "6.31"}}), "best") == "6.2");
    CHECK(score_of(score_text(t, {{"time", "unable"}, {"time", "9.00"}}), "best") == "9");
    CHECK(score_of(score_text(t, {{"time", "not_attempted:unsafe"}, {"time", "unable"}}), "best") == "not_attempted");
    const auto none = score_text(t, {});
    CHECK(score_of(none, "best") == "missing");
    CHECK(flags(none) == std::vector<std::string>{"incomplete:best"});
}

TEST_CASE("best_of_trials takes the highest value when higher is better, over several items")
{
    const std::string hands =
        R"({"id": "right", "type": "measurement", "label": {"nl": "r", "en": "r"}, "unit": "kg", "min": 0,
        "max": 100, "precision": 0.1, "trials": 3, "better": "higher"},
      {"id": "left", "type": "measurement", "label": {"nl": "l", "en": "l"}, "unit": "kg", "min": 0, "max": 100,
       "precision": 0.1, "trials": 3, "better": "higher"})";
    const auto t = testing::load_instrument(
        file(hands,
             R"({"id": "max", "kind": "best_of_trials", "label": {"nl": "m", "en": "m"}, "items": ["right", "left"]})",
             "max"));
    CHECK(score_of(score_text(t, {{"right", "25.5"}, {"right", "26.1"}, {"left", "27.0"}, {"left", "24"}}), "max") ==
          "27");
}

TEST_CASE("mean_of_trials averages the trials that have a number and rounds as told")
{
    const auto t = testing::load_instrument(file(
        k_time,
        R"({"id": "mean", "kind": "mean_of_trials", "label": {"nl": "m", "en": "m"}, "items": ["time"], "round_to": 0.01})",
        "mean"));
    CHECK(score_of(score_text(t, {{"time", "6.00"}, {"time", "6.01"}}), "mean") == "6.01");  // 6.005 → 6.01
    CHECK(score_of(score_text(t, {{"time", "6.00"}, {"time", "unable"}, {"time", "7.00"}}), "mean") == "6.5");
}

TEST_CASE("value passes a measurement through and maps the states it is told to")
{
    const std::string item =
        R"({"id": "stands", "type": "measurement", "label": {"nl": "s", "en": "s"}, "unit": "count",
        "min": 0, "max": 50, "precision": 1, "better": "higher", "states": {"used_arms": {}, "unable": {}}})";
    const auto t = testing::load_instrument(file(
        item,
        R"({"id": "n", "kind": "value", "label": {"nl": "n", "en": "n"}, "input": "stands", "states": {"used_arms": 0}})",
        "n"));
    CHECK(score_of(score_text(t, {{"stands", "12"}}), "n") == "12");
    CHECK(score_of(score_text(t, {{"stands", "used_arms"}}), "n") == "0");
    CHECK(score_of(score_text(t, {{"stands", "unable"}}), "n") == "unable");
}

TEST_CASE("band honours inclusive and exclusive edges exactly and scores states as told")
{
    const std::string item =
        R"({"id": "t1", "type": "measurement", "label": {"nl": "t", "en": "t"}, "unit": "s", "min": 0.01,
        "max": 100, "precision": 0.01, "better": "lower", "states": {"unable": {}}})";
    const auto t = testing::load_instrument(
        file(item, R"({"id": "p", "kind": "band", "label": {"nl": "p", "en": "p"}, "input": "t1",
        "source": "src", "confidence": "confirmed", "states": {"unable": 0},
        "bands": [{"lt": 4.82, "points": 4}, {"ge": 4.82, "le": 6.20, "points": 3}, {"gt": 6.20, "points": 1}]})",
             "p"));
    CHECK(score_of(score_text(t, {{"t1", "4.81"}}), "p") == "4");
    CHECK(score_of(score_text(t, {{"t1", "4.82"}}), "p") == "3");
    CHECK(score_of(score_text(t, {{"t1", "6.20"}}), "p") == "3");
    CHECK(score_of(score_text(t, {{"t1", "6.21"}}), "p") == "1");
    CHECK(score_of(score_text(t, {{"t1", "unable"}}), "p") == "0");
}

TEST_CASE("stop_rule ends at the first step below its threshold and flags values after it")
{
    const std::string items =
        R"({"id": "a", "type": "measurement", "label": {"nl": "a", "en": "a"}, "unit": "s", "min": 0, "max": 10, "precision": 0.01, "better": "higher"},
        {"id": "b", "type": "measurement", "label": {"nl": "b", "en": "b"}, "unit": "s", "min": 0, "max": 10, "precision": 0.01, "better": "higher"})";
    const auto t =
        testing::load_instrument(file(items, R"({"id": "s", "kind": "stop_rule", "label": {"nl": "s", "en": "s"},
        "source": "src", "confidence": "confirmed", "steps": [
          {"input": "a", "bands": [{"ge": 10, "points": 1}, {"lt": 10, "points": 0}], "continue_if_at_least": 1},
          {"input": "b", "bands": [{"ge": 10, "points": 2}, {"lt": 10, "points": 0}]}]})",
                                      "s"));
    CHECK(score_of(score_text(t, {{"a", "10"}, {"b", "10"}}), "s") == "3");
    CHECK(score_of(score_text(t, {{"a", "10"}, {"b", "2"}}), "s") == "1");
    const auto stopped = score_text(t, {{"a", "9.99"}, {"b", "10"}});
    CHECK(score_of(stopped, "s") == "0");
    CHECK(flags(stopped) == std::vector<std::string>{"ignored_after_stop:s"});
    CHECK(score_of(score_text(t, {{"a", "9.99"}}), "s") == "0");
    CHECK(score_of(score_text(t, {{"a", "10"}}), "s") == "missing");
}

TEST_CASE("sum and mean apply the missing-item rule and flag a partial result")
{
    const std::string items = rating("r1") + "," + rating("r2") + "," + rating("r3");
    const auto t = testing::load_instrument(file(
        items,
        R"({"id": "total", "kind": "sum", "label": {"nl": "t", "en": "t"}, "inputs": ["r1", "r2", "r3"], "max_missing": 1},
        {"id": "avg", "kind": "mean", "label": {"nl": "a", "en": "a"}, "inputs": ["r1", "r2", "r3"], "max_missing": 2, "display_decimals": 2})",
        "total"));
    const auto all = score_text(t, {{"r1", "7"}, {"r2", "8"}, {"r3", "6"}});
    CHECK(score_of(all, "total") == "21");
    CHECK(score_of(all, "avg") == "7");
    CHECK(flags(all).empty());
    const auto one_missing = score_text(t, {{"r1", "7"}, {"r2", "8"}});
    CHECK(score_of(one_missing, "total") == "15");
    CHECK(score_of(one_missing, "avg") == "7.5");
    CHECK(flags(one_missing) == std::vector<std::string>{"partial:avg", "partial:total"});
    const auto two_missing = score_text(t, {{"r1", "7"}});
    CHECK(score_of(two_missing, "total") == "missing");
    CHECK(score_of(two_missing, "avg") == "7");
    CHECK(flags(two_missing) == std::vector<std::string>{"incomplete:total", "partial:avg"});
    const auto thirds = score_text(t, {{"r1", "7"}, {"r2", "8"}, {"r3", "8"}});
    CHECK(score_of(thirds, "avg") == "7.666667");  // exact to the millionth; shown with 2 decimals
    for (const auto& line : thirds.scores)
        if (line.id == "avg") CHECK(line.shown.text == "7.67 points");
}

TEST_CASE("optional inputs: a mean over however many were given, never flagged partial (COPM problems)")
{
    const std::string items = rating("p1") + "," + rating("p2") + "," + rating("p3");
    const auto t = testing::load_instrument(file(
        items,
        R"({"id": "avg", "kind": "mean", "label": {"nl": "a", "en": "a"}, "inputs": ["p1", "p2", "p3"], "inputs_optional": true})",
        "avg"));
    const auto one = score_text(t, {{"p2", "7"}});
    CHECK(score_of(one, "avg") == "7");
    CHECK(flags(one).empty());
    const auto none = score_text(t, {});
    CHECK(score_of(none, "avg") == "missing");
    CHECK(flags(none) == std::vector<std::string>{"incomplete:avg"});
    CHECK(
        testing::issues_of(
            file(
                items,
                R"({"id": "avg", "kind": "mean", "label": {"nl": "a", "en": "a"}, "inputs": ["p1", "p2"], "inputs_optional": true, "max_missing": 1})",
                "avg"))
            .size() == 1);
}

TEST_CASE("first_present takes the course that was walked, the other branch is not flagged")
{
    const std::string items =
        R"({"id": "w4", "type": "measurement", "label": {"nl": "w", "en": "w"}, "unit": "s", "min": 0.01, "max": 100, "precision": 0.01, "better": "lower"},
        {"id": "w3", "type": "measurement", "label": {"nl": "w", "en": "w"}, "unit": "s", "min": 0.01, "max": 100, "precision": 0.01, "better": "lower"})";
    const auto t = testing::load_instrument(file(
        items,
        R"({"id": "p4", "kind": "band", "label": {"nl": "p", "en": "p"}, "input": "w4", "source": "src", "confidence": "confirmed", "bands": [{"lt": 5, "points": 2}, {"ge": 5, "points": 1}]},
        {"id": "p3", "kind": "band", "label": {"nl": "p", "en": "p"}, "input": "w3", "source": "src", "confidence": "confirmed", "bands": [{"lt": 4, "points": 2}, {"ge": 4, "points": 1}]},
        {"id": "gait", "kind": "first_present", "label": {"nl": "g", "en": "g"}, "inputs": ["p4", "p3"]})",
        "gait", R"(, "alternatives": [{"items": ["w4", "w3"], "reason": "one course"}])"));
    const auto four = score_text(t, {{"w4", "4.99"}});
    CHECK(score_of(four, "gait") == "2");
    CHECK(flags(four).empty());
    CHECK(score_of(score_text(t, {{"w3", "4.00"}}), "gait") == "1");
    CHECK(flags(score_text(t, {})) == std::vector<std::string>{"incomplete:gait"});
    CHECK_THROWS_WITH_AS(score_text(t, {{"w4", "4"}, {"w3", "4"}}), doctest::Contains("refused"), Error);
}

TEST_CASE("linear evaluates a reference equation per sex, with age, and flags ages outside its population")
{
    const std::string items =
        R"({"id": "height", "type": "measurement", "label": {"nl": "h", "en": "h"}, "unit": "cm", "min": 100, "max": 220, "precision": 1, "better": "higher"},
        {"id": "weight", "type": "measurement", "label": {"nl": "w", "en": "w"}, "unit": "kg", "min": 30, "max": 200, "precision": 0.1, "better": "higher"})";
    const auto t = testing::load_instrument(
        file(items, R"({"id": "predicted", "kind": "linear", "label": {"nl": "p", "en": "p"}, "unit": "m",
        "source": "src", "confidence": "confirmed", "valid_age": {"ge": 40, "le": 80},
        "by_sex": {"male": {"intercept": -309, "terms": [{"input": "height", "coefficient": 7.57}, {"input": "age", "coefficient": -5.02}, {"input": "weight", "coefficient": -1.76}]},
                   "female": {"intercept": 667, "terms": [{"input": "height", "coefficient": 2.11}, {"input": "weight", "coefficient": -2.29}, {"input": "age", "coefficient": -5.78}]}}})",
             "predicted"));
    CHECK(score_of(score_text(t, {{"height", "170"}, {"weight", "75"}}, 70, "male"), "predicted") == "494.5");
    CHECK(score_of(score_text(t, {{"height", "160"}, {"weight", "65"}}, 75, "female"), "predicted") == "422.25");
    const auto old = score_text(t, {{"height", "160"}, {"weight", "65"}}, 85, "female");
    CHECK(flags(old) == std::vector<std::string>{"outside_valid_age:predicted"});
    const auto no_sex = score_text(t, {{"height", "160"}, {"weight", "65"}}, 75);
    CHECK(score_of(no_sex, "predicted") == "missing");
    CHECK(flags(no_sex) == std::vector<std::string>{"needs_sex:predicted"});
    CHECK(flags(score_text(t, {{"height", "160"}, {"weight", "65"}}, -1, "female")) ==
          std::vector<std::string>{"needs_age:predicted"});
}

TEST_CASE("ratio divides with a constant or an input numerator, rounds, and passes states through")
{
    const auto t = testing::load_instrument(
        file(k_time, R"({"id": "best", "kind": "best_of_trials", "label": {"nl": "b", "en": "b"}, "items": ["time"]},
        {"id": "speed", "kind": "ratio", "label": {"nl": "s", "en": "s"}, "unit": "m/s", "numerator_constant": 4, "denominator": "best", "round_to": 0.01})",
             "speed"));
    CHECK(score_of(score_text(t, {{"time", "5.00"}}), "speed") == "0.8");
    CHECK(score_of(score_text(t, {{"time", "4.94"}}), "speed") == "0.81");
    CHECK(score_of(score_text(t, {{"time", "4.97"}}), "speed") == "0.8");
    CHECK(score_of(score_text(t, {{"time", "unable"}}), "speed") == "unable");
}

TEST_CASE("answer points: option points, named point maps, reversed items")
{
    const std::string extra =
        R"(, "answer_sets": [{"id": "yn", "options": [{"code": "yes", "label": {"nl": "ja", "en": "yes"}, "points": 1}, {"code": "no", "label": {"nl": "nee", "en": "no"}, "points": 0}]},
        {"id": "five", "options": [{"code": "yes!", "label": {"nl": "ja!", "en": "yes!"}}, {"code": "yes", "label": {"nl": "ja", "en": "yes"}}, {"code": "more_or_less", "label": {"nl": "min of meer", "en": "more or less"}}, {"code": "no", "label": {"nl": "nee", "en": "no"}}, {"code": "no!", "label": {"nl": "nee!", "en": "no!"}}]}],
      "point_maps": [{"id": "negative", "answer_set": "five", "points": {"yes!": 1, "yes": 1, "more_or_less": 1, "no": 0, "no!": 0}},
                     {"id": "positive", "answer_set": "five", "points": {"yes!": 0, "yes": 0, "more_or_less": 1, "no": 1, "no!": 1}}])";
    const std::string items =
        R"({"id": "can_shop", "type": "choice", "label": {"nl": "c", "en": "c"}, "answer_set": "yn", "reversed": true},
        {"id": "sad", "type": "choice", "label": {"nl": "s", "en": "s"}, "answer_set": "yn"},
        {"id": "neg", "type": "choice", "label": {"nl": "n", "en": "n"}, "answer_set": "five", "point_map": "negative"},
        {"id": "pos", "type": "choice", "label": {"nl": "p", "en": "p"}, "answer_set": "five", "point_map": "positive"})";
    const auto t = testing::load_instrument(file(
        items,
        R"({"id": "total", "kind": "sum", "label": {"nl": "t", "en": "t"}, "inputs": ["can_shop", "sad", "neg", "pos"]})",
        "total", extra));
    CHECK(
        score_of(score_text(t, {{"can_shop", "no"}, {"sad", "yes"}, {"neg", "more_or_less"}, {"pos", "more_or_less"}}),
                 "total") == "4");
    CHECK(score_of(score_text(t, {{"can_shop", "yes"}, {"sad", "no"}, {"neg", "no!"}, {"pos", "yes!"}}), "total") ==
          "0");
}

TEST_CASE("interpretations: cut-offs to codes, per sex, and not for states")
{
    const std::string item =
        R"({"id": "grip", "type": "measurement", "label": {"nl": "g", "en": "g"}, "unit": "kg", "min": 0, "max": 100, "precision": 0.1, "better": "higher", "states": {"unable": {}}})";
    const auto t = testing::load_instrument(file(
        item, R"({"id": "g", "kind": "value", "label": {"nl": "g", "en": "g"}, "input": "grip"})", "g",
        R"(, "interpretations": [{"id": "low", "score": "g", "label": {"nl": "l", "en": "l"}, "source": "src", "confidence": "confirmed",
            "by_sex": {"male": [{"lt": 27, "code": "low", "label": {"nl": "laag", "en": "low"}}, {"ge": 27, "code": "normal", "label": {"nl": "n", "en": "n"}}],
                       "female": [{"lt": 16, "code": "low", "label": {"nl": "laag", "en": "low"}}, {"ge": 16, "code": "normal", "label": {"nl": "n", "en": "n"}}]}}])"));
    CHECK(interpretation_of(score_text(t, {{"grip", "26.9"}}, 70, "male"), "low") == "low");
    CHECK(interpretation_of(score_text(t, {{"grip", "27.0"}}, 70, "male"), "low") == "normal");
    CHECK(interpretation_of(score_text(t, {{"grip", "15.9"}}, 70, "female"), "low") == "low");
    CHECK(interpretation_of(score_text(t, {{"grip", "16.0"}}, 70, "female"), "low") == "normal");
    const auto no_sex = score_text(t, {{"grip", "20"}});
    CHECK(interpretation_of(no_sex, "low") == "needs_sex");
    CHECK(flags(no_sex) == std::vector<std::string>{"needs_sex:low"});
    CHECK(interpretation_of(score_text(t, {{"grip", "unable"}}, 70, "male"), "low") == "state");
}

TEST_CASE("norm tables place a value below, within or above the range, performance follows the direction")
{
    const std::string items =
        R"({"id": "stands", "type": "measurement", "label": {"nl": "s", "en": "s"}, "unit": "count", "min": 0, "max": 50, "precision": 1, "better": "higher"},
        {"id": "secs", "type": "measurement", "label": {"nl": "s", "en": "s"}, "unit": "s", "min": 0.01, "max": 60, "precision": 0.01, "better": "lower"})";
    const auto t = testing::load_instrument(file(
        items, R"({"id": "n", "kind": "value", "label": {"nl": "n", "en": "n"}, "input": "stands"},
        {"id": "s", "kind": "value", "label": {"nl": "s", "en": "s"}, "input": "secs"})",
        "n",
        R"(, "norms": [{"id": "stands_norm", "score": "n", "label": {"nl": "n", "en": "n"}, "source": "src", "confidence": "confirmed",
                       "rows": [{"sex": "female", "age": [75, 79], "range": [10, 15]}, {"sex": "male", "age": [75, 79], "range": [11, 17]}]},
                      {"id": "time_norm", "score": "s", "label": {"nl": "t", "en": "t"}, "source": "src", "confidence": "confirmed",
                       "rows": [{"sex": "female", "age": [75, 79], "range": [5.2, 7.4]}]}])"));
    auto place = [&](const std::string& stands, int age, const std::string& sex) {
        return norm_of(score_text(t, {{"stands", stands}}, age, sex), "stands_norm");
    };
    CHECK(place("9", 75, "female") == "below");
    CHECK(place("10", 75, "female") == "within");
    CHECK(place("15", 79, "female") == "within");
    CHECK(place("16", 79, "female") == "above");
    CHECK(place("10", 77, "male") == "below");
    CHECK(place("12", 74, "female") == "no_norm_for_age");
    CHECK(place("12", 80, "female") == "no_norm_for_age");
    CHECK(norm_of(score_text(t, {{"stands", "12"}}, -1, "female"), "stands_norm") == "needs_age");
    CHECK(norm_of(score_text(t, {{"stands", "12"}}, 75), "stands_norm") == "needs_sex");

    const auto slow = score_text(t, {{"secs", "7.41"}}, 76, "female");
    REQUIRE(slow.norms.size() == 2);
    CHECK(slow.norms[1].position == scoring::NormPosition::above);
    CHECK(slow.norms[1].performance == scoring::Performance::below_average);
    const auto fast = score_text(t, {{"secs", "5.19"}}, 76, "female");
    CHECK(fast.norms[1].position == scoring::NormPosition::below);
    CHECK(fast.norms[1].performance == scoring::Performance::above_average);
}
