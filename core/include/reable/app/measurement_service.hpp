#pragma once

#include "reable/clock.hpp"
#include "reable/domain/measurement.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/scoring/input.hpp"
#include "reable/scoring/report.hpp"
#include "reable/storage/database.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace reable::app {

struct TestInput {
    std::int64_t trajectory = 0;
    std::int64_t member = 0;
    std::string occasion;    ///< an occasion of the trajectory's template ("intake", "week_14" …)
    std::string instrument;  ///< an instrument planned at that occasion
    std::string date;        ///< the test date, YYYY-MM-DD, not in the future
    std::vector<scoring::RawItem> items;
};

/// Scores a test with the instrument version the registry holds and stores the raw values, every
/// score and that version. The client's birth date and sex feed the norms. Refused with every
/// problem listed (Error{invalid_input}): an occasion the template does not have, an instrument not
/// planned at it, a member whose discipline may not perform it, a bad or future date or one
/// before the trajectory started, and any value the instrument refuses. A second result for the
/// same instrument at the same occasion is Error{conflict}.
domain::TestResult record_test(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock,
                               const TestInput& input);

/// A COPM goal (importance 1–10) for a trajectory.
domain::GoalId add_goal(storage::UnitOfWork& work, const Clock& clock, std::int64_t trajectory,
                        const std::string& problem, const std::string& importance, const std::string& set_on);

/// Performance and satisfaction (1–10 each) of a goal at an occasion of the trajectory's template.
void rate_goal(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock, std::int64_t goal,
               const std::string& occasion, const std::string& performance, const std::string& satisfaction,
               const std::string& rated_on);

}  // namespace reable::app
