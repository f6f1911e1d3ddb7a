// The JSON views: reading a scoring request strictly, and writing reports whose numbers are the
// exact decimals that were scored.

#include "reable/scoring/json_io.hpp"
#include "support/instrument_text.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <doctest/doctest.h>

using namespace reable;

namespace {

std::vector<std::string> refusal(const std::string& json)
{
    try {
        (void)scoring::read_scoring_input(json);
    }
    catch (const Error& e) {
        std::vector<std::string> out;
        for (const ErrorDetail& d : e.details()) out.push_back(d.where + ": " + d.message);
        return out;
    }
    FAIL("accepted");
    return {};
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a scoring request: items with numbers, texts and trials, and the person's details")
{
    const scoring::ScoringInput input = scoring::read_scoring_input(
        R"({"test_date": "2026-11-02", "birth_date": "1944-05-17", "sex": "female", "age": 82,
            "items": {"gait_4m": [6.48, "6.20 s"], "balance_tandem": "not_attempted:unsafe", "balance_side_by_side": 10}})");
    CHECK(input.subject.test_date == "2026-11-02");
    CHECK(input.subject.age == 82);
    REQUIRE(input.items.size() == 3);
    const auto gait =
        std::find_if(input.items.begin(), input.items.end(), [](const auto& i) { return i.id == "gait_4m"; });
    REQUIRE(gait != input.items.end());
    REQUIRE(gait->values.size() == 2);
    CHECK(gait->values[0].is_number);
    CHECK(gait->values[0].number == Decimal::parse("6.48"));
    CHECK(gait->values[1].text == "6.20 s");
}

TEST_CASE("a scoring request is refused with every problem named")
{
    CHECK(
        refusal(R"({"items": {"gait_4m": true, "x": null, "y": {"v": 1}}, "sex": 1, "when": "today", "age": 80.5})") ==
        Lines{"/when: unknown field; allowed: items, test_date, birth_date, age, sex",
              "/sex: expected a string, got a number", "/age: expected whole years from 0 to 130, got a number",
              "/items/gait_4m: expected a number or a text such as \"unable\", got true or false",
              "/items/x: expected a number or a text such as \"unable\", got null",
              "/items/y: expected a number or a text such as \"unable\", got an object"});
    CHECK(refusal(R"({"test_date": "2026-11-02"})") == Lines{"/items: required field is missing"});
    CHECK(refusal(R"([1])") == Lines{"(document): expected an object, got an array"});
    CHECK(refusal(R"({"items": {"a": 1, "a": 2}})") == Lines{"/items/a: key appears twice in the same object"});
    CHECK(refusal(R"({"items": {"a": 1,}})") ==
          Lines{"(document): not valid JSON after /items/a: unexpected byte '}' in value"});
    CHECK(refusal(R"({"items": {"a": 6.2000001}})") ==
          Lines{"/items/a: the number has more than six decimals or is too large"});
}

TEST_CASE("the report as JSON carries the id and version, every score, interpretations, rules and exact numbers")
{
    const auto& sppb = testing::shipped().instrument("sppb");
    const auto report = testing::score_text(sppb,
                                            {{"balance_side_by_side", "10"},
                                             {"balance_semi_tandem", "10"},
                                             {"balance_tandem", "4.31"},
                                             {"gait_4m", "6.48"},
                                             {"gait_4m", "6.20"},
                                             {"chair_stand_5x", "used_arms"}},
                                            82, "female");
    const std::string text = scoring::to_json(report);
    Poco::JSON::Parser parser;
    const auto root = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    CHECK(root->getObject("instrument")->getValue<std::string>("id") == "sppb");
    CHECK(root->getObject("instrument")->getValue<std::string>("version") == "1.0.0");
    CHECK(root->getObject("total")->getValue<int>("value") == 6);
    CHECK(root->getObject("subject")->getValue<int>("age") == 82);
    CHECK(text.find("\"value\": 6.2,") != std::string::npos);  // exactly 6.2, not 6.2000000001
    const auto scores = root->getArray("scores");
    bool found_chair = false;
    for (std::size_t i = 0; i < scores->size(); ++i) {
        const auto score = scores->getObject(static_cast<unsigned>(i));
        if (score->getValue<std::string>("id") != "chair") continue;
        found_chair = true;
        CHECK(score->getValue<int>("value") == 0);
        CHECK(score->getObject("rule")->getValue<std::string>("confidence") == "confirmed");
        CHECK(score->getObject("rule")->getValue<bool>("validated"));
    }
    CHECK(found_chair);
    const auto items = root->getArray("items");
    bool found_state = false;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto item = items->getObject(static_cast<unsigned>(i));
        if (item->getValue<std::string>("id") != "chair_stand_5x") continue;
        found_state = true;
        const auto trial = item->getArray("trials")->getObject(0);
        CHECK(trial->getValue<std::string>("status") == "state");
        CHECK(trial->getValue<std::string>("state") == "used_arms");
        CHECK_FALSE(trial->has("value"));
    }
    CHECK(found_state);
    const auto interpretations = root->getArray("interpretations");
    bool found_unverified = false;
    for (std::size_t i = 0; i < interpretations->size(); ++i) {
        const auto interp = interpretations->getObject(static_cast<unsigned>(i));
        if (interp->getValue<std::string>("id") != "ewgsop2_performance") continue;
        found_unverified = true;
        CHECK(interp->getObject("rule")->getValue<std::string>("confidence") == "unverified");
        CHECK_FALSE(interp->getObject("rule")->getValue<bool>("validated"));
    }
    CHECK(found_unverified);
}

TEST_CASE("stored item values are exact and read back unchanged, whatever the text")
{
    const scoring::ScoringInput in = scoring::read_scoring_input(
        R"({"items": {"gait_4m": [6.20, 6.21], "note": "say \"hi\"\\\n", "walking_aid": "rollator"}})");
    const std::string stored = scoring::to_json(in.items);
    CHECK(stored == R"({"items":{"gait_4m":[6.2,6.21],"note":["say \"hi\"\\\u000a"],"walking_aid":["rollator"]}})");
    const scoring::ScoringInput back = scoring::read_scoring_input(stored);
    REQUIRE(back.items.size() == 3);
    CHECK(back.items[0].values[0].number == Decimal::from_scaled(620, 2));
    CHECK(back.items[1].values[0].text == "say \"hi\"\\\n");
}
