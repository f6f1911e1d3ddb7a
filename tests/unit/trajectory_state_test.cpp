#include "reable/domain/melding.hpp"
#include "reable/domain/trajectory.hpp"
#include "reable/error.hpp"

#include <doctest/doctest.h>

using namespace reable;
using namespace reable::domain;

namespace {

std::string refusal(TrajectoryState from, TrajectoryState to, Closure closure, std::string_view reason)
{
    try {
        check_transition(from, to, closure, reason);
    }
    catch (const Error& e) {
        return e.what();
    }
    return "allowed";
}

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

}  // namespace

TEST_CASE("trajectory states: the regular path, one step at a time")
{
    using S = TrajectoryState;
    CHECK(refusal(S::referred, S::intake, Closure::completed, "") == "allowed");
    CHECK(refusal(S::intake, S::training, Closure::completed, "") == "allowed");
    CHECK(refusal(S::training, S::follow_up, Closure::completed, "") == "allowed");
    CHECK(refusal(S::follow_up, S::closed, Closure::completed, "") == "allowed");
}

TEST_CASE("trajectory states: illegal steps are refused with what is allowed")
{
    using S = TrajectoryState;
    CHECK(refusal(S::referred, S::training, Closure::completed, "") ==
          "a trajectory in state referred cannot move to training; allowed: intake, closed, dropped_out");
    CHECK(refusal(S::follow_up, S::training, Closure::completed, "") ==
          "a trajectory in state follow_up cannot move to training; allowed: closed, dropped_out");
    CHECK(refusal(S::closed, S::intake, Closure::completed, "") ==
          "a trajectory in state closed cannot move to intake; allowed: none (the trajectory has ended)");
    CHECK(refusal(S::dropped_out, S::closed, Closure::early, "x") ==
          "a trajectory in state dropped_out cannot move to closed; allowed: none (the trajectory has ended)");
    CHECK(refusal(S::training, S::closed, Closure::completed, "") ==
          "a trajectory in state training can only be closed early (with a reason); a completed closure follows "
          "the follow-up");
}

TEST_CASE("trajectory states: dropout and early closure need a reason")
{
    using S = TrajectoryState;
    CHECK(refusal(S::training, S::dropped_out, Closure::dropout, "") == "a dropout needs a reason");
    CHECK(refusal(S::training, S::dropped_out, Closure::dropout, "hospital admission") == "allowed");
    CHECK(refusal(S::intake, S::closed, Closure::early, "") == "an early closure needs a reason");
    CHECK(refusal(S::intake, S::closed, Closure::early, "goals reached at intake") == "allowed");
}

TEST_CASE("melding deadlines: onderzoek within 6 weeks, decision within 2 weeks of the aanvraag")
{
    Melding m;
    m.received_on = day("2026-12-21");  // over New Year
    SUBCASE("open and in time on the last day")
    {
        const auto d = deadlines(m, day("2027-02-01"));
        REQUIRE(d.size() == 1);
        CHECK(calendar::format_iso_date(d[0].due) == "2027-02-01");
        CHECK_FALSE(d[0].overdue());
    }
    SUBCASE("open and one day late")
    {
        const auto d = deadlines(m, day("2027-02-02"));
        CHECK(d[0].days_late == 1);
        CHECK(d[0].overdue());
    }
    SUBCASE("done late stays late by the days it took")
    {
        m.onderzoek_done_on = day("2027-02-04");
        CHECK(deadlines(m, day("2027-06-01"))[0].days_late == 3);
    }
    SUBCASE("the decision clock starts at the aanvraag")
    {
        m.onderzoek_done_on = day("2027-01-20");
        m.aanvraag_on = day("2027-01-22");
        const auto d = deadlines(m, day("2027-02-06"));
        REQUIRE(d.size() == 2);
        CHECK(d[1].kind == DeadlineKind::beschikking);
        CHECK(calendar::format_iso_date(d[1].due) == "2027-02-05");
        CHECK(d[1].days_late == 1);
    }
}
