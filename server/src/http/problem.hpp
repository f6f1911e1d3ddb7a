#pragma once

// The one place where an error becomes an HTTP answer: RFC 9457 problem details
// (application/problem+json) with the field that caused it.

#include "reable/error.hpp"

#include <string>
#include <utility>
#include <vector>

namespace reable::server {

/// A request the HTTP layer refuses before any service sees it: malformed JSON, a value of the
/// wrong type, an unknown field, a bad id in the path. 400, where a service's invalid_input is 422.
class BadRequest : public Error {
public:
    explicit BadRequest(std::string message, std::vector<ErrorDetail> details = {})
        : Error(ErrorCode::invalid_input, std::move(message), std::move(details))
    {}
};

/// An error with its own status that no ErrorCode names (413, 405, 429 …).
class HttpStatusError : public Error {
public:
    HttpStatusError(int status, std::string slug, std::string message,
                    std::vector<std::pair<std::string, std::string>> headers = {})
        : Error(ErrorCode::invalid_input, std::move(message)), m_status(status), m_slug(std::move(slug)),
          m_headers(std::move(headers))
    {}
    int status() const { return m_status; }
    const std::string& slug() const { return m_slug; }
    /// Extra response headers (Retry-After for 429).
    const std::vector<std::pair<std::string, std::string>>& headers() const { return m_headers; }

private:
    int m_status;
    std::string m_slug;
    std::vector<std::pair<std::string, std::string>> m_headers;
};

struct Problem {
    int status = 500;
    std::string slug;  ///< the last part of the type URI, e.g. "invalid_input"
    std::string title;
    std::string detail;
    std::vector<ErrorDetail> errors;
};

Problem problem_for(const Error& e);
/// A 500 for anything that is not a reable::Error: the detail says nothing of the cause.
Problem internal_problem();
std::string problem_json(const Problem& p, const std::string& instance);

}  // namespace reable::server
