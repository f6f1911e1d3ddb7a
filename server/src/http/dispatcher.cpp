#include "http/dispatcher.hpp"

#include "http/idempotency.hpp"
#include "http/problem.hpp"

#include "reable/app/user_service.hpp"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <istream>
#include <optional>

namespace reable::server {

namespace {

struct ParsedTarget {
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;
};

/// Decodes and checks the request target. Refuses what no route can mean and what could be an
/// attempt to step out of the API: "..", empty or encoded-slash segments, control characters.
ParsedTarget parse_target(const std::string& target)
{
    ParsedTarget out;
    try {
        const Poco::URI uri(target);
        out.path = uri.getPath();
        out.query = uri.getQueryParameters();
    } catch (const Poco::Exception&) {
        throw BadRequest("path: the request target is not a valid URI", {{"path", "not a valid URI"}});
    }
    const std::string raw_path = target.substr(0, target.find('?'));
    const auto bad = [](unsigned char c) { return c < 0x20 || c == 0x7f; };
    if (out.path.empty() || out.path.front() != '/' || std::any_of(out.path.begin(), out.path.end(), bad) ||
        out.path.find("/../") != std::string::npos || out.path.ends_with("/..") ||
        out.path.find("/./") != std::string::npos || out.path.find("//") != std::string::npos ||
        raw_path.find("%2f") != std::string::npos || raw_path.find("%2F") != std::string::npos ||
        raw_path.find('\\') != std::string::npos)
        throw BadRequest("path: not an API path", {{"path", "not an API path"}});
    if (out.path.size() > 1 && out.path.back() == '/') out.path.pop_back();
    return out;
}

/// Whether the request announces a body (a length above zero, or chunks).
bool has_body(const Poco::Net::HTTPServerRequest& request)
{
    return request.getChunkedTransferEncoding() || (request.hasContentLength() && request.getContentLength64() > 0);
}

std::string read_body(Poco::Net::HTTPServerRequest& request, std::size_t limit)
{
    // Neither a length nor chunks: an HTTP/1.1 request without a body (RFC 9112 6.3). Poco would
    // read a POST like that until the client closes, holding the request for the I/O timeout.
    if (!has_body(request)) return {};
    if (request.hasContentLength() && request.getContentLength64() > static_cast<Poco::Int64>(limit))
        throw HttpStatusError(413, "content_too_large",
                              "body: " + std::to_string(request.getContentLength64()) + " bytes; at most " +
                                  std::to_string(limit) + " are accepted");
    std::string body;
    std::istream& in = request.stream();
    char buffer[8192];
    while (in) {
        in.read(buffer, sizeof buffer);
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (body.size() > limit)
            throw HttpStatusError(413, "content_too_large", "body: more than " + std::to_string(limit) +
                                                               " bytes; at most that many are accepted");
    }
    // The stream goes bad when the client stalls past the I/O timeout or the connection breaks
    // mid-body; what arrived by then is a fragment, even if it happens to parse.
    const bool short_of_length =
        request.hasContentLength() && static_cast<Poco::Int64>(body.size()) != request.getContentLength64();
    if (in.bad() || short_of_length)
        throw BadRequest("body: the request body ended before it was complete" +
                             (request.hasContentLength() ? " (" + std::to_string(body.size()) + " of " +
                                                               std::to_string(request.getContentLength64()) + " bytes)"
                                                         : std::string()),
                         {{"body", "incomplete"}});
    return body;
}

std::string bearer_token(const Poco::Net::HTTPServerRequest& request)
{
    const std::string header = request.get("Authorization", "");
    constexpr std::string_view k_scheme = "bearer ";
    // The scheme name is case-insensitive (RFC 9110, 11.1); the token is not.
    const auto scheme_matches = [&] {
        for (std::size_t i = 0; i < k_scheme.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(header[i])) != k_scheme[i]) return false;
        return true;
    };
    if (header.size() <= k_scheme.size() || !scheme_matches())
        throw Error(ErrorCode::unauthenticated, header.empty() ? "sign in first: send Authorization: Bearer <token>"
                                                               : "the Authorization header must be \"Bearer <token>\"");
    return header.substr(k_scheme.size());
}

/// The Idempotency-Key of a POST, checked; empty when there is none. Login ignores it: without a
/// user there is nobody to remember the answer for (and a token must never be replayed).
std::string idempotency_key(const Poco::Net::HTTPServerRequest& request, const Route& route)
{
    const std::string name(k_idempotency_header);
    if (route.method != "POST" || !request.has(name)) return {};
    const std::string key = request.get(name);
    if (!valid_idempotency_key(key))
        throw BadRequest(name + ": \"" + key.substr(0, 120) + "\" is not allowed; allowed: 1 to 100 visible ASCII "
                                                             "characters (no spaces)",
                         {{name, "1 to 100 visible ASCII characters"}});
    return route.authenticated ? key : std::string();
}

/// A first request with an Idempotency-Key: forgotten again (the key free for a corrected
/// request) unless its answer was remembered.
struct KeyClaim {
    KeyClaim(IdempotencyStore& s, std::int64_t u, std::string k, std::uint64_t t)
        : store(s), user(u), key(std::move(k)), ticket(t)
    {}
    KeyClaim(const KeyClaim&) = delete;
    KeyClaim& operator=(const KeyClaim&) = delete;
    ~KeyClaim()
    {
        if (!remembered) store.release(user, key, ticket);
    }

    IdempotencyStore& store;
    std::int64_t user;
    std::string key;
    std::uint64_t ticket;
    bool remembered = false;
};

std::string roles_text(const std::set<domain::Role>& roles)
{
    std::string out;
    for (const domain::Role r : roles) out += (out.empty() ? "" : ", ") + std::string(to_string(r));
    return out;
}

class ApiHandler final : public Poco::Net::HTTPRequestHandler {
public:
    ApiHandler(ServerContext& context, DispatchSettings settings, JsonLog& access_log, JsonLog& error_log)
        : m_context(context), m_settings(settings), m_access_log(access_log), m_error_log(error_log)
    {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        const auto started = std::chrono::steady_clock::now();
        std::string route_label = "(unmatched)";
        std::string path = "/";
        std::int64_t user_id = 0;
        Response answer;
        bool body_read = false;
        m_request = &request;
        m_response = &response;
        try {
            answer = dispatch(request, route_label, path, user_id, body_read);
        } catch (const Error& e) {
            answer = problem_response(problem_for(e), path, &e);
            if (e.code() == ErrorCode::storage_failure || e.code() == ErrorCode::internal)
                m_error_log.write({{"level", "error"}, {"route", route_label}, {"code", std::string(to_string(e.code()))},
                                   {"message", e.what()}});
        } catch (const std::exception& e) {
            answer = problem_response(internal_problem(), path, nullptr);
            m_error_log.write({{"level", "error"}, {"route", route_label}, {"code", "internal"}, {"message", e.what()}});
        }
        // A body left unread (refused before it was read, too large, cut short) would be read as
        // the next request on this keep-alive connection: close the connection instead.
        if (!m_streamed) send(response, answer, has_body(request) && !body_read);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        m_context.metrics.record(request.getMethod(), route_label, answer.status, seconds);
        m_access_log.write({{"method", request.getMethod()},
                            {"route", route_label},
                            {"status", answer.status},
                            {"ms", seconds * 1000.0},
                            {"bytes", static_cast<long long>(answer.body.size())},
                            {"user", static_cast<long long>(user_id)},
                            {"remote", request.clientAddress().host().toString()}});
    }

private:
    Response dispatch(Poco::Net::HTTPServerRequest& request, std::string& route_label, std::string& path,
                      std::int64_t& user_id, bool& body_read)
    {
        ParsedTarget target = parse_target(request.getURI());
        path = target.path;
        std::vector<std::string> allowed;
        const std::optional<RouteMatch> match = m_context.router.match(request.getMethod(), target.path, allowed);
        if (!match) {
            if (allowed.empty()) throw Error(ErrorCode::not_found, "no such resource: " + target.path);
            std::string list;
            for (const std::string& m : allowed) list += (list.empty() ? "" : ", ") + m;
            Response r = problem_response({405, "method_not_allowed", "Method Not Allowed",
                                           request.getMethod() + " is not allowed here; allowed: " + list, {}},
                                          path, nullptr);
            r.headers.emplace_back("Allow", list);
            return r;
        }
        const Route& route = *match->route;
        route_label = route.pattern;
        const std::string key = idempotency_key(request, route);
        std::string body = read_body(request, m_settings.max_body_bytes);
        body_read = true;

        RequestContext ctx(m_context, route, match->params, std::move(target.query), std::move(body),
                           request.clientAddress().host().toString());
        try {
            if (route.authenticated) {
                std::string token = bearer_token(request);
                const domain::User user = app::authenticate(ctx.work(), ctx.now(), token);
                ctx.sign_in(app::load_principal(ctx.work(), user), std::move(token));
                user_id = user.id.value;
                if (!route.roles.count(user.role))
                    throw Error(ErrorCode::forbidden, std::string(to_string(user.role)) + " may not " + route.method +
                                                          " " + route.pattern + "; allowed: " + roles_text(route.roles));
            }
            std::optional<KeyClaim> claim;
            if (!key.empty()) {
                IdempotencyStore::Claim c = m_context.idempotency.claim(
                    user_id, key, request_fingerprint(route.method, request.getURI(), ctx.body()),
                    IdempotencyStore::Clock::now());
                if (c.outcome == IdempotencyStore::Outcome::replay) return replay(route, ctx, std::move(c));
                check_claim(c.outcome);
                claim.emplace(m_context.idempotency, user_id, key, c.ticket);
            }
            Response r;
            if (route.writes && !route.own_transaction) {
                ctx.finish_work();  // the sign-in's read snapshot
                m_context.writes.run([&](storage::UnitOfWork& batch) {
                    // Unbound also when the handler throws: the batch is only valid inside this job.
                    struct Binding {
                        RequestContext& ctx;
                        ~Binding() { ctx.bind_batch(nullptr); }
                    } binding{ctx};
                    ctx.bind_batch(&batch);
                    r = run_handler(route, ctx);
                    ctx.finish_work();  // its audit lines, inside its savepoint
                });
            } else {
                r = run_handler(route, ctx);
                if (r.stream) {
                    // Its audit lines are durable before the first byte leaves; the body is read
                    // from the request's snapshot while it is sent.
                    m_context.audit.append(ctx.audit_events(domain::AuditResult::success));
                    send_streamed(*m_response, r, ctx.work());
                    ctx.finish_work();
                    m_streamed = true;
                    return r;
                }
                ctx.finish_work();
                // A read's audit lines are durable before the data leaves the server.
                if (!route.writes) m_context.audit.append(ctx.audit_events(domain::AuditResult::success));
            }
            if (route.writes && r.status < 400) m_context.data_generation.fetch_add(1);
            // Only a success is remembered: after a refusal the user may correct the request and
            // send it again with the same key.
            if (claim && r.status < 400 && !r.stream) {
                std::vector<ReplayAudit> accessed;
                for (const AuditIntent& i : ctx.intents()) accessed.push_back({i.client, i.data});
                m_context.idempotency.remember(user_id, key, claim->ticket, r, std::move(accessed));
                claim->remembered = true;
            }
            return r;
        } catch (const Error& e) {
            ctx.abandon_work();
            const domain::AuditResult result =
                e.code() == ErrorCode::forbidden ? domain::AuditResult::denied : domain::AuditResult::failed;
            m_context.audit.append(ctx.audit_events(result));
            throw;
        } catch (...) {
            ctx.abandon_work();
            m_context.audit.append(ctx.audit_events(domain::AuditResult::failed));
            throw;
        }
    }

    static void check_claim(IdempotencyStore::Outcome outcome)
    {
        const std::string name(k_idempotency_header);
        if (outcome == IdempotencyStore::Outcome::in_progress)
            throw Error(ErrorCode::conflict, "a request with this " + name + " is still being processed; wait for "
                                             "its answer, then send it again to get that answer",
                        {{name, "still being processed"}});
        if (outcome == IdempotencyStore::Outcome::mismatch)
            throw Error(ErrorCode::invalid_input, name + ": this key was used for a request with another method, "
                                                         "path or body; use a new key for a new request",
                        {{name, "used for another request"}});
    }

    /// The remembered answer to an earlier request with the same key, without running the handler
    /// again. It shows the same client data once more, so it is audited as a read of it.
    Response replay(const Route& route, RequestContext& ctx, IdempotencyStore::Claim claim)
    {
        for (const ReplayAudit& a : claim.audit) {
            if (a.client)
                ctx.record_client_access(*a.client, domain::AuditAction::read, a.data);
            else
                ctx.audit(domain::AuditAction::read, a.data);
        }
        ctx.finish_work();  // the sign-in's transaction (with the lines, for a route with its own)
        if (!route.own_transaction) m_context.audit.append(ctx.audit_events(domain::AuditResult::success));
        Response r = std::move(claim.response);
        r.headers.emplace_back("Idempotent-Replayed", "true");
        return r;
    }

    static Response run_handler(const Route& route, RequestContext& ctx)
    {
        Response r = route.handler(ctx);
        // A route on one client's data that answered without an audit line is a bug: refuse to answer.
        if (!route.audit_data.empty() && route.pattern.find('{') != std::string::npos && ctx.intents().empty())
            throw Error(ErrorCode::internal, "route " + route.pattern + " recorded no audit line");
        return r;
    }

    /// `e` by pointer, not by value: a copy would lose what kind of Error it was (HttpStatusError).
    static Response problem_response(const Problem& p, const std::string& instance, const Error* e)
    {
        Response r;
        r.status = p.status;
        r.content_type = "application/problem+json";
        r.body = problem_json(p, instance);
        if (e && e->code() == ErrorCode::unauthenticated) r.headers.emplace_back("WWW-Authenticate", "Bearer");
        if (const auto* s = dynamic_cast<const HttpStatusError*>(e))
            r.headers.insert(r.headers.end(), s->headers().begin(), s->headers().end());
        return r;
    }

    static void send(Poco::Net::HTTPServerResponse& response, const Response& answer, bool close)
    {
        // With its reason phrase: setStatus alone leaves Poco's default "OK" ("404 OK").
        response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
        response.setContentType(answer.content_type);
        response.setContentLength64(static_cast<Poco::Int64>(answer.body.size()));
        response.set("Cache-Control", "no-store");
        response.set("X-Content-Type-Options", "nosniff");
        for (const auto& [name, value] : answer.headers) response.set(name, value);
        if (close) response.setKeepAlive(false);
        response.send() << answer.body;
    }

    /// Sends the head with chunked transfer encoding, then streams the body. An error after the
    /// head was sent cannot become a problem answer: the connection is shut down before the final
    /// chunk, so the reader sees a cut-off transfer, never a complete-looking file.
    void send_streamed(Poco::Net::HTTPServerResponse& response, const Response& answer, storage::UnitOfWork& work)
    {
        response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
        response.setContentType(answer.content_type);
        response.setChunkedTransferEncoding(true);
        response.set("Cache-Control", "no-store");
        response.set("X-Content-Type-Options", "nosniff");
        for (const auto& [name, value] : answer.headers) response.set(name, value);
        std::ostream& out = response.send();
        try {
            answer.stream(out, work);
            out.flush();
        } catch (const std::exception& e) {
            response.setKeepAlive(false);
            m_error_log.write({{"level", "error"}, {"route", "stream"}, {"code", "stream_aborted"}, {"message", e.what()}});
            if (auto* request = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(m_request)) {
                try {
                    request->socket().shutdown();
                } catch (const Poco::Exception&) {  // the reader may be gone already
                }
            }
        }
    }

    ServerContext& m_context;
    Poco::Net::HTTPServerRequest* m_request = nullptr;
    Poco::Net::HTTPServerResponse* m_response = nullptr;
    bool m_streamed = false;
    DispatchSettings m_settings;
    JsonLog& m_access_log;
    JsonLog& m_error_log;
};

}  // namespace

Poco::Net::HTTPRequestHandler* Dispatcher::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
    return new ApiHandler(m_context, m_settings, m_access_log, m_error_log);
}

}  // namespace reable::server
