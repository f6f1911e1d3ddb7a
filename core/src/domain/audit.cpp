#include "reable/domain/audit.hpp"

#include "reable/security/crypto.hpp"

#include <array>
#include <utility>

namespace reable::domain {

namespace {

constexpr std::array<std::pair<AuditAction, std::string_view>, 6> k_actions{{
    {AuditAction::read, "read"},
    {AuditAction::create, "create"},
    {AuditAction::update, "update"},
    {AuditAction::login, "login"},
    {AuditAction::logout, "logout"},
    {AuditAction::admin, "admin"},
}};

constexpr std::array<std::pair<AuditResult, std::string_view>, 3> k_results{{
    {AuditResult::success, "success"},
    {AuditResult::denied, "denied"},
    {AuditResult::failed, "failed"},
}};

template <class Table, class Value>
std::string_view code_of(const Table& table, Value value)
{
    for (const auto& [v, code] : table)
        if (v == value) return code;
    return "unknown";
}

template <class Value, class Table>
std::optional<Value> value_of(const Table& table, std::string_view code)
{
    for (const auto& [v, name] : table)
        if (name == code) return v;
    return std::nullopt;
}

/// Each field as "<length>:<text>;" so that no choice of field contents can make two different
/// events hash the same text.
void field(std::string& out, std::string_view text)
{
    out += std::to_string(text.size());
    out += ':';
    out += text;
    out += ';';
}

}  // namespace

std::string_view to_string(AuditAction action) { return code_of(k_actions, action); }
std::optional<AuditAction> parse_audit_action(std::string_view code) { return value_of<AuditAction>(k_actions, code); }
std::string_view to_string(AuditResult result) { return code_of(k_results, result); }
std::optional<AuditResult> parse_audit_result(std::string_view code) { return value_of<AuditResult>(k_results, code); }

std::string audit_hash(const AuditEvent& e)
{
    std::string text;
    text.reserve(256);
    field(text, "reable.audit/1");
    field(text, std::to_string(e.id));
    field(text, e.at);
    field(text, e.user ? std::to_string(e.user->value) : "");
    field(text, e.username);
    field(text, e.user_role);
    field(text, e.on_behalf_of);
    field(text, e.client ? std::to_string(e.client->value) : "");
    field(text, to_string(e.action));
    field(text, e.data);
    field(text, e.resource);
    field(text, to_string(e.result));
    field(text, e.basis);
    field(text, e.emergency ? "1" : "0");
    field(text, e.prev_hash);
    return security::sha256_hex(text);
}

}  // namespace reable::domain
