#pragma once

#include "reable/calendar.hpp"
#include "reable/domain/discipline.hpp"
#include "reable/domain/ids.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reable::domain {

/// Where a trajectory stands. referred → intake → training → follow_up → closed; dropped_out and
/// closed (early) can be reached from any open state. closed and dropped_out are final.
enum class TrajectoryState { referred, intake, training, follow_up, closed, dropped_out };

std::string_view to_string(TrajectoryState state);
std::optional<TrajectoryState> parse_trajectory_state(std::string_view code);
bool is_final(TrajectoryState state);

/// How a trajectory ended.
enum class Closure { completed, early, dropout };
std::string_view to_string(Closure closure);

/// The coded reason for a dropout or an early closure (migration 0006). The free-text reason stays
/// beside it but is never exported; evaluators get the code.
enum class EndReason { admission, care_home, deceased, health, motivation, moved, declined_further, other };
std::string_view to_string(EndReason reason);
std::optional<EndReason> parse_end_reason(std::string_view code);
/// Every code, comma-separated ("admission, care_home, …"), for messages and help texts.
std::string end_reason_codes();

/// One change of state, kept for the history.
struct Transition {
    TrajectoryState from;
    TrajectoryState to;
    calendar::Date on;
    std::string reason;
};

/// Checks one step of the state machine. Throws Error{precondition_failed} naming both states and
/// the steps that are allowed from `from`, or Error{invalid_input} when a required reason is
/// missing (a dropout and an early closure need one).
void check_transition(TrajectoryState from, TrajectoryState to, Closure closure, std::string_view reason);

/// The states reachable in one step from `from` ("intake, closed, dropped_out").
std::string allowed_next(TrajectoryState from);

/// Which member serves the trajectory for a discipline.
struct CareAssignment {
    Discipline discipline = Discipline::physiotherapist;
    MemberId member;
};

/// One client's reablement trajectory, started from a template ({id, version}) on a start date.
struct Trajectory {
    TrajectoryId id;
    ClientId client;
    std::optional<MeldingId> melding;
    std::string template_id;
    std::string template_version;
    calendar::Date start;
    TrajectoryState state = TrajectoryState::referred;
    std::optional<calendar::Date> ended_on;
    std::optional<Closure> closure;
    std::string end_reason;
    /// The coded reason of a dropout or an early closure, when one was given.
    std::optional<EndReason> end_reason_code;
    std::vector<CareAssignment> team;
};

}  // namespace reable::domain
