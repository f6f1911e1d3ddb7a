#pragma once

// Household help over time, as evaluations count it: at a follow-up point, is HH in force, and
// how do its minutes compare with what the client asked for at the melding? And when was HH first
// granted (the event of the Kaplan–Meier estimate)?

#include "reable/calendar.hpp"
#include "reable/storage/export_reader.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reable::exports {

/// none: no HH in force (avoided); lower: fewer minutes than asked for (reduced); granted: as many
/// or more, or granted when the request's minutes are unknown; not_reached: the point lies after
/// the export's date.
enum class HhStatus { none, lower, granted, not_reached };
std::string_view to_string(HhStatus status);

/// The follow-up points: 14 weeks (the Groningen training), 6, 12 and 24 months after the start.
struct FollowUpPoint {
    std::string_view id;  ///< "w14", "m6", "m12", "m24"
    std::string_view label;
    int weeks = 0;
    int months = 0;
};
inline constexpr std::array<FollowUpPoint, 4> k_follow_up_points{{
    {"w14", "14 weeks", 14, 0},
    {"m6", "6 months", 0, 6},
    {"m12", "12 months", 0, 12},
    {"m24", "24 months", 0, 24},
}};
calendar::Date point_date(const FollowUpPoint& point, calendar::Date start);

struct HhAt {
    HhStatus status = HhStatus::not_reached;
    std::optional<double> minutes;  ///< the minutes per week in force (0 when none)
    /// Asked for minus in force, when the request's minutes are known (never below 0).
    std::optional<double> minutes_avoided;
};

/// What was in force on `day`: the newest decision taken on or before it decides; HH counts when
/// its outcome grants HH and `day` lies within its start and end.
HhAt hh_at(const std::vector<storage::ExportDecision>& decisions, std::optional<int> requested, calendar::Date day,
           calendar::Date as_of);

/// Time to the first HH grant in force on or after the start, in days since the start, with the
/// censoring day (as of the export, capped at 24 months) when there was none.
struct TimeToHh {
    int days = 0;
    bool event = false;
};
TimeToHh time_to_hh(const std::vector<storage::ExportDecision>& decisions, calendar::Date start,
                    calendar::Date as_of);

/// HH is granted by these outcomes (temporary HH counts: the client receives help).
bool grants_hh(std::string_view outcome);

}  // namespace reable::exports
