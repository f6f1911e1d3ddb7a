#include "http/request_context.hpp"

#include "http/problem.hpp"

#include "reable/app/audit_service.hpp"

#include <algorithm>
#include <charconv>

namespace reable::server {

namespace {

std::optional<std::int64_t> positive_id(const std::string& text)
{
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v <= 0 || text.front() == '+') return std::nullopt;
    return v;
}

}  // namespace

RequestContext::RequestContext(ServerContext& s, const Route& r, std::map<std::string, std::string> params,
                               std::vector<std::pair<std::string, std::string>> query, std::string body,
                               std::string remote)
    : server(s), route(r), m_now(std::chrono::system_clock::now()), m_params(std::move(params)),
      m_query(std::move(query)), m_body(std::move(body)), m_remote(std::move(remote))
{
    for (const auto& [name, value] : m_query) {
        const bool known = name == "limit" || name == "offset" ||
                           std::any_of(route.query.begin(), route.query.end(),
                                       [&](const QueryParam& q) { return q.name == name; });
        if (!known) {
            std::string allowed = "limit, offset";
            for (const QueryParam& q : route.query) allowed += ", " + q.name;
            throw BadRequest(name + ": not a query parameter of this request; allowed: " + allowed,
                             {{name, "unknown query parameter"}});
        }
    }
}

storage::UnitOfWork& RequestContext::work()
{
    if (m_batch) return *m_batch;
    if (!m_work) {
        m_own_write = route.writes && route.own_transaction;
        if (m_own_write) m_write_gate = std::unique_lock(server.pool.write_gate());
        m_lease.emplace(server.pool.lease());
        m_work = m_own_write ? (*m_lease)->write() : (*m_lease)->read();
    }
    return *m_work;
}

void RequestContext::finish_work()
{
    if (m_batch) {
        for (domain::AuditEvent& e : audit_events(domain::AuditResult::success)) m_batch->audit().append(std::move(e));
        return;
    }
    if (m_work) {
        if (m_own_write)
            for (domain::AuditEvent& e : audit_events(domain::AuditResult::success))
                m_work->audit().append(std::move(e));
        m_work->commit();
    }
    abandon_work();
}

void RequestContext::abandon_work()
{
    m_work.reset();
    m_lease.reset();
    if (m_write_gate) m_write_gate.unlock();
}

const app::Principal& RequestContext::principal() const
{
    if (!m_principal) throw Error(ErrorCode::internal, "a handler asked for the user of a public route");
    return *m_principal;
}

std::int64_t RequestContext::id(const std::string& name) const
{
    const std::string& text = param(name);
    if (const auto v = positive_id(text)) return *v;
    throw BadRequest(name + ": \"" + text + "\" is not an id; ids are whole numbers from 1",
                     {{name, "not a valid id"}});
}

const std::string& RequestContext::param(const std::string& name) const
{
    const auto it = m_params.find(name);
    if (it == m_params.end()) throw Error(ErrorCode::internal, "route " + route.pattern + " has no parameter " + name);
    return it->second;
}

std::optional<std::string> RequestContext::query(const std::string& name) const
{
    std::optional<std::string> out;
    for (const auto& [n, v] : m_query)
        if (n == name) out = v;
    return out;
}

std::optional<std::int64_t> RequestContext::query_id(const std::string& name) const
{
    const auto text = query(name);
    if (!text) return std::nullopt;
    if (const auto v = positive_id(*text)) return v;
    throw BadRequest(name + ": \"" + *text + "\" is not an id; ids are whole numbers from 1", {{name, "not a valid id"}});
}

std::optional<calendar::Date> RequestContext::query_date(const std::string& name) const
{
    const auto text = query(name);
    if (!text) return std::nullopt;
    if (const auto d = calendar::parse_iso_date(*text)) return d;
    throw BadRequest(name + ": \"" + *text + "\" is not a date; use YYYY-MM-DD", {{name, "not a valid date"}});
}

storage::Page RequestContext::page() const
{
    storage::Page p;
    if (const auto limit = query("limit")) {
        const auto v = positive_id(*limit);
        if (!v || *v > 500) throw BadRequest("limit: \"" + *limit + "\" is not allowed; use 1 to 500", {{"limit", "1 to 500"}});
        p.limit = static_cast<std::size_t>(*v);
    }
    if (const auto offset = query("offset")) {
        const auto v = *offset == "0" ? std::optional<std::int64_t>(0) : positive_id(*offset);
        if (!v) throw BadRequest("offset: \"" + *offset + "\" is not allowed; use a whole number from 0", {{"offset", "0 or more"}});
        p.offset = static_cast<std::size_t>(*v);
    }
    return p;
}

JsonBody RequestContext::json() const { return JsonBody::parse(m_body); }

void RequestContext::access_client(domain::ClientId client, domain::AuditAction action, std::string data)
{
    m_intents.push_back({action, data.empty() ? route.audit_data : std::move(data), client});
    app::require_client_access(work(), principal(), client);
}

void RequestContext::record_client_access(domain::ClientId client, domain::AuditAction action, std::string data)
{
    m_intents.push_back({action, data.empty() ? route.audit_data : std::move(data), client});
}

void RequestContext::audit(domain::AuditAction action, std::string data)
{
    m_intents.push_back({action, std::move(data), std::nullopt});
}

std::vector<domain::AuditEvent> RequestContext::audit_events(domain::AuditResult result) const
{
    std::vector<domain::AuditEvent> out;
    if (!m_principal) return out;
    for (const AuditIntent& i : m_intents)
        out.push_back(app::audit_event(*m_principal, m_now, i.action, i.data, route.method + " " + route.pattern,
                                       i.client, result));
    return out;
}

}  // namespace reable::server
