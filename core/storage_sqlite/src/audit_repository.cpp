#include "row_codec.hpp"
#include "sqlite_repositories.hpp"

#include "reable/error.hpp"

namespace reable::storage_sqlite {

using namespace domain;

namespace {

constexpr std::string_view k_event_columns =
    "SELECT id, at, user_id, username, user_role, on_behalf_of, client_id, action, data, resource, result, basis, "
    "emergency, prev_hash, hash FROM audit_event ";

AuditEvent read_event(const Statement& s)
{
    AuditEvent e;
    e.id = s.integer(0);
    e.at = s.text(1);
    if (const auto u = s.optional_integer(2)) e.user = UserId{*u};
    e.username = s.text(3);
    e.user_role = s.text(4);
    e.on_behalf_of = s.text(5);
    if (const auto c = s.optional_integer(6)) e.client = ClientId{*c};
    e.action = read_code<AuditAction>(s, 7, parse_audit_action, "audit action");
    e.data = s.text(8);
    e.resource = s.text(9);
    e.result = read_code<AuditResult>(s, 10, parse_audit_result, "audit result");
    e.basis = s.text(11);
    e.emergency = s.integer(12) != 0;
    e.prev_hash = s.text(13);
    e.hash = s.text(14);
    return e;
}

}  // namespace

AuditEvent SqliteAuditRepository::append(AuditEvent e)
{
    // The newest row gives both the next id and the hash to chain to. Ids are assigned here,
    // not by SQLite, because the hash covers the id.
    {
        StatementUse last(m_db.cached("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1"));
        if (last->step()) {
            e.id = last->integer(0) + 1;
            e.prev_hash = last->text(1);
        } else {
            e.id = 1;
            e.prev_hash = std::string(k_audit_genesis);
        }
    }
    e.hash = audit_hash(e);
    StatementUse s(m_db.cached(
        "INSERT INTO audit_event (id, at, user_id, username, user_role, on_behalf_of, client_id, action, data, "
        "resource, result, basis, emergency, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    s->bind(1, e.id)
        .bind(2, e.at)
        .bind(3, e.user ? std::optional<std::int64_t>(e.user->value) : std::nullopt)
        .bind(4, e.username)
        .bind(5, e.user_role)
        .bind(6, e.on_behalf_of)
        .bind(7, e.client ? std::optional<std::int64_t>(e.client->value) : std::nullopt)
        .bind(8, to_string(e.action))
        .bind(9, e.data)
        .bind(10, e.resource)
        .bind(11, to_string(e.result))
        .bind(12, e.basis)
        .bind(13, e.emergency ? 1 : 0)
        .bind(14, e.prev_hash)
        .bind(15, e.hash)
        .run();
    return e;
}

storage::PageOf<AuditEvent> SqliteAuditRepository::for_client(ClientId client, storage::Page page)
{
    storage::PageOf<AuditEvent> out;
    Statement& s = m_db.cached(std::string(k_event_columns) + "WHERE client_id = ? ORDER BY id DESC LIMIT ? OFFSET ?");
    s.bind(1, client.value)
        .bind(2, static_cast<std::int64_t>(page.limit))
        .bind(3, static_cast<std::int64_t>(page.offset));
    out.items = all_rows(s, read_event);
    StatementUse count(m_db.cached("SELECT count(*) FROM audit_event WHERE client_id = ?"));
    count->bind(1, client.value);
    count->step();
    out.total = static_cast<std::size_t>(count->integer(0));
    return out;
}

std::vector<AuditEvent> SqliteAuditRepository::after(std::int64_t after, std::size_t limit)
{
    Statement& s = m_db.cached(std::string(k_event_columns) + "WHERE id > ? ORDER BY id LIMIT ?");
    s.bind(1, after).bind(2, static_cast<std::int64_t>(limit));
    return all_rows(s, read_event);
}

std::size_t SqliteAuditRepository::count()
{
    return static_cast<std::size_t>(m_db.query_integer("SELECT count(*) FROM audit_event").value_or(0));
}

}  // namespace reable::storage_sqlite
