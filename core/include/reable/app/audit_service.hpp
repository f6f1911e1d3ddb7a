#pragma once

// The NEN 7513 audit log: building events and checking the chain.

#include "reable/app/access.hpp"
#include "reable/domain/audit.hpp"
#include "reable/storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace reable::app {

/// An event for `who` doing `action` on `data` through `resource`, at `now`.
domain::AuditEvent audit_event(const Principal& who, Instant now, domain::AuditAction action, std::string data,
                               std::string resource, std::optional<domain::ClientId> client,
                               domain::AuditResult result);

struct AuditVerification {
    std::size_t events = 0;       ///< events checked
    bool intact = true;
    std::int64_t first_bad = 0;   ///< the first event that fails, when not intact
    std::string problem;          ///< what is wrong with it
    std::string head;             ///< the newest event's hash: record it elsewhere to detect a cut-off tail
};

/// Walks the whole log in id order and recomputes every hash: an altered field, a removed or
/// inserted row, or a reordering breaks the chain at the first event concerned. With
/// `expected_head`, also checks that this hash (recorded earlier) is still in the chain, which
/// detects removal of the newest events.
AuditVerification verify_audit(storage::Database& db, const std::optional<std::string>& expected_head = {});

}  // namespace reable::app
