#include "reable/error.hpp"

namespace reable {

std::string_view to_string(ErrorCode code)
{
    switch (code) {
    case ErrorCode::invalid_input: return "invalid_input";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::precondition_failed: return "precondition_failed";
    case ErrorCode::unauthenticated: return "unauthenticated";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::protocol_invalid: return "protocol_invalid";
    case ErrorCode::storage_failure: return "storage_failure";
    case ErrorCode::internal: return "internal";
    }
    return "internal";
}

Error::Error(ErrorCode code, std::string message, std::vector<ErrorDetail> details)
    : std::runtime_error(std::move(message)), m_code(code), m_details(std::move(details))
{}

}  // namespace reable
