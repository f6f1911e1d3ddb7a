// Users, passwords and bearer tokens through the core service on a real SQLite file. PBKDF2 costs a
// quarter of a second per hash by design, so the cases that hash are few and each does several
// checks.

#include "reable/app/user_service.hpp"
#include "reable/error.hpp"
#include "reable/security/crypto.hpp"
#include "storage/storage_fixture.hpp"

#include <doctest/doctest.h>

using namespace reable;
using namespace reable::domain;
using namespace std::chrono_literals;
using reable::testing::error_of;
using reable::testing::problems_of;

namespace {

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

const Instant k_now = Instant(day("2026-11-23")) + 9h;

struct UserFixture : testing::StorageFixture {
    app::UserInput fysio() const
    {
        app::UserInput in;
        in.username = "fysio";
        in.display_name = "Fenna Bakker";
        in.role = "team_member";
        in.member = physio.value;
        in.password = "correct horse battery";
        return in;
    }
    /// Stores a user without hashing (the repositories do not look inside the hash).
    void store_without_password(const std::string& username)
    {
        auto work = db->write();
        User u;
        u.username = username;
        u.display_name = "Someone";
        u.role = Role::administrator;
        u.password_hash = "pbkdf2-sha256$1$c2FsdA==$aGFzaA==";
        u.created_at = format_utc(k_now);
        work->users().add(u);
        work->commit();
    }
    std::vector<std::string> problems_adding(const app::UserInput& in)
    {
        auto work = db->write();
        return problems_of([&] { app::add_user(*work, k_now, in); });
    }
};

}  // namespace

TEST_CASE("add_user names the field, the value and what is allowed for each problem, and stores nothing")
{
    UserFixture f;
    app::UserInput in = f.fysio();
    std::vector<std::string> expected;
    SUBCASE("a username with a capital")
    {
        in.username = "Fysio";
        expected = {"username: \"Fysio\" is not allowed; use 2 to 64 of a-z, 0-9, '.', '_', '-', starting with a "
                    "letter"};
    }
    SUBCASE("a username starting with a digit")
    {
        in.username = "1fysio";
        expected = {"username: \"1fysio\" is not allowed; use 2 to 64 of a-z, 0-9, '.', '_', '-', starting with a "
                    "letter"};
    }
    SUBCASE("no display name")
    {
        in.display_name = "";
        expected = {"display_name: is required"};
    }
    SUBCASE("an unknown role")
    {
        in.role = "boss";
        expected = {"role: \"boss\" is not allowed; allowed: team_member, access_assessor, evaluator, administrator"};
    }
    SUBCASE("a team member without a member record")
    {
        in.member.reset();
        expected = {"member: a team member needs the id of their team member record (--member)"};
    }
    SUBCASE("a team member with an unknown member record")
    {
        in.member = 99;
        expected = {"member: no team member 99"};
    }
    SUBCASE("a member record for another role")
    {
        in.role = "evaluator";
        expected = {"member: only a team_member is bound to a team member record"};
    }
    SUBCASE("an access assessor without a municipality")
    {
        in.role = "access_assessor";
        in.member.reset();
        expected = {"municipality: an access assessor needs the CBS code of their municipality (--municipality)"};
    }
    SUBCASE("an access assessor of an unknown municipality")
    {
        in.role = "access_assessor";
        in.member.reset();
        in.municipality = "GM9999";
        expected = {"municipality: no municipality \"GM9999\""};
    }
    SUBCASE("a municipality for another role")
    {
        in.municipality = "GM0014";
        expected = {"municipality: only an access_assessor is bound to a municipality"};
    }
    SUBCASE("a short password")
    {
        in.password = "short";
        expected = {"password: has 5 characters; at least 10 are required"};
    }
    SUBCASE("a password with a control character")
    {
        in.password = "tab\there-and-more";
        expected = {"password: contains a control character"};
    }
    SUBCASE("everything at once")
    {
        in = {"X", "", "boss", std::nullopt, "", "short"};
        expected = {"username: \"X\" is not allowed; use 2 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter",
                    "display_name: is required",
                    "role: \"boss\" is not allowed; allowed: team_member, access_assessor, evaluator, administrator",
                    "password: has 5 characters; at least 10 are required"};
    }
    CHECK(f.problems_adding(in) == expected);
    CHECK(f.db->read()->users().list().empty());
}

TEST_CASE("add_user: a taken username is a conflict")
{
    UserFixture f;
    f.store_without_password("fysio");
    auto work = f.db->write();
    CHECK(error_of([&] { app::add_user(*work, k_now, f.fysio()); }) ==
          "conflict: username: \"fysio\" is already taken");
}

TEST_CASE("log in: a 43-character token valid for the lifetime, and every refusal says the same")
{
    UserFixture f;
    {
        auto work = f.db->write();
        const UserId id = app::add_user(*work, k_now, f.fysio());
        const User stored = *work->users().find(id);
        CHECK(stored.created_at == "2026-11-23T09:00:00.000Z");
        CHECK(stored.password_hash.rfind("pbkdf2-sha256$600000$", 0) == 0);
        CHECK(stored.password_hash.find("correct horse") == std::string::npos);
        work->commit();
    }
    auto work = f.db->write();
    const app::LoginResult in = app::login(*work, k_now, "fysio", "correct horse battery");
    CHECK(in.user.username == "fysio");
    CHECK(in.token.size() == 43);
    CHECK(in.token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
    CHECK(in.expires_at == "2026-11-23T17:00:00.000Z");  // now + 8 hours
    // Only the digest is stored.
    CHECK_FALSE(work->users().token(in.token).has_value());
    const std::optional<TokenRecord> record = work->users().token(security::sha256_hex(in.token));
    REQUIRE(record);
    CHECK(record->issued_at == "2026-11-23T09:00:00.000Z");
    CHECK(record->expires_at == in.expires_at);

    CHECK(app::authenticate(*work, k_now, in.token).username == "fysio");
    CHECK(app::authenticate(*work, k_now + 8h - 1ms, in.token).username == "fysio");
    CHECK(error_of([&] { app::authenticate(*work, k_now + 8h, in.token); }) ==
          "unauthenticated: the bearer token expired at 2026-11-23T17:00:00.000Z; log in again");
    CHECK(error_of([&] { app::authenticate(*work, k_now, "not-a-token"); }) ==
          "unauthenticated: the bearer token is not valid");

    const std::string refused = "unauthenticated: invalid username or password";
    CHECK(error_of([&] { app::login(*work, k_now, "fysio", "wrong horse battery"); }) == refused);
    CHECK(error_of([&] { app::login(*work, k_now, "nobody", "correct horse battery"); }) == refused);
    CHECK(app::disable_user(*work, k_now + 1h, "fysio") == 1);
    CHECK(error_of([&] { app::login(*work, k_now + 2h, "fysio", "correct horse battery"); }) == refused);
    CHECK(error_of([&] { app::authenticate(*work, k_now + 2h, in.token); }) ==
          "unauthenticated: the bearer token was revoked (logged out)");
    CHECK(error_of([&] { app::disable_user(*work, k_now, "nobody"); }) == "not_found: no user \"nobody\"");
}

TEST_CASE("a shorter lifetime, and a disabled account's token that was not revoked still fails")
{
    UserFixture f;
    auto work = f.db->write();
    app::add_user(*work, k_now, f.fysio());
    const app::LoginResult in = app::login(*work, k_now, "fysio", "correct horse battery", 30min);
    CHECK(in.expires_at == "2026-11-23T09:30:00.000Z");
    // Disabled behind the service's back (a token it did not revoke): the account check still holds.
    work->users().set_active(in.user.id, false);
    CHECK(error_of([&] { app::authenticate(*work, k_now, in.token); }) == "unauthenticated: the account is disabled");
}

TEST_CASE("log out revokes the token, a new password revokes them all and replaces the old one")
{
    UserFixture f;
    auto work = f.db->write();
    app::add_user(*work, k_now, f.fysio());
    const app::LoginResult first = app::login(*work, k_now, "fysio", "correct horse battery");
    const app::LoginResult second = app::login(*work, k_now, "fysio", "correct horse battery");
    CHECK(first.token != second.token);

    const std::optional<User> out = app::logout(*work, k_now + 1h, first.token);
    REQUIRE(out);
    CHECK(out->username == "fysio");
    CHECK(error_of([&] { app::authenticate(*work, k_now + 1h, first.token); }) ==
          "unauthenticated: the bearer token was revoked (logged out)");
    CHECK_FALSE(app::logout(*work, k_now + 1h, first.token).has_value());  // not live any more
    CHECK_FALSE(app::logout(*work, k_now + 1h, "not-a-token").has_value());
    CHECK(app::authenticate(*work, k_now + 1h, second.token).username == "fysio");

    CHECK(error_of([&] { app::change_password(*work, k_now, "fysio", "short"); }) ==
          "invalid_input: password: has 5 characters; at least 10 are required");
    CHECK(error_of([&] { app::change_password(*work, k_now, "nobody", "a long new password"); }) ==
          "not_found: no user \"nobody\"");
    CHECK(app::change_password(*work, k_now + 2h, "fysio", "a long new password") == 1);
    CHECK(error_of([&] { app::authenticate(*work, k_now + 2h, second.token); }) ==
          "unauthenticated: the bearer token was revoked (logged out)");
    CHECK(error_of([&] { app::login(*work, k_now + 2h, "fysio", "correct horse battery"); }) ==
          "unauthenticated: invalid username or password");
    CHECK(app::login(*work, k_now + 2h, "fysio", "a long new password").user.username == "fysio");
}
