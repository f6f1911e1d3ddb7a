#include "support/trajectory_text.hpp"

#include "reable/protocol/loader.hpp"

#include <doctest/doctest.h>

namespace reable::testing {

const std::set<std::string>& test_instrument_ids()
{
    static const std::set<std::string> ids{"copm", "sppb", "tug"};
    return ids;
}

protocol::TrajectoryTemplate load_trajectory(const std::string& json_text)
{
    protocol::TrajectoryLoad load = protocol::read_trajectory(json_text, "test.json", test_instrument_ids());
    for (const protocol::Issue& issue : load.issues) MESSAGE(protocol::format_issue(issue));
    REQUIRE(load.issues.empty());
    REQUIRE(load.trajectories.size() == 1);
    return std::move(load.trajectories.front());
}

std::vector<protocol::Issue> trajectory_issues_of(const std::string& json_text)
{
    return protocol::read_trajectory(json_text, "test.json", test_instrument_ids()).issues;
}

calendar::Date day(const char* iso)
{
    auto parsed = calendar::parse_iso_date(iso);
    REQUIRE_MESSAGE(parsed.has_value(), "not a date: " << iso);
    return *parsed;
}

std::string iso(calendar::Date day) { return calendar::format_iso_date(day); }

protocol::TrajectoryTemplate bare_template(int training_weeks, int grace_days)
{
    protocol::TrajectoryTemplate t;
    t.id = "test";
    t.version = "1.0.0";
    t.training_weeks.value = training_weeks;
    t.grace_days.value = grace_days;
    return t;
}

protocol::SessionPlan session_plan(domain::Discipline discipline, int from, int to, int per_week, int minutes,
                                   domain::SessionKind kind)
{
    protocol::SessionPlan plan;
    plan.discipline = discipline;
    plan.kind = kind;
    plan.phase = "training";
    plan.weeks.from = from;
    plan.weeks.to = to;
    plan.per_week.value = per_week;
    plan.minutes.value = minutes;
    return plan;
}

protocol::Occasion occasion(const std::string& id, protocol::Anchor anchor, int amount, protocol::Offset::Unit unit,
                            int days_before, int days_after)
{
    protocol::Occasion o;
    o.id = id;
    o.anchor = anchor;
    o.offset.amount = amount;
    o.offset.unit = unit;
    o.window.days_before = days_before;
    o.window.days_after = days_after;
    return o;
}

}  // namespace reable::testing
