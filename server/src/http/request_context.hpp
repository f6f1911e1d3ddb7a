#pragma once

// Everything a handler may use for one request: its parameters and body, the signed-in user, one
// transaction (opened on first use: a write transaction for writing routes, else a read snapshot)
// and the audit lines it records.

#include "http/idempotency.hpp"
#include "http/json_body.hpp"
#include "http/router.hpp"
#include "infra/audit_writer.hpp"
#include "infra/db_pool.hpp"
#include "infra/login_limiter.hpp"
#include "infra/write_batcher.hpp"

#include "reable/app/access.hpp"
#include "reable/calendar.hpp"
#include "reable/clock.hpp"
#include "reable/domain/audit.hpp"
#include "reable/exports/pseudonym.hpp"
#include "reable/decimal.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/database.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace reable::server {

class Metrics;
class ReportCache;

/// What all requests share: built once at start-up by the server, then only read (the pool, the
/// audit writer and the limiter do their own locking).
struct ServerContext {
    const protocol::Registry& registry;
    const Clock& clock;
    DatabasePool& pool;
    AuditWriter& audit;
    WriteBatcher& writes;
    LoginLimiter& limiter;
    IdempotencyStore& idempotency;
    Metrics& metrics;
    const Router& router;
    std::chrono::minutes token_lifetime;
    const exports::PseudonymKey& pseudonym_key;
    std::optional<Decimal> tariff_per_hour;  ///< for export reports
    ReportCache& reports;
    /// Counts the write requests that succeeded: a cached report is valid while it stands still.
    std::atomic<std::uint64_t> data_generation{0};
};

/// One client-data access a handler announced: written as an audit line with the request's result.
struct AuditIntent {
    domain::AuditAction action;
    std::string data;
    std::optional<domain::ClientId> client;
};

class RequestContext {
public:
    RequestContext(ServerContext& server, const Route& route, std::map<std::string, std::string> params,
                   std::vector<std::pair<std::string, std::string>> query, std::string body, std::string remote);

    ServerContext& server;
    const Route& route;

    Instant now() const { return m_now; }
    const std::string& remote() const { return m_remote; }

    /// The request's transaction: inside a write batch, the batch's; otherwise its own, opened on
    /// first use (a write transaction only for routes with their own transactions).
    storage::UnitOfWork& work();
    /// Inside a batch: appends the audit lines to it. Otherwise ends the own transaction: commits a
    /// write (with its audit lines), closes a read.
    void finish_work();
    /// Drops the transaction without committing (on failure) and returns the connection.
    void abandon_work();

    void sign_in(app::Principal principal, std::string bearer)
    {
        m_principal = std::move(principal);
        m_bearer = std::move(bearer);
    }
    /// The bearer token of this request (to revoke it at logout).
    const std::string& bearer() const { return m_bearer; }
    bool signed_in() const { return m_principal.has_value(); }
    const app::Principal& principal() const;

    /// A path parameter that must be a positive id: BadRequest naming it otherwise.
    std::int64_t id(const std::string& name) const;
    const std::string& param(const std::string& name) const;
    /// A query parameter (the last when repeated); BadRequest for parameters the route does not know.
    std::optional<std::string> query(const std::string& name) const;
    std::optional<std::int64_t> query_id(const std::string& name) const;
    std::optional<calendar::Date> query_date(const std::string& name) const;
    /// limit (1–500, default 50) and offset (default 0).
    storage::Page page() const;
    JsonBody json() const;
    const std::string& body() const { return m_body; }

    /// Announces access to a client's data and checks the signed-in user may have it
    /// (app::require_client_access). The audit line is written whatever the outcome: as success
    /// when the request succeeds, as denied when the check refuses, as failed otherwise.
    void access_client(domain::ClientId client, domain::AuditAction action, std::string data = {});
    /// Records access to a client that a scoped query already limited to what the user may see
    /// (a list): the audit line without a second check.
    void record_client_access(domain::ClientId client, domain::AuditAction action, std::string data = {});
    /// Announces an audited action without a client (user administration).
    void audit(domain::AuditAction action, std::string data);
    const std::vector<AuditIntent>& intents() const { return m_intents; }

    /// While bound, work() is the write batch's transaction (set by the dispatcher around the
    /// handler it runs in the batch).
    void bind_batch(storage::UnitOfWork* batch) { m_batch = batch; }
    std::vector<domain::AuditEvent> audit_events(domain::AuditResult result) const;

private:
    Instant m_now;
    std::map<std::string, std::string> m_params;
    std::vector<std::pair<std::string, std::string>> m_query;
    std::string m_body;
    std::string m_remote;
    std::optional<app::Principal> m_principal;
    std::string m_bearer;
    std::unique_lock<std::mutex> m_write_gate;  ///< held while a write transaction is open
    std::optional<DatabasePool::Lease> m_lease;
    std::unique_ptr<storage::UnitOfWork> m_work;
    bool m_own_write = false;
    storage::UnitOfWork* m_batch = nullptr;
    std::vector<AuditIntent> m_intents;
};

}  // namespace reable::server
