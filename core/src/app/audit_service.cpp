#include "reable/app/audit_service.hpp"

namespace reable::app {

using namespace domain;

AuditEvent audit_event(const Principal& who, Instant now, AuditAction action, std::string data, std::string resource,
                       std::optional<ClientId> client, AuditResult result)
{
    AuditEvent e;
    e.at = format_utc(now);
    e.user = who.user.id;
    e.username = who.user.username;
    e.user_role = std::string(to_string(who.user.role));
    e.on_behalf_of = who.on_behalf_of;
    e.client = client;
    e.action = action;
    e.data = std::move(data);
    e.resource = std::move(resource);
    e.result = result;
    e.basis = who.basis();
    return e;
}

AuditVerification verify_audit(storage::Database& db, const std::optional<std::string>& expected_head)
{
    AuditVerification out;
    std::string previous(k_audit_genesis);
    std::int64_t last_id = 0;
    bool head_seen = !expected_head;
    const auto fail = [&](std::int64_t id, std::string problem) {
        out.intact = false;
        out.first_bad = id;
        out.problem = std::move(problem);
    };
    // One read transaction: a consistent snapshot even while the server appends.
    const auto work = db.read();
    constexpr std::size_t k_chunk = 10'000;
    for (;;) {
        const std::vector<AuditEvent> chunk = work->audit().after(last_id, k_chunk);
        for (const AuditEvent& e : chunk) {
            if (e.id != last_id + 1) {
                fail(last_id + 1, "event " + std::to_string(last_id + 1) + " is missing (the next is " +
                                      std::to_string(e.id) + ")");
                return out;
            }
            if (e.prev_hash != previous) {
                fail(e.id, "event " + std::to_string(e.id) + " does not chain to its predecessor");
                return out;
            }
            if (audit_hash(e) != e.hash) {
                fail(e.id, "event " + std::to_string(e.id) + " was altered: its hash does not match its fields");
                return out;
            }
            if (expected_head && e.hash == *expected_head) head_seen = true;
            previous = e.hash;
            last_id = e.id;
            ++out.events;
        }
        if (chunk.size() < k_chunk) break;
    }
    out.head = previous;
    if (!head_seen)
        fail(last_id, "the expected head " + *expected_head + " is not in the log: events at its end were removed");
    return out;
}

}  // namespace reable::app
