#pragma once

// Fresh records for tests that need known ids: an access assessor registers two clients in
// GM0014, refers one of them to team 1 and decides on it. Built through the API, so every id is
// one the server itself handed out.

#include "server_fixture.hpp"

#include <cstdint>
#include <string>

namespace reable::testing {

struct Scenario {
    std::int64_t client = 0;        ///< GM0014, on a trajectory with team 1
    std::int64_t spare_client = 0;  ///< GM0014, no trajectory yet
    std::int64_t trajectory = 0;    ///< referred, team 1's members as care team
    std::int64_t decision = 0;      ///< on `client`
    std::int64_t fysio_member = 0;  ///< the physiotherapist of team 1 (user fysio)
    std::string member_ids;         ///< team 1's members, "1,2,3"
    std::string start_date;         ///< the trajectory's start: two weeks ago
    std::string today;              ///< by the server's clock (Europe/Amsterdam)
    /// `days` before today, YYYY-MM-DD.
    std::string days_ago(int days) const;
};

/// Builds the scenario as `assessor_token` (wij). Fails the test if any step is refused.
Scenario make_scenario(const TestServer& server, const std::string& assessor_token);

/// The path of a trajectory, client or decision: "/api/v1/trajectories/7".
std::string path_of(const char* collection, std::int64_t id);

}  // namespace reable::testing
