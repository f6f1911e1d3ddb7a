#pragma once

#include "reable/protocol/instrument.hpp"
#include "reable/protocol/issue.hpp"

#include <vector>

namespace reable::scoring {

/// Runs every worked example of an instrument file through the real input checks and the
/// engine and reports each expectation that does not hold, e.g.
/// "/examples/2/expect/scores/gait: expected 3, got 2".
std::vector<protocol::Issue> verify_examples(const protocol::Instrument& instrument);

}  // namespace reable::scoring
