#pragma once

#include <iosfwd>
#include <optional>
#include <string_view>

namespace reable::schedule {

/// Where a measurement occasion stands on a given day. The enumerator names are the stable codes
/// used in protocol files (worked examples), the database, the CLI and exports.
enum class OccasionStatus {
    upcoming,  ///< its window has not opened yet
    due,       ///< today is inside its window
    done,      ///< it was measured (on time or not: see OccasionState::within_window)
    overdue,   ///< its window has closed, but the grace period after it has not
    missed,    ///< the grace period has passed, or the trajectory closed before it was done
};

/// "upcoming" etc.
std::string_view to_string(OccasionStatus status);
/// Parses a code ("overdue"); nullopt for anything else.
std::optional<OccasionStatus> parse_occasion_status(std::string_view code);
/// "upcoming, due, done, overdue, missed": for error messages.
std::string_view occasion_status_codes();
std::ostream& operator<<(std::ostream& out, OccasionStatus status);

}  // namespace reable::schedule
