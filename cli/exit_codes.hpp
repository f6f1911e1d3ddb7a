#pragma once

#include "reable/error.hpp"

namespace reable::cli {

/// Exit statuses follow BSD sysexits(3), so scripts can tell a typo from bad data from a broken
/// protocol set. The README lists them.
enum ExitCode : int {
    exit_ok = 0,
    exit_check_failed = 1,       ///< a check ran and found a problem (`audit verify`), as `sha256sum -c`
    exit_usage = 64,             ///< EX_USAGE: unknown option, missing argument
    exit_invalid_input = 65,     ///< EX_DATAERR: a value breaks a rule
    exit_not_found = 66,         ///< EX_NOINPUT: unknown instrument, missing file
    exit_internal = 70,          ///< EX_SOFTWARE: a bug
    exit_storage = 74,           ///< EX_IOERR
    exit_conflict = 75,          ///< EX_TEMPFAIL: conflict or precondition; retry after a change
    exit_forbidden = 77,         ///< EX_NOPERM
    exit_protocol_invalid = 78,  ///< EX_CONFIG: the protocol set has issues
};

/// The one mapping from core's error vocabulary to exit statuses.
int exit_code_for(ErrorCode code);

/// Thrown by a command that ran to the end and has already printed what it found, to make the
/// program end with `status` (`audit verify` on a broken log). main prints nothing more.
struct ExitWith {
    int status = exit_ok;
};

}  // namespace reable::cli
