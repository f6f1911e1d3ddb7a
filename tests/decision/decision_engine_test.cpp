// The decision rules of wmo-rules.md §6, one SUBCASE per rule, run on the shipped Groningen
// policies so that the tests read the same numbers a municipality would. Each case starts from a
// resident squarely in the target group and changes one fact.

#include "reable/decision/engine.hpp"
#include "reable/error.hpp"
#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace reable;
using decision::DecisionInput;
using domain::Outcome;

namespace {

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

const protocol::Policy& precedence() { return testing::shipped().policy("groningen-precedence"); }
const protocol::Policy& voluntary() { return testing::shipped().policy("groningen-voluntary"); }
const protocol::HhNorms& norms() { return testing::shipped().norms("drechtsteden-2025"); }

decision::TestFact sppb(int total, const char* on = "2026-02-20")
{
    return {"sppb", "1.0.0", "total", day(on), Decimal::from_int(total), ""};
}

/// 78, decline since January, a household goal, reablement in a week, SPPB 8: in the target group.
DecisionInput in_target()
{
    DecisionInput in;
    in.date = day("2026-03-02");
    in.age = 78;
    in.findings.decline_since = day("2026-01-10");
    in.findings.household_goal = true;
    in.findings.reablement_wait_days = 7;
    in.tests.push_back(sppb(8));
    return in;
}

decision::Decision decide(const DecisionInput& in, const protocol::Policy& policy = precedence())
{
    return decision::decide(policy, norms(), in);
}

std::string codes(const decision::Decision& d)
{
    std::string out;
    for (const decision::Reason& r : d.reasons) out += (out.empty() ? "" : " ") + r.code;
    return out;
}

const decision::TraceLine* traced(const decision::Decision& d, const std::string& rule)
{
    auto it =
        std::find_if(d.trace.begin(), d.trace.end(), [&](const decision::TraceLine& t) { return t.rule == rule; });
    return it == d.trace.end() ? nullptr : &*it;
}

ErrorCode error_code_of(const DecisionInput& in, const protocol::Policy& policy = precedence())
{
    try {
        decide(in, policy);
    }
    catch (const Error& e) {
        return e.code();
    }
    FAIL("no error");
    return ErrorCode::internal;
}

std::string error_text_of(const DecisionInput& in)
{
    try {
        decide(in);
    }
    catch (const Error& e) {
        std::string text = e.what();
        for (const ErrorDetail& d : e.details()) text += " | " + d.where + ": " + d.message;
        return text;
    }
    return "no error";
}

void expect_excluded(const DecisionInput& in, const char* code, const char* rule)
{
    const decision::Decision d = decide(in);
    CHECK(d.outcome == Outcome::hh_granted);
    CHECK(d.in_target_group == false);
    CHECK_MESSAGE(d.has_reason(code), codes(d));
    CHECK(d.has_reason("R-B-NOTARGET"));
    REQUIRE(traced(d, rule) != nullptr);
    CHECK(traced(d, rule)->result == "excluded");
}

}  // namespace

TEST_CASE("in the target group, reablement comes first under the precedence policy")
{
    const decision::Decision d = decide(in_target());
    CHECK(d.outcome == Outcome::reablement_first);
    CHECK(d.in_target_group == true);
    CHECK_FALSE(d.hh.has_value());
    CHECK(codes(d) == "R-A-INCLUDED R-B-PRECEDENCE R-B-INTERIM");
    CHECK(d.policy_id == "groningen-precedence");
    CHECK(d.policy_version == "1.0.0");
    CHECK(d.reasons[1].sentence.find("groningen-14w-2y") != std::string::npos);
    CHECK(d.reasons[1].basis.find("art. 2.3.5 lid 3") != std::string::npos);
}

TEST_CASE("each exclusion takes the client out of the target group (A1–A6)")
{
    DecisionInput in = in_target();
    SUBCASE("A1 terminal")
    {
        in.findings.terminal = true;
        expect_excluded(in, "R-A-TERMINAL", "A1");
    }
    SUBCASE("A2 bedbound, without a test")
    {
        in.findings.bedbound = true;
        in.tests.clear();
        expect_excluded(in, "R-A-BEDBOUND", "A2");
        CHECK(traced(decide(in), "A9")->result == "skipped (excluded)");
    }
    SUBCASE("A3 moderate dementia")
    {
        in.findings.dementia = domain::Dementia::moderate;
        expect_excluded(in, "R-A-COGNITION", "A3");
    }
    SUBCASE("A3 severe dementia")
    {
        in.findings.dementia = domain::Dementia::severe;
        expect_excluded(in, "R-A-COGNITION", "A3");
    }
    SUBCASE("A3 screen 19 is below 20")
    {
        in.findings.cognitive_screen = 19;
        expect_excluded(in, "R-A-COGNITION", "A3");
        CHECK(decide(in).reasons[0].sentence.find("screeningsscore 19 < drempel 20") != std::string::npos);
    }
    SUBCASE("A4 psychiatric")
    {
        in.findings.serious_psychiatric = true;
        expect_excluded(in, "R-A-PSYCH", "A4");
    }
    SUBCASE("A5 institutional care")
    {
        in.findings.needs_institutional_care = true;
        expect_excluded(in, "R-A-INSTITUTION", "A5");
    }
    SUBCASE("A6 no communication")
    {
        in.findings.cannot_communicate = true;
        expect_excluded(in, "R-A-COMMUNICATION", "A6");
    }
}

TEST_CASE("what does not exclude")
{
    DecisionInput in = in_target();
    SUBCASE("mild dementia") { in.findings.dementia = domain::Dementia::mild; }
    SUBCASE("a screen of exactly 20") { in.findings.cognitive_screen = 20; }
    const decision::Decision d = decide(in);
    CHECK(d.in_target_group == true);
    CHECK(traced(d, "A3")->result == "not fired");
}

TEST_CASE("each inclusion must hold (A7–A10)")
{
    DecisionInput in = in_target();
    SUBCASE("A7: 65 is old enough, 64 is not")
    {
        in.age = 65;
        CHECK(decide(in).in_target_group == true);
        in.age = 64;
        const decision::Decision d = decide(in);
        CHECK(d.in_target_group == false);
        CHECK(d.has_reason("R-A-AGE"));
        CHECK(d.reasons[0].sentence.find("jonger bent dan 65 jaar") != std::string::npos);
    }
    SUBCASE("A8: a decline of exactly 6 months counts, a day more does not, unless recoverable")
    {
        in.findings.decline_since = day("2025-09-02");
        CHECK(decide(in).in_target_group == true);
        in.findings.decline_since = day("2025-09-01");
        CHECK(decide(in).has_reason("R-A-DECLINE"));
        in.findings.decline_recoverable = true;
        CHECK(decide(in).in_target_group == true);
        in.findings.decline_since.reset();
        CHECK(decide(in).in_target_group == true);
        in.findings.decline_recoverable = false;
        CHECK(decide(in).has_reason("R-A-DECLINE"));
    }
    SUBCASE("A9: SPPB at the cut-off 9 is in, 10 is out, a state is out")
    {
        in.tests = {sppb(9)};
        CHECK(decide(in).in_target_group == true);
        in.tests = {sppb(10)};
        const decision::Decision d = decide(in);
        CHECK(d.in_target_group == false);
        CHECK(d.has_reason("R-A-TEST"));
        CHECK(traced(d, "A9")->input == "sppb total = 10 (2026-02-20)");
        CHECK(traced(d, "A9")->result == "not met (needs ≤ 9)");
        in.tests = {{"sppb", "1.0.0", "total", day("2026-02-20"), std::nullopt, "refused"}};
        CHECK(decide(in).has_reason("R-A-TEST"));
    }
    SUBCASE("A10: no household goal")
    {
        in.findings.household_goal = false;
        CHECK(decide(in).has_reason("R-A-GOAL"));
    }
}

TEST_CASE("the physical test must be there and recent enough")
{
    DecisionInput in = in_target();
    SUBCASE("missing")
    {
        in.tests.clear();
        CHECK(error_code_of(in) == ErrorCode::precondition_failed);
        CHECK(error_text_of(in).find("needs a scored sppb test (score total)") != std::string::npos);
        CHECK(error_text_of(in).find("missing: sppb total") != std::string::npos);
    }
    SUBCASE("90 days old counts, 91 does not")
    {
        in.tests = {sppb(8, "2025-12-02")};
        CHECK(decide(in).in_target_group == true);
        in.tests = {sppb(8, "2025-12-01")};
        CHECK(error_code_of(in) == ErrorCode::precondition_failed);
        CHECK(error_text_of(in).find("at most 90 days before 2026-03-02") != std::string::npos);
    }
    SUBCASE("dated after the decision")
    {
        in.tests = {sppb(8, "2026-03-03")};
        CHECK(error_code_of(in) == ErrorCode::invalid_input);
    }
}

TEST_CASE("contradictory inputs are refused before any rule runs")
{
    DecisionInput in = in_target();
    SUBCASE("bedbound with a scored walking test")
    {
        in.findings.bedbound = true;
        CHECK(error_code_of(in) == ErrorCode::invalid_input);
        CHECK(error_text_of(in).find("bedbound, but sppb total was scored 8 on 2026-02-20") != std::string::npos);
    }
    SUBCASE("an acute need while the network covers everything")
    {
        in.findings.acute_need = true;
        in.findings.network_covers_all = true;
        CHECK(error_code_of(in) == ErrorCode::invalid_input);
    }
    SUBCASE("a decline that starts after the decision")
    {
        in.findings.decline_since = day("2026-03-03");
        CHECK(error_code_of(in) == ErrorCode::invalid_input);
    }
}

TEST_CASE("urgency gives temporary household help at once (B0)")
{
    DecisionInput in = in_target();
    in.findings.acute_need = true;
    const decision::Decision d = decide(in);
    CHECK(d.outcome == Outcome::temporary_hh);
    CHECK(d.temporary_weeks == 6);
    REQUIRE(d.hh.has_value());
    CHECK(d.hh->minutes_per_week == Decimal::from_int(125));
    CHECK(d.has_reason("R-B-SPOED"));
    CHECK(d.reasons[1].basis.find("art. 2.3.3") != std::string::npos);
}

TEST_CASE("without reablement capacity (B2)")
{
    DecisionInput in = in_target();
    SUBCASE("14 days is within capacity")
    {
        in.findings.reablement_wait_days = 14;
        CHECK(decide(in).outcome == Outcome::reablement_first);
    }
    SUBCASE("15 days: assessed normally under Groningen")
    {
        in.findings.reablement_wait_days = 15;
        const decision::Decision d = decide(in);
        CHECK(d.outcome == Outcome::hh_granted);
        CHECK(d.has_reason("R-B-NOCAPACITY"));
    }
    SUBCASE("15 days: temporary HH where the policy says so")
    {
        in.findings.reablement_wait_days = 15;
        const decision::Decision d = decide(in, testing::shipped().policy("gooi-vechtstreek"));
        CHECK(d.outcome == Outcome::temporary_hh);
        CHECK(d.temporary_weeks == 6);
    }
    SUBCASE("unknown waiting time")
    {
        in.findings.reablement_wait_days.reset();
        CHECK(error_code_of(in) == ErrorCode::precondition_failed);
    }
}

TEST_CASE("the resident's choice under both policies (B3–B8)")
{
    DecisionInput in = in_target();
    SUBCASE("precedence, declined: still no maatwerk HH, and nothing else")
    {
        in.choice = domain::Choice::decline;
        const decision::Decision d = decide(in);
        CHECK(d.outcome == Outcome::reablement_first);
        CHECK(codes(d) == "R-A-INCLUDED R-B-PRECEDENCE R-B-DECLINE-PREC");
        CHECK_FALSE(d.hh.has_value());
    }
    SUBCASE("voluntary, not yet asked: offered")
    {
        const decision::Decision d = decide(in, voluntary());
        CHECK(d.outcome == Outcome::reablement_offered);
        CHECK(d.has_reason("R-B-OFFER"));
    }
    SUBCASE("voluntary, accepted")
    {
        in.choice = domain::Choice::accept;
        CHECK(decide(in, voluntary()).outcome == Outcome::reablement_first);
        CHECK(decide(in, voluntary()).has_reason("R-B-ACCEPT"));
    }
    SUBCASE("voluntary, declined: HH by the norm, the refusal has no effect")
    {
        in.choice = domain::Choice::decline;
        const decision::Decision d = decide(in, voluntary());
        CHECK(d.outcome == Outcome::hh_granted);
        CHECK(d.hh->minutes_per_week == Decimal::from_int(125));
        CHECK(d.has_reason("R-B-DECLINE-VOL"));
    }
}

TEST_CASE("the amount: the worked examples of the issue (C1–C5)")
{
    DecisionInput in = in_target();
    in.tests = {sppb(11)};  // not in the target group: the amount is set
    SUBCASE("single person in a flat, full takeover: 125")
    {
        const decision::Decision d = decide(in);
        CHECK(d.hh->band == "basis");
        CHECK(d.hh->minutes_per_week == Decimal::from_int(125));
        CHECK(d.norm_id == "drechtsteden-2025");
        CHECK(d.norm_version == "1.0.0");
    }
    SUBCASE("client does light and medium tasks: 75, or 150 per two weeks")
    {
        in.findings.does_light_tasks = in.findings.does_medium_tasks = true;
        const decision::Decision d = decide(in);
        CHECK(d.hh->band == "basis_min1");
        CHECK(d.hh->minutes_per_week == Decimal::from_int(75));
        CHECK(d.hh->two_weekly_minutes == Decimal::from_int(150));
    }
    SUBCASE("light tasks alone do not lower the band")
    {
        in.findings.does_light_tasks = true;
        CHECK(decide(in).hh->band == "basis");
    }
    SUBCASE("two persons, much limitation, one extra room in use: 233.5 → 235, Basis+1")
    {
        in.home.household_size = 2;
        in.home.rooms_in_use = 1;
        in.findings.limitation = domain::Limitation::much;
        const decision::Decision d = decide(in);
        CHECK(d.hh->band == "basis_plus1");
        CHECK(d.hh->computed == Decimal::from_scaled(2335, 1));
        CHECK(d.hh->minutes_per_week == Decimal::from_int(235));
        REQUIRE(d.hh->items.size() == 3);
        CHECK(d.hh->items[0].id == "limitation_much");
        CHECK(*d.hh->items[0].minutes == Decimal::from_int(60));
        CHECK(d.hh->items[2].id == "room_in_use");
        CHECK(*d.hh->items[2].minutes == Decimal::from_scaled(185, 1));
        CHECK_FALSE(d.needs_motivation);
        CHECK(d.has_reason("R-C-ROUND"));
        CHECK(d.reasons.back().sentence.find("233,5 minuten per week wordt 235 minuten per week") != std::string::npos);
    }
    SUBCASE("above the band maximum: flagged, never clamped")
    {
        in.home.household_size = 2;
        in.home.rooms_in_use = 4;
        in.findings.limitation = domain::Limitation::much;
        const decision::Decision d = decide(in);
        CHECK(d.hh->computed == Decimal::from_int(289));
        CHECK(d.hh->minutes_per_week == Decimal::from_int(290));
        CHECK(d.hh->above_band_max);
        CHECK(d.needs_motivation);
        CHECK(d.has_reason("R-C-MAATWERK"));
        CHECK(traced(d, "C5")->result == "flagged: needs a motivated maatwerk decision (not clamped)");
    }
    SUBCASE("below the band minimum: raised to it")
    {
        in.home.rooms_not_in_use = 1;
        const decision::Decision d = decide(in);
        CHECK(d.hh->computed == Decimal::from_scaled(1296, 1));
        CHECK(d.hh->minutes_per_week == Decimal::from_int(131));
        CHECK(d.has_reason("R-C-BANDMIN"));
    }
    SUBCASE("pets have no norm time: flagged for a motivated amount")
    {
        in.home.pets = true;
        const decision::Decision d = decide(in);
        CHECK(d.needs_motivation);
        CHECK(d.has_reason("R-C-NOVALUE"));
    }
    SUBCASE("nothing remains after the network: no HH")
    {
        in.findings.network_covers_all = true;
        const decision::Decision d = decide(in);
        CHECK(d.outcome == Outcome::no_hh_needed);
        CHECK_FALSE(d.hh.has_value());
    }
}

TEST_CASE("end of the trajectory (E1–E5)")
{
    DecisionInput in = in_target();
    in.tests.clear();
    decision::TrajectoryEnd end;
    end.retest = decision::TrajectoryEnd::Change::meaningful;
    end.retest_detail = "sppb total 7 → 9";
    end.goals = 2;
    end.goals_met = 2;
    SUBCASE("E2 self-reliant")
    {
        in.trajectory_end = end;
        const decision::Decision d = decide(in);
        CHECK(d.reassessment == decision::Reassessment::self_reliant);
        CHECK(d.outcome == Outcome::no_hh_needed);
    }
    SUBCASE("E3 partial gain gives the lower band")
    {
        end.goals_met = 1;
        in.trajectory_end = end;
        const decision::Decision d = decide(in);
        CHECK(d.reassessment == decision::Reassessment::partial_gain);
        CHECK(d.hh->band == "basis_min1");
        CHECK(d.hh->minutes_per_week == Decimal::from_int(75));
    }
    SUBCASE("E4 no gain gives HH by the norm")
    {
        end.retest = decision::TrajectoryEnd::Change::not_meaningful;
        end.goals_met = 0;
        in.trajectory_end = end;
        const decision::Decision d = decide(in);
        CHECK(d.reassessment == decision::Reassessment::no_gain);
        CHECK(d.hh->band == "basis");
    }
    SUBCASE("E5 dropout: as a refusal under precedence, normal under the voluntary policy or for medical reasons")
    {
        end.dropout = true;
        in.trajectory_end = end;
        CHECK(decide(in).outcome == Outcome::reablement_first);
        CHECK(decide(in).has_reason("R-B-DECLINE-PREC"));
        CHECK(decide(in, voluntary()).outcome == Outcome::hh_granted);
        in.findings.dropout_medical = true;
        CHECK(decide(in).outcome == Outcome::hh_granted);
    }
    SUBCASE("a missing re-test")
    {
        end.retest.reset();
        in.trajectory_end = end;
        CHECK(error_code_of(in) == ErrorCode::precondition_failed);
    }
}

TEST_CASE("the same inputs give the same decision")
{
    DecisionInput in = in_target();
    in.tests = {sppb(11)};
    in.home.household_size = 2;
    in.findings.limitation = domain::Limitation::some;
    const decision::Decision a = decide(in);
    const decision::Decision b = decide(in);
    CHECK(codes(a) == codes(b));
    REQUIRE(a.trace.size() == b.trace.size());
    for (std::size_t i = 0; i < a.trace.size(); ++i) {
        CHECK(a.trace[i].input == b.trace[i].input);
        CHECK(a.trace[i].result == b.trace[i].result);
    }
    CHECK(a.hh->minutes_per_week == b.hh->minutes_per_week);
}

TEST_CASE("a request that is not for household help")
{
    DecisionInput in = in_target();
    in.findings.concerns_household_help = false;
    const decision::Decision d = decide(in);
    CHECK(d.outcome == Outcome::not_applicable);
    CHECK(d.trace.size() == 1);
}
