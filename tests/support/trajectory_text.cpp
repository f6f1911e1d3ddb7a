#include "support/trajectory_text.hpp"

#include "reable/protocol/loader.hpp"

#include <doctest/doctest.h>

namespace reable::testing {

const std::set<std::string>& test_instrument_ids()
{
    static const std::set<std::string> ids{"copm", "sppb", "tug"};
    return ids;
}

const std::string& demo_template_text()
{
    static const std::string text = R"({
  "format": "reable.trajectory/1",
  "id": "demo-4w",
  "version": "1.0.0",
  "label": {"nl": "Demo", "en": "Demo"},
  "description": {"nl": "Vier weken training.", "en": "Four weeks of training."},
  "sources": [{"id": "src", "citation": "A source."}, {"id": "reable-default", "citation": "A documented default."}],
  "training_weeks": {"value": 4, "source": "src", "confidence": "confirmed"},
  "grace_days": {"value": 7, "source": "reable-default", "confidence": "default"},
  "phases": [
    {"id": "training", "label": {"nl": "Training", "en": "Training"},
     "weeks": {"from": 1, "to": 4, "source": "src", "confidence": "confirmed"}},
    {"id": "follow_up", "label": {"nl": "Nazorg", "en": "Follow-up"},
     "months_after_training": {"from": 0, "to": 6, "source": "src", "confidence": "confirmed"}}
  ],
  "session_plans": [
    {"discipline": "physiotherapist", "kind": "training", "phase": "training",
     "weeks": {"from": 1, "to": 4, "source": "src", "confidence": "confirmed"},
     "per_week": {"value": 2, "source": "src", "confidence": "confirmed"},
     "minutes": {"value": 45, "source": "reable-default", "confidence": "default"}}
  ],
  "occasions": [
    {"id": "intake", "label": {"nl": "Intake", "en": "Intake"}, "anchor": "start",
     "offset": {"weeks": 0, "source": "src", "confidence": "confirmed"},
     "window": {"days_before": 7, "days_after": 0, "source": "reable-default", "confidence": "default"},
     "instruments": [{"instrument": "sppb", "disciplines": ["physiotherapist"], "source": "reable-default", "confidence": "default"}]},
    {"id": "fu_3m", "label": {"nl": "3 maanden na de training", "en": "3 months after the training"},
     "anchor": "training_end",
     "offset": {"months": 3, "source": "src", "confidence": "confirmed"},
     "window": {"days_before": 14, "days_after": 14, "source": "reable-default", "confidence": "default"},
     "instruments": [{"instrument": "tug", "disciplines": ["physiotherapist", "ergotherapist"], "source": "reable-default", "confidence": "default"}]}
  ],
  "examples": [
    {"name": "start on Thursday 1 January 2026", "start": "2026-01-01",
     "occasions": {"fu_3m": {"target": "2026-04-29", "earliest": "2026-04-15", "latest": "2026-05-13"}},
     "planned_sessions": {"physiotherapist": 8},
     "status": [{"occasion": "intake", "today": "2026-01-02", "expect": "overdue"}]}
  ]
})";
    return text;
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
