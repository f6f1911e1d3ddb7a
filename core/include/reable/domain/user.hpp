#pragma once

#include "reable/domain/ids.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace reable::domain {

using UserId = Id<struct UserTag>;

/// What a user may see and do. The enumerator names are the stable codes of the database, the CLI
/// and the API.
enum class Role {
    team_member,      ///< a member of a reablement team: only the clients their team serves
    access_assessor,  ///< the access team (WIJ): clients, onderzoek and decisions of one municipality
    evaluator,        ///< pilot evaluation: pseudonymised exports only, never an identifying field
    administrator,    ///< users, teams, instruments; no client data
};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view code);
/// "team_member, access_assessor, evaluator, administrator": for error messages.
std::string_view role_codes();

/// A person who signs in. A team member is bound to one team member record (and through it to a
/// team and a discipline); an access assessor to one municipality.
struct User {
    UserId id;
    std::string username;
    std::string display_name;
    Role role = Role::team_member;
    std::optional<MemberId> member;
    std::optional<MunicipalityId> municipality;
    std::string password_hash;  ///< "pbkdf2-sha256$ITERATIONS$SALT$HASH"; never leaves the core
    bool active = true;
    std::string created_at;     ///< UTC, ISO 8601
};

/// A bearer token as stored: only the SHA-256 digest of the token, never the token itself.
struct TokenRecord {
    std::string digest;
    UserId user;
    std::string issued_at;   ///< UTC, ISO 8601
    std::string expires_at;  ///< UTC, ISO 8601
    std::optional<std::string> revoked_at;
};

}  // namespace reable::domain
