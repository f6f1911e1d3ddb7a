// The shipped trajectory templates: each loads without an issue and its worked examples hold;
// each says what its sources say (written from the reference, wmo-rules.md §3.1 and
// instruments.md §14–15, not from the files); and no number that a source does not fix is
// presented as sourced.

#include "reable/app/protocol_set.hpp"
#include "reable/schedule/examples.hpp"
#include "reable/schedule/schedule.hpp"
#include "support/instrument_text.hpp"
#include "support/trajectory_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace reable;
using domain::Discipline;
using testing::day;
using testing::iso;

namespace {

const protocol::TrajectoryTemplate& shipped(const char* id) { return testing::shipped().trajectory(id); }

std::string target(const char* trajectory, const std::string& occasion, const char* start)
{
    const protocol::TrajectoryTemplate& t = shipped(trajectory);
    const protocol::Occasion* o = t.find_occasion(occasion);
    REQUIRE_MESSAGE(o != nullptr, "no occasion " << occasion);
    return iso(schedule::plan_occasion(t, *o, day(start)).target);
}

std::vector<std::string> occasion_ids(const protocol::TrajectoryTemplate& t)
{
    std::vector<std::string> ids;
    for (const protocol::Occasion& o : t.occasions) ids.push_back(o.id);
    return ids;
}

const std::string& source_id(const protocol::TrajectoryTemplate& t, const protocol::Provenance& p)
{
    return t.sources[p.source].id;
}

}  // namespace

TEST_CASE("the shipped trajectory templates load without a single issue")
{
    const app::ProtocolCheck check = app::check_protocols(REABLE_SOURCE_PROTOCOLS_DIR);
    for (const protocol::Issue& issue : check.issues) MESSAGE(protocol::format_issue(issue));
    CHECK(check.issues.empty());
    CHECK(check.trajectory_files == 4);
    CHECK(check.trajectories == check.trajectory_files);
    std::vector<std::string> ids;
    for (const auto& t : testing::shipped().trajectories()) ids.push_back(t.id);
    CHECK(ids ==
          std::vector<std::string>{"gooi-vechtstreek-6m", "groningen-14w-2y", "pilot-3m", "powerful-ageing-14w"});
}

TEST_CASE("every worked example of every shipped template holds, and each template has a status example")
{
    for (const protocol::TrajectoryTemplate& t : testing::shipped().trajectories()) {
        SUBCASE(t.reference().c_str())
        {
            CHECK_FALSE(t.examples.empty());
            CHECK(std::any_of(t.examples.begin(), t.examples.end(), [](const auto& e) { return !e.statuses.empty(); }));
            for (const protocol::Issue& issue : schedule::verify_examples(t)) FAIL_CHECK(protocol::format_issue(issue));
        }
    }
}

TEST_CASE("no default is presented as sourced")
{
    for (const protocol::TrajectoryTemplate& t : testing::shipped().trajectories()) {
        CAPTURE(t.id);
        for (const protocol::Provenance* p : t.provenances()) {
            // The Reable defaults entry is never cited as a source of a confirmed or secondary number.
            if (source_id(t, *p) == "reable-default") CHECK(p->confidence == protocol::Confidence::documented_default);
        }
        // No source fixes visit windows or the grace period (standards.md §1.2 gives only the pattern).
        CHECK(t.grace_days.provenance.confidence == protocol::Confidence::documented_default);
        for (const protocol::Occasion& o : t.occasions)
            CHECK(o.window.provenance.confidence == protocol::Confidence::documented_default);
        // Every session length is a default: no source gives minutes per session.
        for (const protocol::SessionPlan& plan : t.session_plans)
            CHECK(plan.minutes.provenance.confidence == protocol::Confidence::documented_default);
    }
}

TEST_CASE("Groningen: a 14-week training and a two-year follow-up, measured at intake, weeks 7 and 14, and 3 to 24 "
          "months after the training")
{
    const protocol::TrajectoryTemplate& t = shipped("groningen-14w-2y");
    CHECK(t.training_weeks.value == 14);
    CHECK(protocol::is_sourced(t.training_weeks.provenance.confidence));
    CHECK(occasion_ids(t) ==
          std::vector<std::string>{"intake", "week_7", "week_14", "fu_3m", "fu_6m", "fu_12m", "fu_24m"});
    // From Thursday 8 January 2026: week 7 is 49 days on, the training ends 98 days on (Thursday 16 April).
    CHECK(target("groningen-14w-2y", "intake", "2026-01-08") == "2026-01-08");
    CHECK(target("groningen-14w-2y", "week_7", "2026-01-08") == "2026-02-26");
    CHECK(target("groningen-14w-2y", "week_14", "2026-01-08") == "2026-04-16");
    CHECK(target("groningen-14w-2y", "fu_3m", "2026-01-08") == "2026-07-16");
    CHECK(target("groningen-14w-2y", "fu_6m", "2026-01-08") == "2026-10-16");
    CHECK(target("groningen-14w-2y", "fu_12m", "2026-01-08") == "2027-04-16");
    CHECK(target("groningen-14w-2y", "fu_24m", "2026-01-08") == "2028-04-16");
    const protocol::Phase* follow_up = t.find_phase("follow_up");
    REQUIRE(follow_up != nullptr);
    REQUIRE(follow_up->months_after_training.has_value());
    CHECK(follow_up->months_after_training->to == 24);
    // A multidisciplinary team: every discipline has sessions in the training.
    std::set<Discipline> disciplines;
    for (const auto& plan : t.session_plans) disciplines.insert(plan.discipline);
    CHECK(disciplines.size() == domain::k_disciplines.size());
}

TEST_CASE("Gooi en Vechtstreek: multidisciplinary, at most six months, with a halfway and a final evaluation")
{
    const protocol::TrajectoryTemplate& t = shipped("gooi-vechtstreek-6m");
    CHECK(occasion_ids(t) == std::vector<std::string>{"intake", "halfway", "final"});
    std::set<Discipline> disciplines;
    for (const auto& plan : t.session_plans) disciplines.insert(plan.discipline);
    CHECK(disciplines.size() >= 3);
    // Whatever the start, every planned session lies within six calendar months of it, and the
    // final evaluation's target is the six-month day.
    for (calendar::Date start = day("2023-01-01"); start <= day("2028-12-31"); start += date::days{1}) {
        const calendar::Date six_months = calendar::add_months_clamped(start, 6);
        const auto sessions = schedule::plan_sessions(t, start);
        REQUIRE_FALSE(sessions.empty());
        if (sessions.back().date >= six_months)
            FAIL("a session on " << iso(sessions.back().date) << " for a start on " << iso(start)
                                 << " is not within six months");
        if (schedule::plan_occasion(t, *t.find_occasion("final"), start).target != six_months)
            FAIL("the final evaluation is not on the six-month day for a start on " << iso(start));
    }
    CHECK(target("gooi-vechtstreek-6m", "halfway", "2023-08-31") == "2023-11-30");
    CHECK(target("gooi-vechtstreek-6m", "final", "2023-08-31") == "2024-02-29");
}

TEST_CASE("the three-month pilot measures at 0, 6 and 12 weeks like the Lochem version")
{
    const protocol::TrajectoryTemplate& t = shipped("pilot-3m");
    CHECK(t.training_weeks.value == 12);
    CHECK(occasion_ids(t) == std::vector<std::string>{"intake", "week_6", "week_12"});
    CHECK(target("pilot-3m", "intake", "2026-01-08") == "2026-01-08");
    CHECK(target("pilot-3m", "week_6", "2026-01-08") == "2026-02-19");   // 42 days
    CHECK(target("pilot-3m", "week_12", "2026-01-08") == "2026-04-02");  // 84 days
    for (const char* id : {"intake", "week_6", "week_12"})
        CHECK(protocol::is_sourced(t.find_occasion(id)->offset.provenance.confidence));
}

TEST_CASE("Powerful Ageing: twice a week with the physiotherapist for 14 weeks, then maintenance, its outcome tests, "
          "a one-year follow-up")
{
    const protocol::TrajectoryTemplate& t = shipped("powerful-ageing-14w");
    CHECK(t.training_weeks.value == 14);
    const auto sessions = schedule::plan_sessions(t, day("2026-01-08"));
    for (int week = 1; week <= 14; ++week) {
        CAPTURE(week);
        CHECK(std::count_if(sessions.begin(), sessions.end(), [&](const auto& s) {
                  return s.week == week && s.phase == "training" && s.discipline == Discipline::physiotherapist &&
                         s.kind == domain::SessionKind::training;
              }) == 2);
    }
    CHECK(std::all_of(sessions.begin(), sessions.end(),
                      [](const auto& s) { return s.discipline == Discipline::physiotherapist; }));
    CHECK(std::any_of(sessions.begin(), sessions.end(), [](const auto& s) { return s.phase == "maintenance"; }));
    CHECK(t.find_phase("maintenance") != nullptr);
    for (const protocol::Occasion& o : t.occasions) {
        CAPTURE(o.id);
        std::vector<std::string> instruments;
        for (const auto& i : o.instruments) instruments.push_back(i.instrument);
        CHECK(instruments == std::vector<std::string>{"power-squat", "lifting-test", "star-agility-run", "tug", "psk"});
    }
    CHECK(target("powerful-ageing-14w", "week_14", "2026-01-08") == "2026-04-16");
    CHECK(target("powerful-ageing-14w", "fu_12m", "2026-01-08") == "2027-01-08");
    CHECK(target("powerful-ageing-14w", "fu_12m", "2024-02-29") == "2025-02-28");
}
