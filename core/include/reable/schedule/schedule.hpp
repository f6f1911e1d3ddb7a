#pragma once

#include "reable/calendar.hpp"
#include "reable/domain/discipline.hpp"
#include "reable/domain/session_kind.hpp"
#include "reable/protocol/trajectory.hpp"
#include "reable/schedule/occasion_status.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

/// A trajectory's plan as dates: pure functions of a template, a start date and (for states) the
/// day to judge on. No clock is read here: "today" is always a parameter.
namespace reable::schedule {

/// One session a discipline is planned to give.
struct PlannedSession {
    calendar::Date date;
    int week = 0;  ///< counted from the start: week 1 is the start day and the six days after it
    domain::Discipline discipline = domain::Discipline::physiotherapist;
    domain::SessionKind kind = domain::SessionKind::training;
    int minutes = 0;
    std::string phase;  ///< the id of the phase the session plan belongs to

    friend bool operator==(const PlannedSession&, const PlannedSession&) = default;
};
/// "2026-01-08 week 1 physiotherapist training 45 min (training)".
std::ostream& operator<<(std::ostream& out, const PlannedSession& session);

/// Every session of every session plan, sorted by date and then by discipline (in the order of
/// domain::k_disciplines); sessions on the same day of the same discipline keep the order of the
/// plans in the file. A plan with n sessions a week puts session i (0 ≤ i < n) of week w on
/// start + 7·(w − 1) + ⌊7·i / n⌋ days: one a week on the week's first day, two on days 0 and 3,
/// three on days 0, 2 and 4, seven on every day.
std::vector<PlannedSession> plan_sessions(const protocol::TrajectoryTemplate& trajectory, calendar::Date start);

/// The first day after the training: start + 7 × training_weeks days (for 14 weeks from a
/// Thursday, the Thursday 98 days later). Occasions anchored at training_end count from here.
calendar::Date training_end(const protocol::TrajectoryTemplate& trajectory, calendar::Date start);

/// An occasion's target day and window as dates.
struct PlannedOccasion {
    std::string occasion_id;
    calendar::Date target;
    calendar::Date earliest;  ///< target − days_before; the window includes it
    calendar::Date latest;    ///< target + days_after; the window includes it

    friend bool operator==(const PlannedOccasion&, const PlannedOccasion&) = default;
};
/// "week_7 2026-02-26 (2026-02-19 to 2026-03-05)".
std::ostream& operator<<(std::ostream& out, const PlannedOccasion& occasion);

/// The dates of one occasion: its anchor (the start, or training_end) plus its offset, either
/// 7 days per week or calendar months through calendar::add_months_clamped (31 January + 1 month
/// = 28 or 29 February); the window around that target.
PlannedOccasion plan_occasion(const protocol::TrajectoryTemplate& trajectory, const protocol::Occasion& occasion,
                              calendar::Date start);
/// Every occasion of the template, in the order of the file.
std::vector<PlannedOccasion> plan_occasions(const protocol::TrajectoryTemplate& trajectory, calendar::Date start);

/// Where an occasion stands on one day.
struct OccasionState {
    OccasionStatus status = OccasionStatus::upcoming;
    std::optional<int> deviation_days;  ///< done only: done_on − target, in days (negative = early)
    bool within_window = false;         ///< done only: earliest ≤ done_on ≤ latest

    friend bool operator==(const OccasionState&, const OccasionState&) = default;
};
/// "done, 8 days late, outside the window" / "overdue".
std::ostream& operator<<(std::ostream& out, const OccasionState& state);

/// The state of an occasion on `today`:
/// - done when `done_on` is given (whatever the other dates), with its deviation from the target
///   and whether it fell inside the window;
/// - otherwise missed when the trajectory was closed on or before `today` (`closed_on`);
/// - otherwise upcoming before the window, due inside it (both edges included), overdue for
///   `grace_days` days after the window closes, and missed from the day after that.
/// Requires grace_days ≥ 0.
OccasionState occasion_state(const PlannedOccasion& occasion, std::optional<calendar::Date> done_on,
                             calendar::Date today, int grace_days, std::optional<calendar::Date> closed_on = {});

/// A session that took place, as logged.
struct AttendedSession {
    calendar::Date date;
    domain::Discipline discipline = domain::Discipline::physiotherapist;
};

/// How many sessions of one discipline were planned and attended up to a day.
struct Adherence {
    domain::Discipline discipline = domain::Discipline::physiotherapist;
    int planned = 0;
    int attended = 0;

    friend bool operator==(const Adherence&, const Adherence&) = default;
};
/// "physiotherapist 12/14".
std::ostream& operator<<(std::ostream& out, const Adherence& adherence);

/// Planned and attended sessions dated on or before `up_to`, one entry per discipline that has
/// any planned or any attended session (even if none is dated before `up_to` yet, so that the list
/// does not change shape during a trajectory), in the order of domain::k_disciplines.
std::vector<Adherence> adherence(const std::vector<PlannedSession>& planned,
                                 const std::vector<AttendedSession>& attended, calendar::Date up_to);

}  // namespace reable::schedule
