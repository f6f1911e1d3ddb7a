// Change between two occasions: direction follows "better", thresholds are compared as the
// source writes them (≥ or >), and measurement items get their own change lines.

#include "reable/scoring/change.hpp"
#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

using namespace reable;

namespace {

const std::string k_file =
    R"({"format": "reable.instrument/1", "id": "c", "version": "1.0.0", "name": {"nl": "C", "en": "C"},
  "sources": [{"id": "src", "citation": "Test source."}],
  "items": [{"id": "time", "type": "measurement", "label": {"nl": "t", "en": "t"}, "unit": "s", "min": 0.01, "max": 100,
             "precision": 0.01, "better": "lower", "states": {"unable": {}}},
            {"id": "rating", "type": "measurement", "label": {"nl": "r", "en": "r"}, "unit": "points", "min": 1, "max": 10,
             "precision": 1, "better": "higher"}],
  "scores": [{"id": "t", "kind": "value", "label": {"nl": "t", "en": "t"}, "input": "time"},
             {"id": "r", "kind": "value", "label": {"nl": "r", "en": "r"}, "input": "rating"}],
  "primary_score": "r",
  "minimal_important_change": [
    {"score": "t", "source": "src", "confidence": "secondary", "thresholds": [{"ge": 2, "code": "relevant", "label": {"nl": "r", "en": "relevant"}}]},
    {"score": "r", "source": "src", "confidence": "confirmed", "thresholds": [
      {"gt": 2, "code": "real", "label": {"nl": "r", "en": "real"}}, {"ge": 4, "code": "large", "label": {"nl": "g", "en": "large"}}]}],
  "examples": [{"name": "x", "input": {"items": {}}, "expect": {"flags": []}}]})";

scoring::ChangeReport change(const protocol::Instrument& instrument,
                             const std::vector<std::pair<std::string, std::string>>& before,
                             const std::vector<std::pair<std::string, std::string>>& after)
{
    return testing::change_between(instrument, before, after);
}

const scoring::ChangeLine& line(const scoring::ChangeReport& report, const std::string& id)
{
    return testing::change_line(report, id);
}

}  // namespace

TEST_CASE("a faster time is an improvement, the threshold is inclusive when the source says 'at least'")
{
    const auto instrument = testing::load_instrument(k_file);
    const auto two_faster = change(instrument, {{"time", "14.00"}}, {{"time", "12.00"}});
    const auto& t = line(two_faster, "t");
    CHECK(t.delta == Decimal::parse("-2"));
    CHECK(t.delta_text == "-2.00 s");
    CHECK(t.direction == scoring::Direction::improved);
    CHECK(t.meaningful);
    CHECK(t.threshold_code == "relevant");
    const auto& almost = line(change(instrument, {{"time", "14.00"}}, {{"time", "12.01"}}), "t");
    CHECK(almost.direction == scoring::Direction::improved);
    CHECK_FALSE(almost.meaningful);
    CHECK(line(change(instrument, {{"time", "12.00"}}, {{"time", "14.50"}}), "t").direction ==
          scoring::Direction::declined);
}

TEST_CASE("'more than 2 points' excludes exactly 2, the highest threshold reached is reported")
{
    const auto instrument = testing::load_instrument(k_file);
    CHECK_FALSE(line(change(instrument, {{"rating", "4"}}, {{"rating", "6"}}), "r").meaningful);
    const auto& three = line(change(instrument, {{"rating", "4"}}, {{"rating", "7"}}), "r");
    CHECK(three.meaningful);
    CHECK(three.threshold_code == "real");
    CHECK(line(change(instrument, {{"rating", "4"}}, {{"rating", "8"}}), "r").threshold_code == "large");
    const auto& down = line(change(instrument, {{"rating", "8"}}, {{"rating", "4"}}), "r");
    CHECK(down.direction == scoring::Direction::declined);
    CHECK(down.threshold_code == "large");
    CHECK(line(change(instrument, {{"rating", "5"}}, {{"rating", "5"}}), "r").direction ==
          scoring::Direction::unchanged);
}

TEST_CASE("a state or a missing value on either occasion gives no change, not a change from 0")
{
    const auto instrument = testing::load_instrument(k_file);
    const auto& unable = line(change(instrument, {{"time", "unable"}}, {{"time", "12.00"}}), "t");
    CHECK_FALSE(unable.delta.has_value());
    CHECK(unable.direction == scoring::Direction::not_comparable);
    CHECK(unable.before.text == "unable");
    CHECK(line(change(instrument, {}, {{"time", "12.00"}}), "t").direction == scoring::Direction::not_comparable);
}

TEST_CASE("measurement items get change lines too (per-problem change in COPM)")
{
    const auto instrument = testing::load_instrument(k_file);
    const auto report = change(instrument, {{"rating", "3"}}, {{"rating", "6"}});
    const auto& item = line(report, "rating");
    CHECK(item.is_item);
    CHECK(item.delta_text == "+3 points");
}

TEST_CASE("the later occasion must not be dated before the earlier one")
{
    const auto instrument = testing::load_instrument(k_file);
    scoring::Subject april;
    april.test_date = calendar::parse_iso_date("2026-04-13");
    scoring::Subject january;
    january.test_date = calendar::parse_iso_date("2026-01-05");
    const scoring::Observation first = scoring::read_observation(instrument, testing::raw_items({{"rating", "3"}}));
    const scoring::Observation second = scoring::read_observation(instrument, testing::raw_items({{"rating", "6"}}));
    CHECK_THROWS_WITH_AS(
        scoring::compare(first, april, scoring::score(first, april), second, january, scoring::score(second, january)),
        "the second occasion (2026-01-05) is before the first (2026-04-13)", Error);
}
