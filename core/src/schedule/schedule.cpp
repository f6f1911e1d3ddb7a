#include "reable/schedule/schedule.hpp"

#include <algorithm>
#include <ostream>

namespace reable::schedule {
namespace {

constexpr int k_days_per_week = 7;

}  // namespace

std::vector<PlannedSession> plan_sessions(const protocol::TrajectoryTemplate& trajectory, calendar::Date start)
{
    std::vector<PlannedSession> sessions;
    for (const protocol::SessionPlan& plan : trajectory.session_plans) {
        const int n = plan.per_week.value;
        for (int week = plan.weeks.from; week <= plan.weeks.to; ++week) {
            const calendar::Date first_day = start + date::days{k_days_per_week * (week - 1)};
            for (int i = 0; i < n; ++i)
                sessions.push_back({first_day + date::days{k_days_per_week * i / n}, week, plan.discipline, plan.kind,
                                    plan.minutes.value, plan.phase});
        }
    }
    std::stable_sort(sessions.begin(), sessions.end(), [](const PlannedSession& a, const PlannedSession& b) {
        if (a.date != b.date) return a.date < b.date;
        return a.discipline < b.discipline;  // the enumerators are in the order of k_disciplines
    });
    return sessions;
}

calendar::Date training_end(const protocol::TrajectoryTemplate& trajectory, calendar::Date start)
{
    return start + date::days{k_days_per_week * trajectory.training_weeks.value};
}

PlannedOccasion plan_occasion(const protocol::TrajectoryTemplate& trajectory, const protocol::Occasion& occasion,
                              calendar::Date start)
{
    const calendar::Date anchor = occasion.anchor == protocol::Anchor::start ? start : training_end(trajectory, start);
    const protocol::Offset& offset = occasion.offset;
    const calendar::Date target = offset.unit == protocol::Offset::Unit::weeks
                                      ? anchor + date::days{k_days_per_week * offset.amount}
                                      : calendar::add_months_clamped(anchor, offset.amount);
    return {occasion.id, target, target - date::days{occasion.window.days_before},
            target + date::days{occasion.window.days_after}};
}

std::vector<PlannedOccasion> plan_occasions(const protocol::TrajectoryTemplate& trajectory, calendar::Date start)
{
    std::vector<PlannedOccasion> planned;
    for (const protocol::Occasion& occasion : trajectory.occasions)
        planned.push_back(plan_occasion(trajectory, occasion, start));
    return planned;
}

OccasionState occasion_state(const PlannedOccasion& occasion, std::optional<calendar::Date> done_on,
                             calendar::Date today, int grace_days, std::optional<calendar::Date> closed_on)
{
    if (done_on) {
        const bool within = occasion.earliest <= *done_on && *done_on <= occasion.latest;
        return {OccasionStatus::done, static_cast<int>((*done_on - occasion.target).count()), within};
    }
    if (closed_on && *closed_on <= today) return {OccasionStatus::missed, std::nullopt, false};
    if (today < occasion.earliest) return {OccasionStatus::upcoming, std::nullopt, false};
    if (today <= occasion.latest) return {OccasionStatus::due, std::nullopt, false};
    if (today <= occasion.latest + date::days{grace_days}) return {OccasionStatus::overdue, std::nullopt, false};
    return {OccasionStatus::missed, std::nullopt, false};
}

std::vector<Adherence> adherence(const std::vector<PlannedSession>& planned,
                                 const std::vector<AttendedSession>& attended, calendar::Date up_to)
{
    std::vector<Adherence> rows;
    for (domain::Discipline d : domain::k_disciplines) {
        Adherence row{d, 0, 0};
        bool any = false;
        for (const PlannedSession& s : planned) {
            if (s.discipline != d) continue;
            any = true;
            if (s.date <= up_to) ++row.planned;
        }
        for (const AttendedSession& s : attended) {
            if (s.discipline != d) continue;
            any = true;
            if (s.date <= up_to) ++row.attended;
        }
        if (any) rows.push_back(row);
    }
    return rows;
}

std::ostream& operator<<(std::ostream& out, const PlannedSession& s)
{
    return out << calendar::format_iso_date(s.date) << " week " << s.week << " " << domain::to_string(s.discipline)
               << " " << domain::to_string(s.kind) << " " << s.minutes << " min (" << s.phase << ")";
}

std::ostream& operator<<(std::ostream& out, const PlannedOccasion& o)
{
    return out << o.occasion_id << " " << calendar::format_iso_date(o.target) << " ("
               << calendar::format_iso_date(o.earliest) << " to " << calendar::format_iso_date(o.latest) << ")";
}

std::ostream& operator<<(std::ostream& out, const OccasionState& state)
{
    out << state.status;
    if (!state.deviation_days) return out;
    const int days = *state.deviation_days;
    if (days == 0)
        out << ", on the target day";
    else
        out << ", " << (days < 0 ? -days : days) << (days == 1 || days == -1 ? " day " : " days ")
            << (days < 0 ? "early" : "late");
    return out << (state.within_window ? ", within the window" : ", outside the window");
}

std::ostream& operator<<(std::ostream& out, const Adherence& a)
{
    return out << domain::to_string(a.discipline) << " " << a.attended << "/" << a.planned;
}

}  // namespace reable::schedule
