// The validator's messages, word for word. A protocol author reads these; they are part of the
// interface. Each case breaks a valid file in one way and pins every issue reported.

#include "reable/app/protocol_set.hpp"
#include "reable/error.hpp"
#include "reable/protocol/loader.hpp"
#include "reable/scoring/examples.hpp"
#include "support/instrument_text.hpp"
#include "support/text_edit.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace reable;

namespace {

const std::string k_valid = R"({
  "format": "reable.instrument/1",
  "id": "demo",
  "version": "1.0.0",
  "name": {"nl": "Demo", "en": "Demo"},
  "sources": [{"id": "src", "citation": "A source."}],
  "items": [
    {"id": "time", "type": "measurement", "label": {"nl": "Tijd", "en": "Time"},
     "unit": "s", "min": 0.01, "max": 300, "precision": 0.01, "better": "lower", "states": {"unable": {}}}
  ],
  "scores": [
    {"id": "points", "kind": "band", "label": {"nl": "Punten", "en": "Points"}, "input": "time",
     "source": "src", "confidence": "confirmed",
     "bands": [{"lt": 4.82, "points": 4}, {"ge": 4.82, "le": 6.20, "points": 3}, {"gt": 6.20, "points": 1}],
     "states": {"unable": 0}}
  ],
  "primary_score": "points",
  "examples": [{"name": "edge", "input": {"items": {"time": 6.20}}, "expect": {"scores": {"points": 3}}}]
})";

/// The valid file with one piece of text replaced (which must occur exactly once).
std::string with(const std::string& from, const std::string& to, const std::string& text = k_valid)
{
    return testing::replaced_once(text, from, to);
}

std::vector<std::string> issues(const std::string& text) { return testing::issue_lines(testing::issues_of(text)); }

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the valid base file has no issue") { CHECK(issues(k_valid).empty()); }

TEST_CASE("syntax and structure of the JSON document")
{
    SUBCASE("invalid JSON names the last position read")
    {
        CHECK(issues(with(R"("better": "lower",)", R"("better": "lower" "x",)")) ==
              Lines{"test.json: not valid JSON after /items/0/better: expected ',' or '}' after member value"});
    }
    SUBCASE("a repeated key is an error, not a silent overwrite")
    {
        CHECK(issues(with(R"("precision": 0.01,)", R"("precision": 0.01, "precision": 0.1,)")) ==
              Lines{"test.json: /items/0/precision: key appears twice in the same object"});
    }
    SUBCASE("the document must be an object")
    {
        CHECK(issues("[1, 2]") == Lines{"test.json: expected an object, got an array"});
    }
}

TEST_CASE("fields: unknown, missing, wrong type, malformed")
{
    SUBCASE("a typo in a field name")
    {
        CHECK(issues(with(R"("precision": 0.01)", R"("precison": 0.01)")) ==
              Lines{"test.json: /items/0/precison: unknown field; allowed here: id, label, type, unit, min, max, "
                    "precision, trials, better, states, codes, note",
                    "test.json: /items/0/precision: required field is missing"});
    }
    SUBCASE("a wrong type")
    {
        CHECK(issues(with(R"("max": 300)", R"("max": "300")")) ==
              Lines{"test.json: /items/0/max: expected a number, got a string"});
    }
    SUBCASE("a malformed id and version")
    {
        CHECK(issues(with(R"("id": "demo")", R"("id": "Demo Test")")) ==
              Lines{"test.json: /id: must be lowercase letters, digits, '_' or '-', starting with a letter; got \"Demo "
                    "Test\""});
        CHECK(issues(with(R"("version": "1.0.0")", R"("version": "1.0")")) ==
              Lines{"test.json: /version: must be MAJOR.MINOR.PATCH, e.g. \"1.0.0\"; got \"1.0\""});
    }
    SUBCASE("an unsupported format")
    {
        CHECK(issues(with(R"("format": "reable.instrument/1")", R"("format": "reable.instrument/2")")) ==
              Lines{"test.json: /format: unsupported format \"reable.instrument/2\"; this program reads "
                    "\"reable.instrument/1\""});
    }
    SUBCASE("unknown vocabulary: unit, kind, confidence, state, source")
    {
        CHECK(issues(with(R"("unit": "s")", R"("unit": "sec")")) ==
              Lines{"test.json: /items/0/unit: unknown unit \"sec\"; allowed: s, kg, m, cm, m/s, count, points, %"});
        CHECK(issues(with(R"("kind": "band")", R"("kind": "bands")")) ==
              Lines{"test.json: /scores/0/kind: unknown kind \"bands\"; allowed: value, best_of_trials, "
                    "mean_of_trials, band, "
                    "stop_rule, sum, mean, first_present, linear, ratio"});
        CHECK(issues(with(R"("confidence": "confirmed")", R"("confidence": "sure")")) ==
              Lines{"test.json: /scores/0/confidence: unknown value \"sure\"; allowed: confirmed, secondary, "
                    "partly_unverified, "
                    "unverified"});
        CHECK(issues(with(R"("states": {"unable": {}})", R"("states": {"unabel": {}})")) ==
              Lines{"test.json: /items/0/states/unabel: unknown state; allowed: unable, not_attempted, used_arms"});
        CHECK(issues(with(R"("source": "src")", R"("source": "nowhere")")) ==
              Lines{"test.json: /scores/0/source: unknown source \"nowhere\"; list it under /sources"});
    }
    SUBCASE("an instrument's rule comes from a source: the templates' label \"default\" is refused")
    {
        CHECK(issues(with(R"("confidence": "confirmed")", R"("confidence": "default")")) ==
              Lines{"test.json: /scores/0/confidence: unknown value \"default\"; allowed: confirmed, secondary, "
                    "partly_unverified, unverified"});
    }
    SUBCASE("an unverified rule needs a note")
    {
        CHECK(issues(with(R"("confidence": "confirmed")", R"("confidence": "unverified")")) ==
              Lines{"test.json: /scores/0/note: required for an unverified rule: say what could not be verified"});
    }
}

TEST_CASE("references")
{
    SUBCASE("an unknown input")
    {
        CHECK(
            issues(with(R"("input": "time")", R"("input": "tijd")")) ==
            Lines{"test.json: /scores/0/input: unknown input \"tijd\": not an item or a score defined above this one"});
    }
    SUBCASE("an unknown primary score")
    {
        CHECK(issues(with(R"("primary_score": "points")", R"("primary_score": "total")")) ==
              Lines{"test.json: /primary_score: unknown score \"total\""});
    }
    SUBCASE("a multi-trial item used directly")
    {
        CHECK(issues(with(R"("better": "lower",)", R"("better": "lower", "trials": 2,)")) ==
              Lines{"test.json: /scores/0/input: this item has several trials: take the best or mean first"});
    }
    SUBCASE("a duplicate id")
    {
        CHECK(issues(with(R"("id": "points", "kind")", R"("id": "time", "kind")")) ==
              Lines{"test.json: /scores/0/id: duplicate id \"time\" (first defined at /items/0)",
                    "test.json: /primary_score: unknown score \"points\""});
    }
}

TEST_CASE("band tables")
{
    SUBCASE("a gap of one hundredth")
    {
        CHECK(issues(with(R"({"gt": 6.20, "points": 1})", R"({"gt": 6.21, "points": 1})")) ==
              Lines{"test.json: /scores/0/bands/2: no band covers 6.21 s"});
    }
    SUBCASE("an overlap at the edge")
    {
        CHECK(issues(with(R"({"gt": 6.20, "points": 1})", R"({"ge": 6.20, "points": 1})")) ==
              Lines{"test.json: /scores/0/bands/2: overlaps band 1: both cover 6.20 s"});
    }
    SUBCASE("an edge finer than the precision")
    {
        CHECK(
            issues(
                with(R"({"lt": 4.82, "points": 4}, {"ge": 4.82,)", R"({"lt": 4.825, "points": 4}, {"ge": 4.825,)")) ==
            Lines{"test.json: /scores/0/bands/0: edge 4.825 is finer than the input's precision (0.01 s), so values on "
                  "either side of it cannot be told apart",
                  "test.json: /scores/0/bands/1: edge 4.825 is finer than the input's precision (0.01 s), so values on "
                  "either side of it cannot be told apart"});
    }
    SUBCASE("an empty interval")
    {
        CHECK(issues(with(R"({"ge": 4.82, "le": 6.20, "points": 3})", R"({"ge": 6.20, "lt": 6.20, "points": 3})")) ==
              Lines{"test.json: /scores/0/bands/1: the interval is empty: its lower edge 6.2 is not below its upper "
                    "edge 6.2"});
    }
    SUBCASE("two lower edges")
    {
        CHECK(issues(with(R"({"gt": 6.20, "points": 1})", R"({"gt": 6.20, "ge": 6.21, "points": 1})")) ==
              Lines{"test.json: /scores/0/bands/2/ge: give at most one lower edge (gt or ge) and one upper edge (lt or "
                    "le)"});
    }
    SUBCASE("a state the input allows but the table does not score")
    {
        CHECK(issues(with(R"("states": {"unable": 0})", R"("states": {})")) ==
              Lines{"test.json: /scores/0/states: no points for state \"unable\", which the input \"time\" allows"});
    }
}

TEST_CASE("every issue is reported at once, and a broken definition is not reported again where it is used")
{
    std::string text = with(R"("unit": "s")", R"("unit": "sec")");
    text = with(R"("confidence": "confirmed")", R"("confidence": "sure")", text);
    text = with(R"("primary_score": "points")", R"("primary_score": "total")", text);
    text = with(R"("name": {"nl": "Demo", "en": "Demo"})", R"("name": {"nl": "Demo"})", text);
    CHECK(issues(text) ==
          Lines{"test.json: /name/en: required field is missing",
                "test.json: /items/0/unit: unknown unit \"sec\"; allowed: s, kg, m, cm, m/s, count, points, %",
                "test.json: /scores/0/confidence: unknown value \"sure\"; allowed: confirmed, secondary, "
                "partly_unverified, unverified",
                "test.json: /primary_score: unknown score \"total\""});
}

TEST_CASE("change thresholds and norm rows")
{
    const std::string norms = with(R"("primary_score": "points",)", R"("primary_score": "points",
  "norms": [{"id": "n", "score": "time", "label": {"nl": "N", "en": "N"}, "source": "src", "confidence": "confirmed",
             "rows": [{"sex": "female", "age": [60, 64], "range": [4, 6]}, {"sex": "female", "age": [64, 69], "range": [4, 7]},
                      {"sex": "male", "age": [70, 60], "range": [5, 4]}]}],
  "minimal_important_change": [{"score": "points", "source": "src", "confidence": "confirmed",
    "thresholds": [{"ge": 1, "code": "a", "label": {"nl": "a", "en": "a"}}, {"ge": 0.5, "code": "b", "label": {"nl": "b", "en": "b"}}]}],)");
    CHECK(issues(norms) ==
          Lines{"test.json: /norms/0/rows/1/age: overlaps the ages of row 0 for the same sex",
                "test.json: /norms/0/rows/2/age: the youngest age is above the oldest",
                "test.json: /norms/0/rows/2/range: low is above high",
                "test.json: /minimal_important_change/0/thresholds/1/ge: thresholds must be in ascending order"});
}

TEST_CASE("worked examples that do not hold are issues")
{
    const protocol::Instrument instrument =
        testing::load_instrument(with(R"("expect": {"scores": {"points": 3}})",
                                      R"("expect": {"scores": {"points": 2}, "flags": ["incomplete:points"]})"));
    std::vector<std::string> found;
    for (const protocol::Issue& issue : scoring::verify_examples(instrument))
        found.push_back(protocol::format_issue(issue));
    CHECK(found ==
          Lines{"test.json: /examples/0/expect/scores/points: example \"edge\": expected 2, got 3",
                "test.json: /examples/0/expect/flags: example \"edge\": expected incomplete:points, got no flags"});

    const protocol::Instrument refused = testing::load_instrument(
        with(R"("input": {"items": {"time": 6.20}})", R"("input": {"items": {"time": 6.205}})"));
    found.clear();
    for (const protocol::Issue& issue : scoring::verify_examples(refused))
        found.push_back(protocol::format_issue(issue));
    CHECK(found ==
          Lines{"test.json: /examples/0: example \"edge\": the input was refused: the values for demo 1.0.0 were "
                "refused (1 problem)\ntime: 6.205 has more decimals than the item's precision (0.01 s) allows; enter "
                "the value as measured, to 0.01"});
}

TEST_CASE("a protocol set with the same {id, version} twice is refused, naming both files")
{
    const auto dir =
        std::filesystem::temp_directory_path() / ("reable-validator-duplicate-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "instruments");
    std::ofstream(dir / "instruments" / "a.json") << k_valid;
    std::ofstream(dir / "instruments" / "b.json") << k_valid;
    const app::ProtocolCheck check = app::check_protocols(dir);
    REQUIRE(check.issues.size() == 1);
    CHECK(protocol::format_issue(check.issues[0]) ==
          (dir / "instruments" / "b.json").string() +
              ": /id: instrument \"demo\" version \"1.0.0\" is also defined in " +
              (dir / "instruments" / "a.json").string());
    CHECK_THROWS_WITH_AS(app::load_registry(dir), doctest::Contains("is invalid (1 issue)"), Error);
    std::filesystem::remove_all(dir);
}
