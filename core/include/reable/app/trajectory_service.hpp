#pragma once

#include "reable/clock.hpp"
#include "reable/domain/trajectory.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/schedule/schedule.hpp"
#include "reable/storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reable::app {

struct TrajectoryStartInput {
    std::int64_t client = 0;
    std::string template_id;
    std::string template_version;  ///< empty: the newest version
    std::string start;             ///< YYYY-MM-DD
    std::optional<std::int64_t> melding;
    std::vector<std::int64_t> members;  ///< the care team: at most one member per discipline
};

/// Starts a trajectory from a template on a start date, in state "referred". Error{invalid_input}
/// lists every problem (unknown template, client, melding or member; an inactive member; two
/// members of one discipline; a bad date); Error{conflict} when the client already has an open
/// trajectory.
/// A start date in the future is allowed: trajectories are planned ahead.
domain::TrajectoryId start_trajectory(storage::UnitOfWork& work, const protocol::Registry& registry,
                                      const TrajectoryStartInput& input);

/// Moves a trajectory to its next state (intake, training, follow_up), or ends it: "closed"
/// (completed after the follow-up, or early with a reason) or "dropped_out" (with a reason).
/// The day of the step may not be in the future nor before the start. Illegal steps are
/// Error{precondition_failed} naming the allowed ones.
/// `reason_code` (optional, "" for none) is the coded reason of a dropout or an early closure, one
/// of domain::end_reason_codes(); it is Error{invalid_input} with any other step.
void move_trajectory(storage::UnitOfWork& work, const Clock& clock, std::int64_t trajectory,
                     const std::string& to_state, const std::string& on, const std::string& reason,
                     const std::string& reason_code = "");

/// One measurement occasion of a trajectory as planned and as it stands today.
struct OccasionLine {
    const protocol::Occasion* occasion = nullptr;
    schedule::PlannedOccasion planned;
    schedule::OccasionState state;
    std::vector<std::string> recorded;  ///< instrument ids with a result at this occasion
    std::vector<std::string> missing;   ///< instruments planned there without a result
};

/// Everything `reable trajectory show` shows.
struct TrajectoryView {
    domain::Trajectory trajectory;
    const protocol::TrajectoryTemplate* plan = nullptr;
    std::vector<OccasionLine> occasions;
    std::vector<schedule::Adherence> adherence;
    std::vector<domain::Transition> history;
    std::vector<domain::TestResult> results;
    std::vector<domain::Goal> goals;
    std::vector<domain::GoalRating> ratings;
    std::vector<domain::Signal> signals;
    std::vector<domain::Session> sessions;
    int sessions_logged = 0;
    int minutes_logged = 0;
};

/// The trajectory with its schedule evaluated on clock.today(). Error{not_found}.
TrajectoryView view_trajectory(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock,
                               std::int64_t trajectory);

/// The trajectory, or Error{not_found}.
domain::Trajectory require_trajectory(storage::UnitOfWork& work, std::int64_t trajectory);

}  // namespace reable::app
