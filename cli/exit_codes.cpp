#include "exit_codes.hpp"

namespace reable::cli {

int exit_code_for(ErrorCode code)
{
    switch (code) {
    case ErrorCode::invalid_input: return exit_invalid_input;
    case ErrorCode::not_found: return exit_not_found;
    case ErrorCode::conflict:
    case ErrorCode::precondition_failed: return exit_conflict;
    case ErrorCode::unauthenticated:
    case ErrorCode::forbidden: return exit_forbidden;
    case ErrorCode::protocol_invalid: return exit_protocol_invalid;
    case ErrorCode::storage_failure: return exit_storage;
    case ErrorCode::internal: return exit_internal;
    }
    return exit_internal;
}

}  // namespace reable::cli
