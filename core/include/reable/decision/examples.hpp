#pragma once

#include "reable/decision/engine.hpp"
#include "reable/protocol/issue.hpp"
#include "reable/protocol/policy.hpp"

#include <vector>

namespace reable::decision {

/// Runs every worked example of a norm table; each failing expectation is one issue.
std::vector<protocol::Issue> verify_examples(const protocol::HhNorms& norms);

/// Runs every worked example of a policy against its norm table.
std::vector<protocol::Issue> verify_examples(const protocol::Policy& policy, const protocol::HhNorms& norms);

/// The engine input a policy example describes.
DecisionInput example_input(const protocol::Policy& policy, const protocol::PolicyExampleInput& example);

}  // namespace reable::decision
