#include "http/problem.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace reable::server {

namespace {

std::pair<int, const char*> status_of(ErrorCode code)
{
    switch (code) {
    case ErrorCode::invalid_input: return {422, "Unprocessable Content"};
    case ErrorCode::not_found: return {404, "Not Found"};
    case ErrorCode::conflict: return {409, "Conflict"};
    case ErrorCode::precondition_failed: return {409, "Conflict"};
    case ErrorCode::unauthenticated: return {401, "Unauthorized"};
    case ErrorCode::forbidden: return {403, "Forbidden"};
    case ErrorCode::protocol_invalid: return {500, "Internal Server Error"};
    case ErrorCode::storage_failure: return {503, "Service Unavailable"};
    case ErrorCode::internal: return {500, "Internal Server Error"};
    }
    return {500, "Internal Server Error"};
}

}  // namespace

Problem problem_for(const Error& e)
{
    if (const auto* s = dynamic_cast<const HttpStatusError*>(&e)) return {s->status(), s->slug(), s->slug(), e.what(), {}};
    if (dynamic_cast<const BadRequest*>(&e)) return {400, "bad_request", "Bad Request", e.what(), e.details()};
    const auto [status, title] = status_of(e.code());
    Problem p{status, std::string(to_string(e.code())), title, e.what(), e.details()};
    // Internal failures say what kind of thing failed, not how: the detail could otherwise carry
    // paths or SQL to the caller.
    if (status >= 500) p.detail = status == 503 ? "the database is not available; try again" : "internal error";
    return p;
}

Problem internal_problem() { return {500, "internal", "Internal Server Error", "internal error", {}}; }

std::string problem_json(const Problem& p, const std::string& instance)
{
    Poco::JSON::Object body;
    body.set("type", "urn:reable:problem:" + p.slug);
    body.set("title", p.title);
    body.set("status", p.status);
    body.set("detail", p.detail);
    body.set("instance", instance);
    if (!p.errors.empty()) {
        Poco::JSON::Array errors;
        for (const ErrorDetail& d : p.errors) {
            Poco::JSON::Object item;
            item.set("field", d.where);
            item.set("message", d.message);
            errors.add(item);
        }
        body.set("errors", errors);
        body.set("field", p.errors.front().where);
    }
    std::ostringstream out;
    body.stringify(out);
    return out.str();
}

}  // namespace reable::server
