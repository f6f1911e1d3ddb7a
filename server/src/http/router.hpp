#pragma once

// The route table: each route is a method, a path pattern, the roles that may call it, whether it
// writes, and its handler. Routing is a table look-up; the OpenAPI document is generated from the
// same table, so the two cannot drift apart.

#include "reable/domain/user.hpp"

#include <functional>
#include <map>
#include <ostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace reable {
namespace storage {
class UnitOfWork;
}

namespace server {

class RequestContext;

/// Writes a streamed answer's body from the request's read snapshot. It owns its error handling:
/// once the first byte is sent, an error can only end the connection.
using BodyStream = std::function<void(std::ostream&, storage::UnitOfWork&)>;

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    /// When set, the body is streamed (chunked) by this function instead of `body`: memory stays
    /// flat whatever the size of the answer.
    BodyStream stream{};
};

using Handler = std::function<Response(RequestContext&)>;

/// A query parameter a route accepts (for validation messages and the OpenAPI document).
struct QueryParam {
    std::string name;
    std::string description;
};

struct Route {
    std::string method{};  ///< GET, POST …
    std::string pattern{};  ///< "/api/v1/clients/{id}": {name} matches one segment
    std::string summary{};
    std::string tag{};
    /// Who may call it. Empty with `authenticated` false: anyone (login, health).
    std::set<domain::Role> roles{};
    bool authenticated = true;
    /// Writes: runs in a write transaction with its audit lines, in a batch shared with other
    /// writing requests (one commit for all; see WriteBatcher). Otherwise a read snapshot.
    bool writes = false;
    /// A writing route that manages its own transactions (login, which must audit a failure
    /// apart from its rolled-back work; the CSV import, which commits in its own steps).
    bool own_transaction = false;
    /// Which client data it touches ("client", "trajectory" …): such a route must record at least
    /// one audit line when it succeeds. Empty: no client data.
    std::string audit_data{};
    std::vector<QueryParam> query{};
    std::string request_schema{};   ///< a name in the OpenAPI components, or "" (no body), or "text/csv"
    std::string response_schema{};  ///< a name in the OpenAPI components, or "text/plain"
    int success_status = 200;
    Handler handler{};
};

struct RouteMatch {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
};

class Router {
public:
    void add(Route route);
    const std::vector<Route>& routes() const { return m_routes; }
    /// The route's position in routes() (for per-route counters).
    std::size_t index_of(const Route& route) const { return static_cast<std::size_t>(&route - m_routes.data()); }

    /// The route for a method and path. When the path matches but the method does not,
    /// `allowed` lists the methods that would (for 405).
    std::optional<RouteMatch> match(const std::string& method, const std::string& path,
                                    std::vector<std::string>& allowed) const;

private:
    std::vector<Route> m_routes;
    std::vector<std::vector<std::string>> m_segments;  ///< each pattern split once, at add()
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace server
}  // namespace reable
