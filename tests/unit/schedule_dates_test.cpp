// Planned dates of occasions and sessions: weeks are 7 days from the start, months are calendar
// months clamped to the end of the month. Every expected date here was counted on a calendar.

#include "reable/schedule/schedule.hpp"
#include "support/trajectory_text.hpp"

#include <doctest/doctest.h>

using namespace reable;
using protocol::Anchor;
using Unit = protocol::Offset::Unit;
using domain::Discipline;
using testing::day;
using testing::iso;

namespace {

/// The target of a single occasion of a template with `training_weeks`, started on `start`.
std::string target(int training_weeks, Anchor anchor, int amount, Unit unit, const char* start)
{
    const protocol::TrajectoryTemplate t = testing::bare_template(training_weeks);
    return iso(schedule::plan_occasion(t, testing::occasion("o", anchor, amount, unit), day(start)).target);
}

}  // namespace

TEST_CASE("week 7 and week 14 from a start on a Thursday fall on Thursdays")
{
    protocol::TrajectoryTemplate t = testing::bare_template(14);
    t.occasions = {testing::occasion("week_7", Anchor::start, 7, Unit::weeks, 7, 7),
                   testing::occasion("week_14", Anchor::training_end, 0, Unit::weeks, 7, 14)};
    const auto planned = schedule::plan_occasions(t, day("2026-01-08"));  // a Thursday
    REQUIRE(planned.size() == 2);
    CHECK(planned[0].occasion_id == "week_7");
    CHECK(iso(planned[0].target) == "2026-02-26");  // 7 × 7 = 49 days on
    CHECK(iso(planned[0].earliest) == "2026-02-19");
    CHECK(iso(planned[0].latest) == "2026-03-05");
    CHECK(iso(planned[1].target) == "2026-04-16");  // training end: 14 × 7 = 98 days on
    CHECK(iso(planned[1].earliest) == "2026-04-09");
    CHECK(iso(planned[1].latest) == "2026-04-30");
    for (const auto& p : planned) CHECK(date::weekday{p.target} == date::Thursday);
    CHECK(iso(schedule::training_end(t, day("2026-01-08"))) == "2026-04-16");
}

TEST_CASE("training_end is start + 7 × training_weeks days, the day after the last training week")
{
    CHECK(target(14, Anchor::training_end, 0, Unit::weeks, "2026-01-08") == "2026-04-16");
    CHECK(target(12, Anchor::training_end, 0, Unit::weeks, "2026-01-08") == "2026-04-02");
    CHECK(target(1, Anchor::training_end, 2, Unit::weeks, "2026-01-08") == "2026-01-29");
    CHECK(target(14, Anchor::start, 0, Unit::weeks, "2026-01-08") == "2026-01-08");
}

TEST_CASE("windows and sessions run across New Year")
{
    protocol::TrajectoryTemplate t = testing::bare_template(4);
    t.occasions = {testing::occasion("week_2", Anchor::start, 2, Unit::weeks, 7, 7)};
    const auto o = schedule::plan_occasion(t, t.occasions[0], day("2025-12-18"));
    CHECK(iso(o.earliest) == "2025-12-25");
    CHECK(iso(o.target) == "2026-01-01");
    CHECK(iso(o.latest) == "2026-01-08");

    t.session_plans = {testing::session_plan(Discipline::physiotherapist, 1, 4, 2)};
    std::vector<std::string> dates;
    std::vector<int> weeks;
    for (const auto& s : schedule::plan_sessions(t, day("2025-12-18"))) {
        dates.push_back(iso(s.date));
        weeks.push_back(s.week);
    }
    CHECK(dates == std::vector<std::string>{"2025-12-18", "2025-12-21", "2025-12-25", "2025-12-28", "2026-01-01",
                                            "2026-01-04", "2026-01-08", "2026-01-11"});
    CHECK(weeks == std::vector<int>{1, 1, 2, 2, 3, 3, 4, 4});
}

TEST_CASE("months are calendar months, clamped on 29 February")
{
    CHECK(target(14, Anchor::start, 12, Unit::months, "2024-02-29") == "2025-02-28");
    CHECK(target(14, Anchor::start, 2, Unit::months, "2023-12-31") == "2024-02-29");
    CHECK(target(14, Anchor::start, 48, Unit::months, "2024-02-29") == "2028-02-29");
    CHECK(target(14, Anchor::start, 24, Unit::months, "2024-02-29") == "2026-02-28");
    // 5 training weeks from 25 January 2024 end on 29 February 2024 (a leap year).
    CHECK(target(5, Anchor::training_end, 0, Unit::months, "2024-01-25") == "2024-02-29");
    CHECK(target(5, Anchor::training_end, 1, Unit::months, "2024-01-25") == "2024-03-29");
    CHECK(target(5, Anchor::training_end, 12, Unit::months, "2024-01-25") == "2025-02-28");
    // The same start in a common year: the training ends on 1 March.
    CHECK(target(5, Anchor::training_end, 0, Unit::months, "2023-01-25") == "2023-03-01");
}

TEST_CASE("month ends: 31 January + 1 month is the last day of February")
{
    CHECK(target(14, Anchor::start, 1, Unit::months, "2026-01-31") == "2026-02-28");
    CHECK(target(14, Anchor::start, 1, Unit::months, "2028-01-31") == "2028-02-29");
    CHECK(target(14, Anchor::start, 1, Unit::months, "2026-08-31") == "2026-09-30");
    CHECK(target(14, Anchor::start, 3, Unit::months, "2026-11-30") == "2027-02-28");
    // A training that ends on 31 October, then 4 months: 28 February, not 3 March.
    CHECK(target(2, Anchor::training_end, 4, Unit::months, "2026-10-17") == "2027-02-28");
}

TEST_CASE("n sessions a week are spread as days ⌊7·i / n⌋ of the week")
{
    const calendar::Date monday = day("2026-01-05");
    const std::vector<std::vector<std::string>> expected{{"Mon"},
                                                         {"Mon", "Thu"},
                                                         {"Mon", "Wed", "Fri"},
                                                         {"Mon", "Tue", "Thu", "Sat"},
                                                         {"Mon", "Tue", "Wed", "Fri", "Sat"},
                                                         {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
                                                         {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}};
    for (int n = 1; n <= 7; ++n) {
        CAPTURE(n);
        protocol::TrajectoryTemplate t = testing::bare_template(1);
        t.session_plans = {testing::session_plan(Discipline::physiotherapist, 1, 1, n)};
        std::vector<std::string> days;
        for (const auto& s : schedule::plan_sessions(t, monday)) days.push_back(date::format("%a", s.date));
        CHECK(days == expected[static_cast<std::size_t>(n - 1)]);
    }
}

TEST_CASE("sessions are sorted by date, then by discipline, and carry week, kind, minutes and phase")
{
    protocol::TrajectoryTemplate t = testing::bare_template(3);
    t.session_plans = {testing::session_plan(Discipline::social_worker, 3, 3, 1, 30, domain::SessionKind::team_meeting),
                       testing::session_plan(Discipline::physiotherapist, 1, 3, 2, 45),
                       testing::session_plan(Discipline::ergotherapist, 2, 2, 1, 60, domain::SessionKind::home_visit)};
    std::vector<std::string> shown;
    for (const auto& s : schedule::plan_sessions(t, day("2026-01-08"))) {
        std::ostringstream line;
        line << s;
        shown.push_back(line.str());
    }
    CHECK(shown == std::vector<std::string>{"2026-01-08 week 1 physiotherapist training 45 min (training)",
                                            "2026-01-11 week 1 physiotherapist training 45 min (training)",
                                            "2026-01-15 week 2 ergotherapist home_visit 60 min (training)",
                                            "2026-01-15 week 2 physiotherapist training 45 min (training)",
                                            "2026-01-18 week 2 physiotherapist training 45 min (training)",
                                            "2026-01-22 week 3 physiotherapist training 45 min (training)",
                                            "2026-01-22 week 3 social_worker team_meeting 30 min (training)",
                                            "2026-01-25 week 3 physiotherapist training 45 min (training)"});
}
