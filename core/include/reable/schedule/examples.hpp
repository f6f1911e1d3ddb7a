#pragma once

#include "reable/protocol/issue.hpp"
#include "reable/protocol/trajectory.hpp"

#include <vector>

namespace reable::schedule {

/// Runs every worked example of a template through the schedule functions (plan_occasions,
/// plan_sessions, occasion_state) and reports each expectation that does not hold, e.g.
/// "/examples/0/occasions/week_7/target: example "…": expected 2026-02-26, got 2026-02-25".
std::vector<protocol::Issue> verify_examples(const protocol::TrajectoryTemplate& trajectory);

}  // namespace reable::schedule
