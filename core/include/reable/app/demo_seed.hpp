#pragma once

#include "reable/clock.hpp"
#include "reable/domain/user.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/database.hpp"
#include "reable/timestamp.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

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
    int meldingen = 0;
    int dropouts = 0;
    int decisions = 0;
    int sessions = 0;
    int signals = 0;
    int tests = 0;
    int goals = 0;
};

/// Fills an empty database with a synthetic cohort in Groningen: areas, teams with a member of
/// each discipline, clients (valid but fictitious BSNs) with meldingen, and trajectories from the
/// shipped templates with sessions, signals, test results and COPM goals up to clock.today().
/// Every client has one melding, received 2 to 4 weeks before the trajectory's start, with the
/// minutes of household help asked for (90 to 240 a week), and the trajectory is linked to it.
/// Dropouts get a free-text reason and its reason code.
/// Decisions on household help are synthetic (inputs_json and result_json are
/// {"synthetic": true}; policy groningen-precedence; no override): an initial decision
/// "reablement_first" 2 to 6 days before the start (the melding's decision date); for a training
/// ended by today a reassessment on the training's end: 45% no_hh_needed, 35% hh_granted with
/// 40–90% of the minutes asked, 20% hh_granted with at least the minutes asked; of those without
/// household help about 10% get a later hh_granted reassessment 2 to 20 months after the training
/// (when that is not after today); a dropout gets a reassessment on its day, hh_granted for about
/// half. Granted help starts on the day of the decision and has no end.
/// Everything goes through the same services and checks as real input, in one transaction.
/// The same options and the same today give the same database, on every platform: the random
/// numbers come from std::mt19937_64 (fully specified by the standard) and no library
/// distribution is used. Error{precondition_failed} when the database already has clients.
SeedSummary seed_demo(storage::Database& db, const protocol::Registry& registry, const Clock& clock,
                      const SeedOptions& options);

/// The password of every demo user. Public on purpose: demo databases only.
inline constexpr std::string_view k_demo_password = "reable-demo";

/// Adds one user of each role and discipline to a database filled by seed_demo, all with
/// k_demo_password: beheer (administrator); fysio, ergo, hulp and maatschappelijk (team members
/// of the first demo team, WIJ Oost, one per discipline); wij (access assessor of that team's
/// municipality); onderzoeker (evaluator); fysio2 (physiotherapist of the second team, WIJ West).
/// Goes through add_user, so every rule of real users applies. Returns the users as stored, in
/// that order. Error{precondition_failed} when the demo teams are missing (seed first);
/// Error{conflict} naming every demo username that is already taken (nothing is added then).
/// Runs in the caller's transaction, so the caller can audit it in the same one.
std::vector<domain::User> seed_demo_users(storage::UnitOfWork& work, Instant now);

}  // namespace reable::app
