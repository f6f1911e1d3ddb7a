#pragma once

// The person at the keyboard, as the audit log names them. The command line has no sign-in: whoever
// can run `reable` on the database file is trusted with it, so the log records the operating
// system account instead of a Reable user.

#include "reable/domain/audit.hpp"
#include "reable/storage/database.hpp"
#include "reable/timestamp.hpp"

#include <optional>
#include <string>

namespace reable::cli {

/// "os:" and the login name of the effective user (from the password database, else $USER, else
/// "os:uid N").
std::string operator_username();

/// An audit event for the local operator: no Reable user, role "operator", acting for themself,
/// basis "local command line". `resource` is what was run ("cli: user add fysio").
domain::AuditEvent operator_event(Instant now, domain::AuditAction action, std::string data, std::string resource,
                                  std::optional<domain::ClientId> client = std::nullopt,
                                  domain::AuditResult result = domain::AuditResult::success);

/// Logs the local operator's access to one client's record (NEN 7513), in `work`: the line commits
/// or rolls back together with the access. `data` names what was touched ("client", "trajectory"
/// …), `resource` the command ("cli: client show"). Commands that only read must still run in a
/// write unit of work, because a read transaction cannot append.
void audit_client(storage::UnitOfWork& work, domain::AuditAction action, std::string data, std::string resource,
                  domain::ClientId client);

}  // namespace reable::cli
