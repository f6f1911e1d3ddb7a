#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace reable {

/// What went wrong, by meaning. The front ends translate a code into an exit status or an HTTP
/// status in exactly one place each; core never decides how an error is shown.
enum class ErrorCode {
    invalid_input,        ///< the caller's data breaks a rule (unknown item, value out of range …)
    not_found,            ///< a named thing does not exist (instrument id, client …)
    conflict,             ///< the request contradicts the stored state
    precondition_failed,  ///< the request is valid but not allowed in the current state
    unauthenticated,      ///< no valid credentials: a wrong password, an unknown, expired or revoked token
    forbidden,            ///< the user's role does not allow it
    protocol_invalid,     ///< a protocol file (instrument, trajectory, policy) is malformed
    storage_failure,      ///< the database or a file could not be read or written
    internal,             ///< a bug: an invariant of our own code did not hold
};

/// The stable, snake_case name of a code ("invalid_input"); used in JSON error bodies.
std::string_view to_string(ErrorCode code);

/// One problem inside a larger failure: where it is (a field name or JSON pointer) and what is wrong.
struct ErrorDetail {
    std::string where;
    std::string message;
};

/// The one exception type core throws. Messages name the field, the value and what is allowed,
/// and never contain health data beyond what the caller sent or a BSN.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string message, std::vector<ErrorDetail> details = {});

    ErrorCode code() const noexcept { return m_code; }
    /// Every individual problem when several were found at once (may be empty).
    const std::vector<ErrorDetail>& details() const noexcept { return m_details; }

private:
    ErrorCode m_code;
    std::vector<ErrorDetail> m_details;
};

}  // namespace reable
