#include "reable/exports/hh_status.hpp"

#include "reable/decimal.hpp"

#include <algorithm>

namespace reable::exports {

std::string_view to_string(HhStatus status)
{
    switch (status) {
    case HhStatus::none: return "none";
    case HhStatus::lower: return "lower";
    case HhStatus::granted: return "granted";
    case HhStatus::not_reached: return "not_reached";
    }
    return "not_reached";
}

calendar::Date point_date(const FollowUpPoint& point, calendar::Date start)
{
    if (point.weeks > 0) return start + date::days(7 * point.weeks);
    return calendar::add_months_clamped(start, point.months);
}

bool grants_hh(std::string_view outcome)
{
    return outcome == "hh_granted" || outcome == "temporary_hh";
}

namespace {

bool in_force_on(const storage::ExportDecision& d, calendar::Date day)
{
    const calendar::Date from = d.starts_on.value_or(d.decided_on);
    return grants_hh(d.outcome) && from <= day && (!d.ends_on || day <= *d.ends_on);
}

double minutes_of(const storage::ExportDecision& d)
{
    const std::optional<Decimal> minutes = d.minutes_per_week ? Decimal::parse(*d.minutes_per_week) : std::nullopt;
    return minutes ? minutes->to_double() : 0.0;
}

}  // namespace

HhAt hh_at(const std::vector<storage::ExportDecision>& decisions, std::optional<int> requested, calendar::Date day,
           calendar::Date as_of)
{
    HhAt at;
    if (day > as_of) return at;
    const storage::ExportDecision* newest = nullptr;
    for (const storage::ExportDecision& d : decisions)  // oldest first
        if (d.decided_on <= day) newest = &d;
    const bool in_force = newest && in_force_on(*newest, day);
    const double minutes = in_force ? minutes_of(*newest) : 0.0;
    at.minutes = minutes;
    if (!in_force) at.status = HhStatus::none;
    else if (requested && minutes < *requested) at.status = HhStatus::lower;
    else at.status = HhStatus::granted;
    if (requested) at.minutes_avoided = std::max(0.0, *requested - minutes);
    return at;
}

TimeToHh time_to_hh(const std::vector<storage::ExportDecision>& decisions, calendar::Date start,
                    calendar::Date as_of)
{
    const calendar::Date horizon = std::min(as_of, point_date(k_follow_up_points.back(), start));
    std::optional<calendar::Date> first;
    for (const storage::ExportDecision& d : decisions) {
        if (!grants_hh(d.outcome)) continue;
        // HH that began before the start and still runs counts from the start (day 0).
        const calendar::Date from = std::max(d.starts_on.value_or(d.decided_on), start);
        if (d.ends_on && *d.ends_on < from) continue;
        if (!first || from < *first) first = from;
    }
    if (first && *first <= horizon) return {static_cast<int>((*first - start).count()), true};
    return {static_cast<int>(std::max(date::days(0), horizon - start).count()), false};
}

}  // namespace reable::exports
