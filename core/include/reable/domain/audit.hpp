#pragma once

#include "reable/domain/ids.hpp"
#include "reable/domain/user.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace reable::domain {

/// What was done (NEN 7513: "which event").
enum class AuditAction { read, create, update, login, logout, admin };
/// How it ended: done, refused by the access rules, or failed (bad input, a conflict, an error).
enum class AuditResult { success, denied, failed };

std::string_view to_string(AuditAction action);
std::optional<AuditAction> parse_audit_action(std::string_view code);
std::string_view to_string(AuditResult result);
std::optional<AuditResult> parse_audit_result(std::string_view code);

/// One line of the audit log: the NEN 7513 minimum (event, date and time, client, user, the
/// responsible user acted for) plus what the client-facing view shows (role, data, action,
/// authorisation basis, emergency procedure) and the result.
struct AuditEvent {
    std::int64_t id = 0;        ///< set by the log
    std::string at;             ///< UTC, ISO 8601 with milliseconds ("2026-11-23T09:15:02.118Z")
    std::optional<UserId> user;
    std::string username;       ///< as given when no user could be established (a failed login)
    std::string user_role;      ///< a role code, or "none"
    std::string on_behalf_of;   ///< the responsible user; the user themself unless stated otherwise
    std::optional<ClientId> client;
    AuditAction action = AuditAction::read;
    std::string data;           ///< which data: "client", "trajectory", "decision", "access_log" …
    std::string resource;       ///< "GET /api/v1/clients/{id}", "cli: decide"
    AuditResult result = AuditResult::success;
    std::string basis;          ///< the authorisation basis: "team_member of team 3"
    bool emergency = false;     ///< the emergency ("noodknop") procedure; Reable has none yet
    std::string prev_hash;      ///< set by the log
    std::string hash;           ///< set by the log
};

/// The SHA-256 (hex) that chains an event to its predecessor: it covers every field above except
/// `hash` itself, in a fixed order with unambiguous separators.
std::string audit_hash(const AuditEvent& event);

/// The hash before the first event.
inline constexpr std::string_view k_audit_genesis = "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace reable::domain
