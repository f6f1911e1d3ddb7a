#include "local_operator.hpp"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace reable::cli {

std::string operator_username()
{
    // The password database first: $USER is whatever the environment says.
    if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr && *pw->pw_name != '\0')
        return std::string("os:") + pw->pw_name;
    if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return std::string("os:") + user;
    return "os:uid " + std::to_string(::geteuid());
}

domain::AuditEvent operator_event(Instant now, domain::AuditAction action, std::string data, std::string resource,
                                  std::optional<domain::ClientId> client, domain::AuditResult result)
{
    domain::AuditEvent e;
    e.at = format_utc(now);
    e.username = operator_username();
    e.user_role = "operator";
    e.on_behalf_of = e.username;
    e.client = client;
    e.action = action;
    e.data = std::move(data);
    e.resource = std::move(resource);
    e.result = result;
    e.basis = "local command line";
    return e;
}

void audit_client(storage::UnitOfWork& work, domain::AuditAction action, std::string data, std::string resource,
                  domain::ClientId client)
{
    work.audit().append(
        operator_event(std::chrono::system_clock::now(), action, std::move(data), std::move(resource), client));
}

}  // namespace reable::cli
