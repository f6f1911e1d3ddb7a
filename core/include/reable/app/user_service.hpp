#pragma once

// Users, passwords and bearer tokens. Used by `reable user …` and by the web service's login.

#include "reable/domain/user.hpp"
#include "reable/storage/database.hpp"
#include "reable/timestamp.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace reable::app {

struct UserInput {
    std::string username;
    std::string display_name;
    std::string role;          ///< a role code
    std::optional<std::int64_t> member;  ///< team members: their team member record
    std::string municipality;  ///< access assessors: the CBS code of their municipality
    std::string password;
};

/// Checks every field (naming each problem) and stores the user with a PBKDF2 hash.
domain::UserId add_user(storage::UnitOfWork& work, Instant now, const UserInput& input);
/// A new password; every live token of the user is revoked. Returns how many tokens were revoked.
/// Error{not_found} for an unknown user, Error{invalid_input} for a password that is too weak.
int change_password(storage::UnitOfWork& work, Instant now, const std::string& username,
                    const std::string& password);
/// Disables the account and revokes its tokens; returns how many. The user and everything they
/// logged stay. Error{not_found} for an unknown user.
int disable_user(storage::UnitOfWork& work, Instant now, const std::string& username);
domain::User require_user(storage::UnitOfWork& work, const std::string& username);

struct LoginResult {
    domain::User user;
    std::string token;       ///< shown once; only its digest is stored
    std::string expires_at;  ///< UTC, ISO 8601
};

inline constexpr std::chrono::minutes k_default_token_lifetime{8 * 60};

/// Checks the password and issues a token. Any failure (unknown user, wrong password, disabled
/// account) is the same Error{unauthenticated} "invalid username or password", so the answer
/// does not reveal which usernames exist.
LoginResult login(storage::UnitOfWork& work, Instant now, const std::string& username, const std::string& password,
                  std::chrono::minutes lifetime = k_default_token_lifetime);
/// Revokes the token. Returns the user it belonged to (nullopt when it was not a live token).
std::optional<domain::User> logout(storage::UnitOfWork& work, Instant now, const std::string& token);
/// The active user a live token belongs to; Error{unauthenticated} saying why not (unknown,
/// expired, revoked, account disabled).
domain::User authenticate(storage::UnitOfWork& work, Instant now, const std::string& token);

}  // namespace reable::app
