#pragma once

#include "reable/clock.hpp"
#include "reable/domain/ids.hpp"
#include "reable/storage/database.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>

namespace reable::app {

struct ImportSummary {
    std::size_t sessions = 0;
    std::size_t signals = 0;
    std::set<domain::TrajectoryId> trajectories;  ///< the distinct trajectories that got sessions
};

/// Called now and then with the bytes read so far and the file's size.
using ImportProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

/// The columns a sessions CSV may have. The header row names them, in any order; the first four
/// are required. Lists (activities, goals, signals) are separated by ";".
inline constexpr const char* k_session_columns =
    "trajectory, member, date, minutes, kind, attendance, absence_reason, activities, goals, notes, signals";

/// Imports a CSV of sessions all or nothing: every row is checked as `reable session log` checks
/// one session, in a single transaction. If any row is bad nothing is written, and the
/// Error{invalid_input} lists every bad row as "line N: field: problem".
ImportSummary import_sessions(storage::Database& db, const Clock& clock, const std::filesystem::path& csv,
                              const ImportProgress& progress = {});

}  // namespace reable::app
