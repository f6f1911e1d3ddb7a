#pragma once

#include "reable/calendar.hpp"
#include "reable/domain/ids.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace reable::domain {

/// A request for household help and its legal clock: the onderzoek must be done within 6 weeks of
/// the melding (Wmo 2015 art. 2.3.2), the decision taken within 2 weeks of the aanvraag (art. 2.3.5).
struct Melding {
    MeldingId id;
    ClientId client;
    calendar::Date received_on;
    std::optional<calendar::Date> onderzoek_done_on;
    std::optional<calendar::Date> aanvraag_on;
    std::optional<calendar::Date> decided_on;
    /// Minutes of household help per week the client asked for at the melding (1..10080).
    std::optional<int> hh_minutes_requested;
};

inline constexpr int k_max_minutes_per_week = 10080;

inline constexpr int k_onderzoek_weeks = 6;
inline constexpr int k_decision_weeks = 2;

enum class DeadlineKind { onderzoek, beschikking };
std::string_view to_string(DeadlineKind kind);

/// One legal deadline of a melding and where it stands on a given day.
struct Deadline {
    DeadlineKind kind;
    calendar::Date due;
    std::optional<calendar::Date> met_on;
    /// Days past the deadline: on `today` when still open, on the day it was met otherwise; 0 when in time.
    int days_late = 0;
    bool overdue() const { return days_late > 0; }
};

/// The deadlines that apply to a melding on `today`: the onderzoek always; the decision once
/// there is an aanvraag. Storage orders the access team's work list by the same rule, written in
/// SQL (migration 0007, column melding.deadline_order): change both together.
std::vector<Deadline> deadlines(const Melding& melding, calendar::Date today);

}  // namespace reable::domain
