#include "reable/app/user_service.hpp"

#include "reable/app/input_check.hpp"
#include "reable/error.hpp"
#include "reable/security/crypto.hpp"

#include <algorithm>

namespace reable::app {

using namespace domain;

namespace {

bool valid_username(std::string_view name)
{
    if (name.size() < 2 || name.size() > 64 || name.front() < 'a' || name.front() > 'z') return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

[[noreturn]] void refuse_login()
{
    throw Error(ErrorCode::unauthenticated, "invalid username or password");
}

}  // namespace

UserId add_user(storage::UnitOfWork& work, Instant now, const UserInput& input)
{
    InputCheck check("the user");
    if (!valid_username(input.username))
        check.fail("username", InputCheck::quoted(input.username) +
                                   " is not allowed; use 2 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter");
    else if (work.users().by_username(input.username))
        throw Error(ErrorCode::conflict, "username: " + InputCheck::quoted(input.username) + " is already taken");
    check.required("display_name", input.display_name);
    const std::optional<Role> role = check.code("role", input.role, parse_role, role_codes());

    User user;
    user.username = input.username;
    user.display_name = input.display_name;
    user.created_at = format_utc(now);
    if (role) {
        user.role = *role;
        if (*role == Role::team_member) {
            if (!input.member)
                check.fail("member", "a team member needs the id of their team member record (--member)");
            else if (!work.organisation().member(MemberId{*input.member}))
                check.fail("member", "no team member " + std::to_string(*input.member));
            else
                user.member = MemberId{*input.member};
        } else if (input.member) {
            check.fail("member", "only a team_member is bound to a team member record");
        }
        if (*role == Role::access_assessor) {
            if (input.municipality.empty())
                check.fail("municipality", "an access assessor needs the CBS code of their municipality (--municipality)");
            else if (const auto m = work.organisation().municipality_by_code(input.municipality))
                user.municipality = m->id;
            else
                check.fail("municipality", "no municipality " + InputCheck::quoted(input.municipality));
        } else if (!input.municipality.empty()) {
            check.fail("municipality", "only an access_assessor is bound to a municipality");
        }
    }
    try {
        security::check_password_strength(input.password);
    } catch (const Error& e) {
        check.fail("password", std::string(e.what()).substr(std::string_view("password: ").size()));
    }
    check.throw_if_any();
    user.password_hash = security::hash_password(input.password);
    return work.users().add(user);
}

User require_user(storage::UnitOfWork& work, const std::string& username)
{
    if (auto u = work.users().by_username(username)) return *u;
    throw Error(ErrorCode::not_found, "no user " + InputCheck::quoted(username));
}

int change_password(storage::UnitOfWork& work, Instant now, const std::string& username, const std::string& password)
{
    const User user = require_user(work, username);
    security::check_password_strength(password);
    work.users().set_password(user.id, security::hash_password(password));
    return work.users().revoke_tokens(user.id, format_utc(now));
}

int disable_user(storage::UnitOfWork& work, Instant now, const std::string& username)
{
    const User user = require_user(work, username);
    work.users().set_active(user.id, false);
    return work.users().revoke_tokens(user.id, format_utc(now));
}

LoginResult login(storage::UnitOfWork& work, Instant now, const std::string& username, const std::string& password,
                  std::chrono::minutes lifetime)
{
    const std::optional<User> user = work.users().by_username(username);
    if (!user) {
        // Spend the same time as a real check, so the answer's timing does not reveal that the
        // username does not exist.
        static const std::string k_dummy = security::hash_password("timing-equaliser");
        security::verify_password(password, k_dummy);
        refuse_login();
    }
    if (!security::verify_password(password, user->password_hash) || !user->active) refuse_login();

    LoginResult out{*user, security::new_token(), format_utc(now + lifetime)};
    work.users().add_token({security::sha256_hex(out.token), user->id, format_utc(now), out.expires_at, std::nullopt});
    return out;
}

std::optional<User> logout(storage::UnitOfWork& work, Instant now, const std::string& token)
{
    const std::string digest = security::sha256_hex(token);
    const std::optional<TokenRecord> record = work.users().token(digest);
    if (!record || record->revoked_at || record->expires_at <= format_utc(now)) return std::nullopt;
    work.users().revoke_token(digest, format_utc(now));
    return work.users().find(record->user);
}

User authenticate(storage::UnitOfWork& work, Instant now, const std::string& token)
{
    const std::optional<TokenRecord> record = work.users().token(security::sha256_hex(token));
    if (!record) throw Error(ErrorCode::unauthenticated, "the bearer token is not valid");
    if (record->revoked_at) throw Error(ErrorCode::unauthenticated, "the bearer token was revoked (logged out)");
    if (record->expires_at <= format_utc(now))
        throw Error(ErrorCode::unauthenticated, "the bearer token expired at " + record->expires_at + "; log in again");
    std::optional<User> user = work.users().find(record->user);
    if (!user || !user->active) throw Error(ErrorCode::unauthenticated, "the account is disabled");
    return *user;
}

}  // namespace reable::app
