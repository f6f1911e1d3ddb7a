#pragma once

// Helpers for tests that need a trajectory template from inline JSON text.

#include "reable/protocol/issue.hpp"
#include "reable/protocol/trajectory.hpp"

#include <set>
#include <string>
#include <vector>

namespace reable::testing {

/// The instruments an inline template may name: "copm", "sppb" and "tug".
const std::set<std::string>& test_instrument_ids();

/// Loads one template from JSON text ("test.json"); fails the test (doctest REQUIRE) when it has
/// issues. Does not run its worked examples.
protocol::TrajectoryTemplate load_trajectory(const std::string& json_text);

/// The issues the loader finds in `json_text` (structure and references, not the examples).
std::vector<protocol::Issue> trajectory_issues_of(const std::string& json_text);

}  // namespace reable::testing
