// Checking what users enter: every refusal names the item, the value and what is allowed, all
// problems come at once, and nothing is guessed.

#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

using namespace reable;

namespace {

const protocol::Instrument& sppb() { return testing::shipped().instrument("sppb"); }

/// The details of the refusal of these values, as "where: message" lines.
std::vector<std::string> refusal(const std::vector<std::pair<std::string, std::string>>& values)
{
    try {
        (void)scoring::read_observation(sppb(), testing::raw_items(values));
    }
    catch (const Error& e) {
        CHECK(e.code() == ErrorCode::invalid_input);
        std::vector<std::string> out;
        for (const ErrorDetail& d : e.details()) out.push_back(d.where + ": " + d.message);
        return out;
    }
    FAIL("the values were accepted");
    return {};
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("numbers: range, precision, unit, decimal comma")
{
    CHECK(refusal({{"balance_tandem", "10.01"}}) ==
          Lines{"balance_tandem: 10.01 s is outside the allowed range 0.00 s to 10.00 s"});
    CHECK(refusal({{"gait_4m", "0"}}) == Lines{"gait_4m: 0.00 s is outside the allowed range 0.01 s to 300.00 s"});
    CHECK(refusal({{"gait_4m", "-1"}}) == Lines{"gait_4m: -1.00 s is outside the allowed range 0.01 s to 300.00 s"});
    CHECK(refusal({{"gait_4m", "6.205"}}) == Lines{"gait_4m: 6.205 has more decimals than the item's precision (0.01 "
                                                   "s) allows; enter the value as measured, to 0.01"});
    CHECK(refusal({{"gait_4m", "6,20"}}) ==
          Lines{"gait_4m: \"6,20\" uses a comma; write decimals with a point (6.20)"});
    CHECK(refusal({{"gait_4m", "620 ms"}}) ==
          Lines{"gait_4m: \"620 ms\" is in \"ms\", but this item is measured in s; values are not converted"});
    CHECK(refusal({{"gait_4m", "1e1"}}) == Lines{"gait_4m: \"1e1\" is not a number or a state; allowed: a number from "
                                                 "0.01 s to 300.00 s in steps of 0.01, or unable"});
}

TEST_CASE("a number may carry its own unit when it is the item's unit")
{
    const auto report = testing::score_text(sppb(), {{"gait_4m", "6.20 s"}, {"gait_4m", "6.31s"}});
    CHECK(testing::score_of(report, "gait_4m_time") == "6.2");
}

TEST_CASE("states: allowed ones, their reasons, and the rest refused")
{
    CHECK(refusal({{"gait_4m", "used_arms"}}) ==
          Lines{"gait_4m: state \"used_arms\" is not allowed for this item; allowed: unable"});
    CHECK(refusal({{"balance_tandem", "unable"}}) == Lines{"balance_tandem: state \"unable\" is not allowed for this "
                                                           "item; allowed: not_attempted:REASON (unsafe, refused, "
                                                           "could_not_get_into_position, other)"});
    CHECK(
        refusal({{"balance_tandem", "not_attempted"}}) ==
        Lines{"balance_tandem: not_attempted needs a reason: not_attempted:REASON with REASON one of unsafe, refused, "
              "could_not_get_into_position, other"});
    CHECK(refusal({{"balance_tandem", "not_attempted:tired"}}) ==
          Lines{"balance_tandem: unknown reason \"tired\" for not_attempted; allowed: unsafe, refused, "
                "could_not_get_into_position, other"});
    CHECK(refusal({{"gait_4m", "unable:dizzy"}}) == Lines{"gait_4m: state \"unable\" takes no reason here"});
}

TEST_CASE("items: unknown, too many trials, unknown answers, alternatives")
{
    CHECK(refusal({{"gait", "5"}}) ==
          Lines{"gait: unknown item \"gait\" for sppb 1.0.0; its items are: balance_side_by_side, balance_semi_tandem, "
                "balance_tandem, gait_4m, gait_3m, walking_aid, chair_stand_5x"});
    CHECK(refusal({{"gait_4m", "5"}, {"gait_4m", "5"}, {"gait_4m", "5"}}) ==
          Lines{"gait_4m: 3 values given, but this item has at most 2 trials"});
    CHECK(refusal({{"chair_stand_5x", "12"}, {"chair_stand_5x", "13"}}) ==
          Lines{"chair_stand_5x: 2 values given, but this item has one trial"});
    CHECK(refusal({{"walking_aid", "stick"}}) == Lines{"walking_aid: \"stick\" is not an answer of this item; allowed: "
                                                       "none, cane, walker (walker or frame), other"});
    CHECK(refusal({{"gait_4m", "5"}, {"gait_3m", "4"}}) ==
          Lines{"gait_4m, gait_3m: give only one of gait_4m, gait_3m: the walk is done on either the 4-m or the 3-m "
                "course"});
}

TEST_CASE("every problem is reported at once, trial by trial")
{
    CHECK(refusal({{"gait_4m", "abc"}, {"gait_4m", "400"}, {"chair_stand_5x", "-3"}, {"foo", "1"}}).size() == 4);
    CHECK(refusal({{"gait_4m", "5"}, {"gait_4m", "400"}})[0].rfind("gait_4m (trial 2): ", 0) == 0);
}

TEST_CASE("typed quantities from code: the unit must be the item's")
{
    scoring::Observation observation(sppb());
    scoring::set_trial(observation, "gait_4m", 1, units::Seconds::hundredths(620).measure());
    CHECK(observation.trials(*sppb().find_item("gait_4m"))[1] == scoring::Value::of(Decimal::parse("6.2").value()));
    CHECK_THROWS_WITH_AS(scoring::set_trial(observation, "gait_4m", 0, units::Kilograms::whole(6).measure()),
                         "gait_4m: the value is in kg, but this item is measured in s; values are not converted", Error);
    CHECK_THROWS_WITH_AS(scoring::set_trial(observation, "gait_4m", 2, units::Seconds::whole(6).measure()),
                         "gait_4m: trial 3 does not exist; the item has 2 trials", Error);
    CHECK_THROWS_WITH_AS(scoring::set_trial(observation, "balance_tandem", 0, units::Seconds::whole(11).measure()),
                         "balance_tandem: 11.00 s is outside the allowed range 0.00 s to 10.00 s", Error);
    CHECK_THROWS_WITH_AS(scoring::set_trial(observation, "walking_aid", 0, units::Seconds::whole(1).measure()),
                         "no measurement item \"walking_aid\" in sppb 1.0.0", Error);
}

TEST_CASE("the person tested: age from the birth date on the test date, sex, dates")
{
    const FixedClock clock(calendar::parse_iso_date("2026-11-23").value());
    SUBCASE("age by calendar on the test date")
    {
        const scoring::Subject s = scoring::read_subject({"1946-11-24", "2026-11-23", "female", std::nullopt}, clock);
        CHECK(s.age == 79);
        CHECK(s.age_from_birth_date);
        CHECK(s.sex == protocol::Sex::female);
    }
    SUBCASE("the test date defaults to today")
    {
        const scoring::Subject s =
            scoring::read_subject({"1946-11-23", std::nullopt, std::nullopt, std::nullopt}, clock);
        CHECK(s.test_date == calendar::parse_iso_date("2026-11-23"));
        CHECK(s.age == 80);
    }
    SUBCASE("an age that agrees with the birth date is accepted; one that does not is refused")
    {
        CHECK(scoring::read_subject({"1946-11-24", "2026-11-23", std::nullopt, 79}, clock).age == 79);
        CHECK_THROWS_WITH_AS(scoring::read_subject({"1946-11-24", "2026-11-23", std::nullopt, 80}, clock),
                             "the details of the person tested were refused (1 problem)", Error);
    }
    SUBCASE("bad dates, a future test date, an unknown sex and a test before birth, all at once")
    {
        try {
            (void)scoring::read_subject({"1946-02-30", "2027-01-01", "f", 200}, clock);
            FAIL("accepted");
        }
        catch (const Error& e) {
            std::vector<std::string> lines;
            for (const ErrorDetail& d : e.details()) lines.push_back(d.where + ": " + d.message);
            CHECK(lines == Lines{"test_date: 2027-01-01 is in the future (today is 2026-11-23)",
                                 "birth_date: \"1946-02-30\" is not a date; use YYYY-MM-DD, e.g. 1946-03-02",
                                 "sex: \"f\" is not allowed; allowed: female, male",
                                 "age: 200 is outside the allowed range 0 to 130 years"});
        }
        CHECK_THROWS_WITH_AS(scoring::read_subject({"2000-01-02", "2000-01-01", std::nullopt, std::nullopt}, clock),
                             "the details of the person tested were refused (1 problem)", Error);
    }
}
