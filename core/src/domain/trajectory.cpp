#include "reable/domain/trajectory.hpp"

#include "reable/error.hpp"

#include <array>

namespace reable::domain {
namespace {

constexpr std::array k_states{TrajectoryState::referred, TrajectoryState::intake,    TrajectoryState::training,
                              TrajectoryState::follow_up, TrajectoryState::closed,   TrajectoryState::dropped_out};

/// The next state on the regular path, if any.
std::optional<TrajectoryState> regular_next(TrajectoryState s)
{
    switch (s) {
    case TrajectoryState::referred: return TrajectoryState::intake;
    case TrajectoryState::intake: return TrajectoryState::training;
    case TrajectoryState::training: return TrajectoryState::follow_up;
    case TrajectoryState::follow_up: return TrajectoryState::closed;
    case TrajectoryState::closed:
    case TrajectoryState::dropped_out: return std::nullopt;
    }
    return std::nullopt;
}

bool allowed(TrajectoryState from, TrajectoryState to)
{
    if (is_final(from)) return false;
    if (to == TrajectoryState::dropped_out || to == TrajectoryState::closed) return true;
    return regular_next(from) == to;
}

}  // namespace

std::string_view to_string(TrajectoryState state)
{
    switch (state) {
    case TrajectoryState::referred: return "referred";
    case TrajectoryState::intake: return "intake";
    case TrajectoryState::training: return "training";
    case TrajectoryState::follow_up: return "follow_up";
    case TrajectoryState::closed: return "closed";
    case TrajectoryState::dropped_out: return "dropped_out";
    }
    return "unknown";
}

std::optional<TrajectoryState> parse_trajectory_state(std::string_view code)
{
    for (TrajectoryState s : k_states)
        if (to_string(s) == code) return s;
    return std::nullopt;
}

bool is_final(TrajectoryState state)
{
    return state == TrajectoryState::closed || state == TrajectoryState::dropped_out;
}

std::string_view to_string(Closure closure)
{
    switch (closure) {
    case Closure::completed: return "completed";
    case Closure::early: return "early";
    case Closure::dropout: return "dropout";
    }
    return "unknown";
}

namespace {
constexpr std::array k_end_reasons{EndReason::admission,  EndReason::care_home, EndReason::deceased,
                                   EndReason::health,     EndReason::motivation, EndReason::moved,
                                   EndReason::declined_further, EndReason::other};
}  // namespace

std::string_view to_string(EndReason reason)
{
    switch (reason) {
    case EndReason::admission: return "admission";
    case EndReason::care_home: return "care_home";
    case EndReason::deceased: return "deceased";
    case EndReason::health: return "health";
    case EndReason::motivation: return "motivation";
    case EndReason::moved: return "moved";
    case EndReason::declined_further: return "declined_further";
    case EndReason::other: return "other";
    }
    return "unknown";
}

std::optional<EndReason> parse_end_reason(std::string_view code)
{
    for (EndReason r : k_end_reasons)
        if (to_string(r) == code) return r;
    return std::nullopt;
}

std::string end_reason_codes()
{
    std::string out;
    for (EndReason r : k_end_reasons) {
        if (!out.empty()) out += ", ";
        out += to_string(r);
    }
    return out;
}

std::string allowed_next(TrajectoryState from)
{
    std::string out;
    for (TrajectoryState to : k_states) {
        if (!allowed(from, to)) continue;
        if (!out.empty()) out += ", ";
        out += to_string(to);
    }
    return out.empty() ? "none (the trajectory has ended)" : out;
}

void check_transition(TrajectoryState from, TrajectoryState to, Closure closure, std::string_view reason)
{
    if (!allowed(from, to))
        throw Error(ErrorCode::precondition_failed, "a trajectory in state " + std::string(to_string(from)) +
                                                        " cannot move to " + std::string(to_string(to)) +
                                                        "; allowed: " + allowed_next(from));
    // Closing before the follow-up has run is an early closure; it and a dropout need a reason.
    if (to == TrajectoryState::closed && from != TrajectoryState::follow_up && closure == Closure::completed)
        throw Error(ErrorCode::precondition_failed,
                    "a trajectory in state " + std::string(to_string(from)) +
                        " can only be closed early (with a reason); a completed closure follows the follow-up");
    const bool needs_reason = to == TrajectoryState::dropped_out || closure == Closure::early;
    if (needs_reason && reason.empty())
        throw Error(ErrorCode::invalid_input,
                    std::string(to == TrajectoryState::dropped_out ? "a dropout" : "an early closure") +
                        " needs a reason", {{"reason", "required"}});
}

}  // namespace reable::domain
