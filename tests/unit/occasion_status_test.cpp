// An occasion's status on both sides of each edge: the window's opening and closing days and the
// last day of the grace period.

#include "reable/schedule/schedule.hpp"
#include "support/trajectory_text.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace reable;
using schedule::OccasionStatus;
using testing::day;

namespace {

/// Week 7 of a trajectory started on Thursday 8 January 2026, with a window of 7 days each side.
schedule::PlannedOccasion week_7() { return {"week_7", day("2026-02-26"), day("2026-02-19"), day("2026-03-05")}; }

OccasionStatus status_on(const char* today, int grace_days = 14)
{
    return schedule::occasion_state(week_7(), std::nullopt, day(today), grace_days).status;
}

std::string shown(const schedule::OccasionState& state)
{
    std::ostringstream out;
    out << state;
    return out.str();
}

}  // namespace

TEST_CASE("upcoming until the window opens, due inside it, overdue during the grace period, then missed")
{
    CHECK(status_on("2026-01-08") == OccasionStatus::upcoming);
    CHECK(status_on("2026-02-18") == OccasionStatus::upcoming);
    CHECK(status_on("2026-02-19") == OccasionStatus::due);  // the window's first day
    CHECK(status_on("2026-02-26") == OccasionStatus::due);
    CHECK(status_on("2026-03-05") == OccasionStatus::due);      // the window's last day
    CHECK(status_on("2026-03-06") == OccasionStatus::overdue);  // the grace period's first day
    CHECK(status_on("2026-03-19") == OccasionStatus::overdue);  // its 14th and last day
    CHECK(status_on("2026-03-20") == OccasionStatus::missed);
    CHECK(status_on("2027-01-01") == OccasionStatus::missed);
}

TEST_CASE("without a grace period an occasion is missed the day after its window")
{
    CHECK(status_on("2026-03-05", 0) == OccasionStatus::due);
    CHECK(status_on("2026-03-06", 0) == OccasionStatus::missed);
    CHECK(status_on("2026-03-06", 1) == OccasionStatus::overdue);
    CHECK(status_on("2026-03-07", 1) == OccasionStatus::missed);
}

TEST_CASE("done: the signed deviation from the target, and whether it fell inside the window")
{
    const calendar::Date today = day("2026-06-01");
    auto done = [&](const char* on) { return schedule::occasion_state(week_7(), day(on), today, 14); };
    CHECK(done("2026-02-26") == schedule::OccasionState{OccasionStatus::done, 0, true});
    CHECK(done("2026-02-18") == schedule::OccasionState{OccasionStatus::done, -8, false});
    CHECK(done("2026-02-19") == schedule::OccasionState{OccasionStatus::done, -7, true});
    CHECK(done("2026-03-05") == schedule::OccasionState{OccasionStatus::done, 7, true});
    CHECK(done("2026-03-06") == schedule::OccasionState{OccasionStatus::done, 8, false});
    CHECK(shown(done("2026-03-06")) == "done, 8 days late, outside the window");
    CHECK(shown(done("2026-02-25")) == "done, 1 day early, within the window");
    CHECK(shown(done("2026-02-26")) == "done, on the target day, within the window");
}

TEST_CASE("a closed trajectory: what was not done is missed from the closing day, what was done stays done")
{
    const calendar::Date closed = day("2026-01-20");  // before the window opened
    CHECK(schedule::occasion_state(week_7(), std::nullopt, day("2026-01-19"), 14, closed).status ==
          OccasionStatus::upcoming);
    CHECK(schedule::occasion_state(week_7(), std::nullopt, day("2026-01-20"), 14, closed).status ==
          OccasionStatus::missed);
    CHECK(schedule::occasion_state(week_7(), std::nullopt, day("2026-02-27"), 14, day("2026-02-27")).status ==
          OccasionStatus::missed);  // closed inside the window
    CHECK(schedule::occasion_state(week_7(), day("2026-02-24"), day("2026-03-01"), 14, day("2026-02-27")) ==
          schedule::OccasionState{OccasionStatus::done, -2, true});
    CHECK(shown(schedule::occasion_state(week_7(), std::nullopt, day("2026-03-01"), 14, closed)) == "missed");
}
