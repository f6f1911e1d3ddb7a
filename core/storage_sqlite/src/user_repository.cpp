#include "row_codec.hpp"
#include "sqlite_repositories.hpp"

namespace reable::storage_sqlite {

using namespace domain;

namespace {

constexpr std::string_view k_user_columns =
    "SELECT id, username, display_name, role, member_id, municipality_id, password_hash, active, created_at "
    "FROM app_user ";

User read_user(const Statement& s)
{
    User u;
    u.id = UserId{s.integer(0)};
    u.username = s.text(1);
    u.display_name = s.text(2);
    u.role = read_code<Role>(s, 3, parse_role, "role");
    if (const auto m = s.optional_integer(4)) u.member = MemberId{*m};
    if (const auto m = s.optional_integer(5)) u.municipality = MunicipalityId{*m};
    u.password_hash = s.text(6);
    u.active = s.integer(7) != 0;
    u.created_at = s.text(8);
    return u;
}

}  // namespace

UserId SqliteUserRepository::add(const User& u)
{
    StatementUse s(m_db.cached("INSERT INTO app_user (username, display_name, role, member_id, municipality_id, "
                               "password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    s->bind(1, u.username)
        .bind(2, u.display_name)
        .bind(3, to_string(u.role))
        .bind(4, optional_id(u.member))
        .bind(5, optional_id(u.municipality))
        .bind(6, u.password_hash)
        .bind(7, u.active ? 1 : 0)
        .bind(8, u.created_at)
        .run();
    return UserId{m_db.last_insert_id()};
}

std::optional<User> SqliteUserRepository::find(UserId id)
{
    Statement& s = m_db.cached(std::string(k_user_columns) + "WHERE id = ?");
    s.bind(1, id.value);
    return first_row(s, read_user);
}

std::optional<User> SqliteUserRepository::by_username(std::string_view username)
{
    Statement& s = m_db.cached(std::string(k_user_columns) + "WHERE username = ?");
    s.bind(1, username);
    return first_row(s, read_user);
}

std::vector<User> SqliteUserRepository::list()
{
    return all_rows(m_db.cached(std::string(k_user_columns) + "ORDER BY username"), read_user);
}

void SqliteUserRepository::set_password(UserId id, const std::string& password_hash)
{
    StatementUse s(m_db.cached("UPDATE app_user SET password_hash = ? WHERE id = ?"));
    s->bind(1, password_hash).bind(2, id.value).run();
}

void SqliteUserRepository::set_active(UserId id, bool active)
{
    StatementUse s(m_db.cached("UPDATE app_user SET active = ? WHERE id = ?"));
    s->bind(1, active ? 1 : 0).bind(2, id.value).run();
}

void SqliteUserRepository::add_token(const TokenRecord& t)
{
    StatementUse s(
        m_db.cached("INSERT INTO auth_token (digest, user_id, issued_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?)"));
    s->bind(1, t.digest).bind(2, t.user.value).bind(3, t.issued_at).bind(4, t.expires_at).bind(5, t.revoked_at).run();
}

std::optional<TokenRecord> SqliteUserRepository::token(std::string_view digest)
{
    Statement& s =
        m_db.cached("SELECT digest, user_id, issued_at, expires_at, revoked_at FROM auth_token WHERE digest = ?");
    s.bind(1, digest);
    return first_row(s, [](const Statement& r) {
        return TokenRecord{r.text(0), UserId{r.integer(1)}, r.text(2), r.text(3), r.optional_text(4)};
    });
}

void SqliteUserRepository::revoke_token(std::string_view digest, const std::string& at)
{
    StatementUse s(m_db.cached("UPDATE auth_token SET revoked_at = ? WHERE digest = ? AND revoked_at IS NULL"));
    s->bind(1, at).bind(2, digest).run();
}

int SqliteUserRepository::revoke_tokens(UserId id, const std::string& at)
{
    StatementUse s(m_db.cached(
        "UPDATE auth_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?"));
    s->bind(1, at).bind(2, id.value).bind(3, at).run();
    return m_db.changes();
}

}  // namespace reable::storage_sqlite
