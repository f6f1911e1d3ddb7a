// Goal: one per COPM problem of a trajectory. Its description is "COPM problem <n>", never the
// problem's own words (the export rows do not even carry them). No target: COPM rates progress
// rather than aiming at a value. Importance and the ratings are extensions.

#include "fhir_support.hpp"

#include <vector>

namespace reable::exports::fhir {

namespace {

/// The rows of one goal: its first row carries number, importance and set_on; rows with an
/// occasion are its ratings, in the order given.
struct GoalRows {
    const storage::ExportGoal* head = nullptr;
    std::vector<const storage::ExportGoal*> ratings;
};

/// Improving, worsening or no change from the first rated performance to the last; nothing with
/// fewer than two.
std::string_view achievement(const GoalRows& goal)
{
    const storage::ExportGoal* first = nullptr;
    const storage::ExportGoal* last = nullptr;
    for (const auto* r : goal.ratings) {
        if (!r->performance) continue;
        if (!first) first = r;
        last = r;
    }
    if (!first || first == last) return {};
    if (*last->performance > *first->performance) return "improving";
    if (*last->performance < *first->performance) return "worsening";
    return "no-change";
}

/// A complex extension: occasion, performance, satisfaction and when (days, or the month).
void rating(json::CompactWriter& w, const Context& context, const storage::ExportGoal& r)
{
    w.begin_object().key("url").value(k_ext_copm_rating).key("extension").begin_array();
    extension_code(w, "occasion", r.occasion);
    if (r.performance) extension_integer(w, "performance", *r.performance);
    if (r.satisfaction) extension_integer(w, "satisfaction", *r.satisfaction);
    if (r.rated_on) {
        if (context.month_mode())
            w.begin_object().key("url").value("month").key("valueDate").value(year_month(*r.rated_on)).end_object();
        else
            extension_integer(w, "days-since-start", days_since_start(context, *r.rated_on));
    }
    w.end_array().end_object();
}

void write_goal(const Context& context, const GoalRows& goal, const Emit& emit)
{
    const storage::ExportGoal& head = *goal.head;
    const storage::ExportTrajectory& t = context.record.trajectory;
    json::CompactWriter w;
    begin_resource(w, "Goal", "goal-" + context.key + '-' + std::to_string(head.number));
    w.key("extension").begin_array();
    extension_reference(w, k_ext_episode, context.episode);  // workflow-episodeOfCare's context excludes Goal
    extension_integer(w, k_ext_copm_importance, head.importance);
    extension_days(w, context, head.set_on);
    for (const auto* r : goal.ratings) rating(w, context, *r);
    w.end_array();
    const bool ended = domain::is_final(t.state) || t.ended_on.has_value();
    w.key("lifecycleStatus").value(ended ? "completed" : "active");
    if (const auto status = achievement(goal); !status.empty()) {
        w.key("achievementStatus");
        codeable(w, k_goal_achievement, status);
    }
    w.key("description").begin_object().key("text").value("COPM problem " + std::to_string(head.number)).end_object();
    reference(w, "subject", context.patient);
    if (context.month_mode()) w.key("startDate").value(year_month(head.set_on));
    w.end_object();
    emit(w.text());
}

}  // namespace

void write_goals(const Context& context, const Emit& emit)
{
    GoalRows current;
    for (const auto& row : context.record.goals) {
        if (current.head && (current.head->goal != row.goal || current.head->number != row.number)) {
            write_goal(context, current, emit);
            current = GoalRows{};
        }
        if (!current.head) current.head = &row;
        if (!row.occasion.empty()) current.ratings.push_back(&row);
    }
    if (current.head) write_goal(context, current, emit);
}

}  // namespace reable::exports::fhir
