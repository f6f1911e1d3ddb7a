#pragma once

// The fixture database's facts and users, shared by the program that builds it and the server tests.
// Kept apart from server_fixture.hpp so that the builder does not need Poco::Net.

#include "reable/storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reable::testing {

inline constexpr const char* k_fixture_today = "2026-11-23";
inline constexpr int k_fixture_clients = 24;
inline constexpr const char* k_fixture_password = "fixture-password";

struct FixtureUser {
    std::string username;
    std::string role;
    std::optional<std::int64_t> member;
    std::string municipality;
};

/// beheer (administrator), fysio (physiotherapist of team 1), fysio2 (physiotherapist of team 2),
/// wij (access assessor, GM0014), wij2 (access assessor, GM0363: no clients), onderzoeker (evaluator).
std::vector<FixtureUser> fixture_users(storage::UnitOfWork& work);

}  // namespace reable::testing
