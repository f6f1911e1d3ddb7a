#pragma once

#include "reable/clock.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/database.hpp"

#include <cstdint>

namespace reable::app {

struct SeedOptions {
    int clients = 200;
    std::uint64_t seed = 1;
    /// Start every trajectory long enough ago that it has run its whole course (for benchmarks).
    bool complete_only = false;
};

struct SeedSummary {
    int clients = 0;
    int trajectories = 0;
    int sessions = 0;
    int signals = 0;
    int tests = 0;
    int goals = 0;
};

/// Fills an empty database with a synthetic cohort in Groningen: areas, teams with a member of
/// each discipline, clients (valid but fictitious BSNs) with meldingen, and trajectories from the
/// shipped templates with sessions, signals, test results and COPM goals up to clock.today().
/// Everything goes through the same services and checks as real input, in one transaction.
/// The same options and the same today give the same database, on every platform: the random
/// numbers come from std::mt19937_64 (fully specified by the standard) and no library
/// distribution is used. Error{precondition_failed} when the database already has clients.
SeedSummary seed_demo(storage::Database& db, const protocol::Registry& registry, const Clock& clock,
                      const SeedOptions& options);

}  // namespace reable::app
