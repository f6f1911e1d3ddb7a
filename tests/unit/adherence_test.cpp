// Adherence: planned and attended sessions per discipline up to a day.

#include "reable/schedule/schedule.hpp"
#include "support/trajectory_text.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace reable;
using domain::Discipline;
using testing::day;

namespace {

std::string shown(const std::vector<schedule::Adherence>& rows)
{
    std::ostringstream out;
    for (const auto& row : rows) out << (out.tellp() > 0 ? ", " : "") << row;
    return out.str();
}

/// From Thursday 8 January 2026: the physiotherapist twice a week in weeks 1–4 (8 sessions, on
/// days 0 and 3 of each week), the ergotherapist once in weeks 1 and 2.
std::vector<schedule::PlannedSession> plan()
{
    protocol::TrajectoryTemplate t = testing::bare_template(4);
    t.session_plans = {testing::session_plan(Discipline::physiotherapist, 1, 4, 2),
                       testing::session_plan(Discipline::ergotherapist, 1, 2, 1)};
    return schedule::plan_sessions(t, day("2026-01-08"));
}

}  // namespace

TEST_CASE("planned and attended sessions are counted up to and including the day")
{
    const std::vector<schedule::AttendedSession> attended{{day("2026-01-08"), Discipline::physiotherapist},
                                                          {day("2026-01-12"), Discipline::physiotherapist},
                                                          {day("2026-01-15"), Discipline::physiotherapist},
                                                          {day("2026-01-16"), Discipline::ergotherapist},
                                                          {day("2026-01-25"), Discipline::physiotherapist}};
    // Up to 15 January: physiotherapist sessions on 8, 11 and 15 January are planned.
    CHECK(shown(schedule::adherence(plan(), attended, day("2026-01-15"))) == "ergotherapist 0/2, physiotherapist 3/3");
    CHECK(shown(schedule::adherence(plan(), attended, day("2026-01-14"))) == "ergotherapist 0/1, physiotherapist 2/2");
    CHECK(schedule::adherence(plan(), attended, day("2026-02-28")) ==
          std::vector<schedule::Adherence>{{Discipline::ergotherapist, 2, 1}, {Discipline::physiotherapist, 8, 4}});
}

TEST_CASE("a discipline appears when it has planned or attended sessions, even before its first one")
{
    const std::vector<schedule::AttendedSession> attended{{day("2026-01-09"), Discipline::household_helper}};
    CHECK(shown(schedule::adherence(plan(), attended, day("2026-01-07"))) ==
          "ergotherapist 0/0, physiotherapist 0/0, household_helper 0/0");
    CHECK(shown(schedule::adherence(plan(), attended, day("2026-01-09"))) ==
          "ergotherapist 0/1, physiotherapist 0/1, household_helper 1/0");
    CHECK(schedule::adherence({}, {}, day("2026-01-09")).empty());
}
