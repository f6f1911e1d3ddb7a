// Sign-in, tokens and the login rate limit, through real HTTP on 127.0.0.1.

#include "server_fixture.hpp"

#include "reable/security/crypto.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace reable::testing;

namespace {

void execute(const std::filesystem::path& database, const std::string& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(database.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

}  // namespace

TEST_CASE("login returns an opaque token with its expiry, /me names the user, role and team")
{
    TestServer server;
    const HttpResult login = server.post("/api/v1/auth/login", R"({"username": "fysio", "password": "fixture-password"})");
    REQUIRE(login.status == 200);
    const auto body = login.json();
    CHECK(body->getValue<std::string>("token").size() == 43);
    CHECK(body->getValue<std::string>("token_type") == "Bearer");
    CHECK(body->getValue<std::string>("expires_at").size() == 24);
    CHECK_FALSE(body->getObject("user")->has("password_hash"));

    const HttpResult me = server.get("/api/v1/me", body->getValue<std::string>("token"));
    REQUIRE(me.status == 200);
    CHECK(me.json()->getValue<std::string>("username") == "fysio");
    CHECK(me.json()->getValue<std::string>("role") == "team_member");
    CHECK(me.json()->getValue<std::string>("discipline") == "physiotherapist");
    CHECK(me.json()->getValue<std::int64_t>("team_id") == 1);
}

TEST_CASE("a wrong password and an unknown user get the same 401 problem, and the attempt is audited")
{
    TestServer server;
    const auto audit_before = count_rows(server.database(), "audit_event");
    const HttpResult wrong = server.post("/api/v1/auth/login", R"({"username": "fysio", "password": "not-the-password"})");
    const HttpResult unknown = server.post("/api/v1/auth/login", R"({"username": "nobody", "password": "not-the-password"})");
    CHECK(wrong.status == 401);
    CHECK(unknown.status == 401);
    CHECK(wrong.content_type == "application/problem+json");
    CHECK(wrong.json()->getValue<std::string>("detail") == "invalid username or password");
    CHECK(unknown.json()->getValue<std::string>("detail") == "invalid username or password");
    CHECK(wrong.headers.at("WWW-Authenticate") == "Bearer");
    CHECK(count_rows(server.database(), "audit_event") == audit_before + 2);
}

TEST_CASE("after five failed logins the sixth attempt is refused with 429 and Retry-After, even with the right password")
{
    TestServer server;
    for (int i = 0; i < 5; ++i)
        REQUIRE(server.post("/api/v1/auth/login", R"({"username": "wij", "password": "guess-number-x"})").status == 401);
    const HttpResult blocked = server.post("/api/v1/auth/login", R"({"username": "wij", "password": "fixture-password"})");
    CHECK(blocked.status == 429);
    CHECK(blocked.content_type == "application/problem+json");
    CHECK(std::stoi(blocked.headers.at("Retry-After")) > 0);
    // Another user is not locked out by wij's failures.
    CHECK(server.post("/api/v1/auth/login", R"({"username": "fysio", "password": "fixture-password"})").status == 200);
}

TEST_CASE("logout revokes the token, a revoked, an unknown, an expired or a missing token gets 401")
{
    TestServer server;
    const std::string token = server.login("fysio");
    REQUIRE(server.get("/api/v1/me", token).status == 200);
    CHECK(server.post("/api/v1/auth/logout", "", token).status == 204);
    const HttpResult revoked = server.get("/api/v1/me", token);
    CHECK(revoked.status == 401);
    CHECK(revoked.json()->getValue<std::string>("detail").find("revoked") != std::string::npos);

    CHECK(server.get("/api/v1/me", "made-up-token").status == 401);
    CHECK(server.get("/api/v1/me").status == 401);

    // A token that expired a minute ago, planted in the database.
    const std::string expired = "expired-token-for-the-test";
    execute(server.database(), "INSERT INTO auth_token (digest, user_id, issued_at, expires_at) VALUES ('" +
                                   reable::security::sha256_hex(expired) +
                                   "', 1, '2020-01-01T00:00:00.000Z', '2020-01-01T08:00:00.000Z')");
    const HttpResult late = server.get("/api/v1/me", expired);
    CHECK(late.status == 401);
    CHECK(late.json()->getValue<std::string>("detail").find("expired") != std::string::npos);
}

TEST_CASE("a disabled account cannot use its live token")
{
    TestServer server;
    const std::string token = server.login("wij");
    execute(server.database(), "UPDATE app_user SET active = 0 WHERE username = 'wij'");
    CHECK(server.get("/api/v1/me", token).status == 401);
}

TEST_CASE("the server stops cleanly on SIGTERM with exit status 0")
{
    TestServer server;
    REQUIRE(server.get("/healthz").status == 200);
    CHECK(server.stop() == 0);
}
