#include "support/trajectory_text.hpp"

#include "reable/protocol/loader.hpp"

#include <doctest/doctest.h>

namespace reable::testing {

const std::set<std::string>& test_instrument_ids()
{
    static const std::set<std::string> ids{"copm", "sppb", "tug"};
    return ids;
}

protocol::TrajectoryTemplate load_trajectory(const std::string& json_text)
{
    protocol::TrajectoryLoad load = protocol::read_trajectory(json_text, "test.json", test_instrument_ids());
    for (const protocol::Issue& issue : load.issues) MESSAGE(protocol::format_issue(issue));
    REQUIRE(load.issues.empty());
    REQUIRE(load.trajectories.size() == 1);
    return std::move(load.trajectories.front());
}

std::vector<protocol::Issue> trajectory_issues_of(const std::string& json_text)
{
    return protocol::read_trajectory(json_text, "test.json", test_instrument_ids()).issues;
}

}  // namespace reable::testing
