#pragma once

#include "reable/clock.hpp"
#include "reable/domain/session.hpp"
#include "reable/storage/database.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace reable::app {

/// A session as a front end collects it (a command, a CSV row, a request body).
struct SessionInput {
    std::int64_t trajectory = 0;
    std::int64_t member = 0;
    std::string date;
    std::string minutes;
    std::string kind = "training";
    std::string attendance = "attended";
    std::string absence_reason;
    std::vector<std::string> activities;
    std::vector<std::int64_t> goals;
    std::string notes;
    std::vector<std::string> signals;  ///< signal kinds raised in this session
};

/// Checks and stores a session with its signals. Refused, with every problem listed
/// (Error{invalid_input}): an unknown trajectory or member, an impossible or future date, a date
/// before the trajectory started or after it ended, minutes outside 1–1440, an unknown kind or
/// attendance, a cancelled or missed session without a reason, a goal of another trajectory,
/// an unknown signal. A second session of the same kind by the same member for the same
/// trajectory on the same day is Error{conflict}.
domain::SessionId log_session(storage::UnitOfWork& work, const Clock& clock, const SessionInput& input);

}  // namespace reable::app
