// Every route × every caller (no token, and one user of each role), refused or allowed, on a real
// server; and the scope within a role: a team member of another team, an assessor of another
// municipality. The table must name every route of the router, so a new route cannot go
// untested.

#include "scenario.hpp"
#include "server_fixture.hpp"

#include "api/routes.hpp"

#include <Poco/JSON/Array.h>
#include <doctest/doctest.h>

#include <array>
#include <map>
#include <set>

using namespace reable::testing;
using reable::domain::Role;

namespace {

/// The callers of the matrix: no token, then one user per role.
enum Caller : std::size_t { none, team_member, access_assessor, evaluator, administrator };
constexpr std::size_t k_callers = 5;
constexpr std::array<const char*, k_callers> k_caller_names{"no token", "team_member (fysio)", "access_assessor (wij)",
                                                            "evaluator (onderzoeker)", "administrator (beheer)"};
constexpr std::array<const char*, k_callers> k_usernames{"", "fysio", "wij", "onderzoeker", "beheer"};
constexpr std::array<Role, k_callers - 1> k_roles{Role::team_member, Role::access_assessor, Role::evaluator,
                                                  Role::administrator};

constexpr int U = 401;  ///< refused: sign in first
constexpr int F = 403;  ///< refused: not for this role

/// One route with a concrete request for it, and what each caller must get: 401 or 403 for a
/// refusal, else the status of the allowed request.
struct Row {
    std::string method;
    std::string pattern;
    std::string path;
    std::array<int, k_callers> expect;
    std::string body = "";
    /// A caller's own body where the request changes state (a transition made twice is a 409).
    std::map<Caller, std::string> body_for = {};
    std::string content_type = "application/json";
};

std::string sppb_items()
{
    return R"({"balance_side_by_side": 10, "balance_semi_tandem": 10, "balance_tandem": 4.31,
               "gait_4m": [6.48, 6.20], "chair_stand_5x": 14.02})";
}

/// The matrix, in the order it runs: logout revokes the caller's token, so it comes last.
std::vector<Row> matrix(const Scenario& s)
{
    const std::string client = path_of("clients", s.client);
    const std::string trajectory = path_of("trajectories", s.trajectory);
    const std::string decision = path_of("decisions", s.decision);
    const std::string t = std::to_string(s.trajectory);
    return {
        {"GET", "/healthz", "/healthz", {200, 200, 200, 200, 200}},
        {"GET", "/", "/", {200, 200, 200, 200, 200}},
        {"GET", "/app/{file}", "/app/app.js", {200, 200, 200, 200, 200}},
        {"GET", "/metrics", "/metrics", {200, 200, 200, 200, 200}},
        {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", {200, 200, 200, 200, 200}},
        {"POST",
         "/api/v1/auth/login",
         "/api/v1/auth/login",
         {200, 200, 200, 200, 200},
         R"({"username": "fysio", "password": "fixture-password"})"},
        {"GET", "/api/v1/me", "/api/v1/me", {U, 200, 200, 200, 200}},
        {"GET", "/api/v1/instruments", "/api/v1/instruments", {U, 200, 200, 200, 200}},
        {"GET", "/api/v1/instruments/{instrument}", "/api/v1/instruments/sppb", {U, 200, 200, 200, 200}},
        {"GET", "/api/v1/policies", "/api/v1/policies", {U, 200, 200, 200, 200}},
        {"POST",
         "/api/v1/instruments/{instrument}/score",
         "/api/v1/instruments/sppb/score",
         {U, 200, 200, 200, 200},
         R"({"birth_date": "1942-04-01", "sex": "female", "test_date": ")" + s.today + R"(", "items": )" +
             sppb_items() + "}"},
        {"GET", "/api/v1/teams", "/api/v1/teams", {U, 200, 200, F, 200}},
        {"POST",
         "/api/v1/teams",
         "/api/v1/teams",
         {U, F, F, F, 201},
         R"({"municipality": "GM0014", "name": "Team Matrix"})"},
        {"GET", "/api/v1/teams/{id}/members", "/api/v1/teams/1/members", {U, 200, 200, F, 200}},
        {"POST",
         "/api/v1/teams/{id}/members",
         "/api/v1/teams/1/members",
         {U, F, F, F, 201},
         R"({"name": "M. Matrix", "discipline": "physiotherapist"})"},
        {"GET", "/api/v1/users", "/api/v1/users", {U, F, F, F, 200}},
        {"GET", "/api/v1/audit/verify", "/api/v1/audit/verify", {U, F, F, F, 200}},
        {"GET", "/api/v1/exports/{kind}", "/api/v1/exports/codebook", {U, F, F, 200, F}},
        // The evaluator's download is export run 1: the next row reads it.
        {"GET", "/api/v1/exports/{kind}/{file}", "/api/v1/exports/codebook/codebook.csv", {U, F, F, 200, F}},
        {"GET", "/api/v1/export-runs/{id}", "/api/v1/export-runs/1", {U, F, F, 200, F}},
        {"GET", "/api/v1/clients", "/api/v1/clients", {U, 200, 200, F, F}},
        {"POST",
         "/api/v1/clients",
         "/api/v1/clients",
         {U, F, 201, F, F},
         R"({"bsn": "123456770", "name": "Mevr. C. Matrix", "birth_date": "1938-07-01", "sex": "female",
             "area": "Oosterparkwijk"})"},
        {"GET", "/api/v1/clients/{id}", client, {U, 200, 200, F, F}},
        {"GET", "/api/v1/clients/{id}/access-log", client + "/access-log", {U, F, 200, F, 200}},
        {"GET", "/api/v1/clients/{id}/meldingen", client + "/meldingen", {U, F, 200, F, F}},
        {"GET", "/api/v1/meldingen", "/api/v1/meldingen", {U, F, 200, F, F}},
        {"POST",
         "/api/v1/clients/{id}/meldingen",
         client + "/meldingen",
         {U, F, 201, F, F},
         R"({"received_on": ")" + s.days_ago(20) + "\"}"},
        {"GET", "/api/v1/trajectories", "/api/v1/trajectories", {U, 200, 200, F, F}},
        {"POST",
         "/api/v1/trajectories",
         "/api/v1/trajectories",
         {U, F, 201, F, F},
         R"({"client_id": )" + std::to_string(s.spare_client) +
             R"(, "template_id": "groningen-14w-2y", "start_date": ")" + s.days_ago(7) + R"(", "member_ids": [)" +
             s.member_ids + "]}"},
        {"GET", "/api/v1/trajectories/{id}", trajectory, {U, 200, 200, F, F}},
        {"POST",
         "/api/v1/trajectories/{id}/transitions",
         trajectory + "/transitions",
         {U, 200, 200, F, F},
         R"({"to": "intake", "on": ")" + s.days_ago(13) + "\"}",
         {{team_member, R"({"to": "intake", "on": ")" + s.days_ago(13) + "\"}"},
          {access_assessor, R"({"to": "training", "on": ")" + s.days_ago(12) + "\"}"}}},
        {"GET", "/api/v1/trajectories/{id}/sessions", trajectory + "/sessions", {U, 200, 200, F, F}},
        {"POST",
         "/api/v1/trajectories/{id}/sessions",
         trajectory + "/sessions",
         {U, 201, F, F, F},
         R"({"date": ")" + s.days_ago(10) + R"(", "minutes": 45, "activities": ["stairs"]})"},
        {"POST",
         "/api/v1/trajectories/{id}/tests",
         trajectory + "/tests",
         {U, 201, F, F, F},
         R"({"occasion": "intake", "instrument": "sppb", "date": ")" + s.days_ago(13) + R"(", "items": )" +
             sppb_items() + "}"},
        {"POST",
         "/api/v1/trajectories/{id}/goals",
         trajectory + "/goals",
         {U, 201, F, F, F},
         R"({"problem": "Zelf de trap op", "importance": 8, "set_on": ")" + s.days_ago(13) + "\"}"},
        // After the test above: the trajectory has an SPPB result to plot.
        {"GET", "/api/v1/trajectories/{id}/plots/{instrument}", trajectory + "/plots/sppb", {U, 200, 200, F, F}},
        {"GET", "/api/v1/signals", "/api/v1/signals", {U, 200, 200, F, F}},
        {"GET", "/api/v1/agenda", "/api/v1/agenda", {U, 200, F, F, F}},
        {"POST",
         "/api/v1/imports/sessions",
         "/api/v1/imports/sessions",
         {U, 201, F, F, F},
         "trajectory,member,date,minutes\n" + t + "," + std::to_string(s.fysio_member) + "," + s.days_ago(9) + ",30\n",
         {},
         "text/csv"},
        {"POST",
         "/api/v1/clients/{id}/onderzoek",
         client + "/onderzoek",
         {U, F, 201, F, F},
         R"({"terminal": true, "date": ")" + s.today + "\"}"},
        {"GET", "/api/v1/clients/{id}/decisions", client + "/decisions", {U, F, 200, F, F}},
        {"POST",
         "/api/v1/clients/{id}/decisions",
         client + "/decisions",
         {U, F, 201, F, F},
         R"({"policy": "groningen-voluntary"})"},
        {"GET", "/api/v1/decisions/{id}", decision, {U, F, 200, F, F}},
        {"GET", "/api/v1/decisions/{id}/beschikking", decision + "/beschikking", {U, F, 200, F, F}},
        {"POST", "/api/v1/auth/logout", "/api/v1/auth/logout", {U, 204, 204, 204, 204}},
    };
}

/// A user of another team or another municipality asking for team 1's / GM0014's client data:
/// every one is refused with 403. `table` is what a write would have added to.
struct ScopeRow {
    Role role;  ///< team_member: fysio2 (team 2); access_assessor: wij2 (GM0363)
    std::string method;
    std::string pattern;
    std::string path;
    std::string body = "";
    std::string table = "";
    std::string content_type = "application/json";
};

std::vector<ScopeRow> scope_matrix(const Scenario& s)
{
    const std::string client = path_of("clients", s.client);
    const std::string trajectory = path_of("trajectories", s.trajectory);
    const std::string decision = path_of("decisions", s.decision);
    const std::string transition = R"({"to": "intake", "on": ")" + s.days_ago(13) + "\"}";
    const Role team = Role::team_member;
    const Role assessor = Role::access_assessor;
    return {
        {team, "GET", "/api/v1/clients/{id}", client},
        {team, "GET", "/api/v1/trajectories/{id}", trajectory},
        {team, "POST", "/api/v1/trajectories/{id}/transitions", trajectory + "/transitions", transition,
         "trajectory_transition"},
        {team, "GET", "/api/v1/trajectories/{id}/sessions", trajectory + "/sessions"},
        {team, "GET", "/api/v1/trajectories/{id}/plots/{instrument}", trajectory + "/plots/sppb"},
        {team, "POST", "/api/v1/trajectories/{id}/sessions", trajectory + "/sessions",
         R"({"date": ")" + s.days_ago(10) + R"(", "minutes": 45})", "session"},
        {team, "POST", "/api/v1/trajectories/{id}/tests", trajectory + "/tests",
         R"({"occasion": "intake", "instrument": "sppb", "date": ")" + s.days_ago(13) + R"(", "items": )" +
             sppb_items() + "}",
         "test_result"},
        {team, "POST", "/api/v1/trajectories/{id}/goals", trajectory + "/goals",
         R"({"problem": "Zelf de trap op", "importance": 8, "set_on": ")" + s.days_ago(13) + "\"}", "copm_goal"},
        // Body-named and query-named scope: a CSV row on team 1's trajectory, team 1's member's agenda.
        {team, "POST", "/api/v1/imports/sessions", "/api/v1/imports/sessions",
         "trajectory,member,date,minutes\n" + std::to_string(s.trajectory) + "," + std::to_string(s.fysio_member) +
             "," + s.days_ago(9) + ",30\n",
         "session", "text/csv"},
        {team, "GET", "/api/v1/agenda", "/api/v1/agenda?member=" + std::to_string(s.fysio_member)},

        {assessor, "GET", "/api/v1/clients/{id}", client},
        {assessor, "GET", "/api/v1/clients/{id}/access-log", client + "/access-log"},
        {assessor, "GET", "/api/v1/clients/{id}/meldingen", client + "/meldingen"},
        {assessor, "POST", "/api/v1/clients/{id}/meldingen", client + "/meldingen",
         R"({"received_on": ")" + s.days_ago(20) + "\"}", "melding"},
        {assessor, "POST", "/api/v1/trajectories", "/api/v1/trajectories",
         R"({"client_id": )" + std::to_string(s.spare_client) +
             R"(, "template_id": "groningen-14w-2y", "start_date": ")" + s.days_ago(7) + R"(", "member_ids": [)" +
             s.member_ids + "]}",
         "trajectory"},
        {assessor, "GET", "/api/v1/trajectories/{id}", trajectory},
        {assessor, "POST", "/api/v1/trajectories/{id}/transitions", trajectory + "/transitions", transition,
         "trajectory_transition"},
        {assessor, "GET", "/api/v1/trajectories/{id}/sessions", trajectory + "/sessions"},
        {assessor, "GET", "/api/v1/trajectories/{id}/plots/{instrument}", trajectory + "/plots/sppb"},
        {assessor, "POST", "/api/v1/clients/{id}/onderzoek", client + "/onderzoek",
         R"({"terminal": true, "date": ")" + s.today + "\"}", "onderzoek"},
        {assessor, "GET", "/api/v1/clients/{id}/decisions", client + "/decisions"},
        {assessor, "POST", "/api/v1/clients/{id}/decisions", client + "/decisions",
         R"({"policy": "groningen-voluntary"})", "decision"},
        {assessor, "GET", "/api/v1/decisions/{id}", decision},
        {assessor, "GET", "/api/v1/decisions/{id}/beschikking", decision + "/beschikking"},
    };
}

std::string key(const std::string& method, const std::string& pattern) { return method + " " + pattern; }

/// The tables a refused request must leave alone (audit_event may gain a denied line; auth_token
/// gains a row at every login).
const std::vector<std::string> k_data_tables{"client",   "melding",     "trajectory", "trajectory_transition",
                                             "session",  "test_result", "copm_goal",  "onderzoek",
                                             "decision", "team",        "member",     "app_user"};

std::map<std::string, std::int64_t> data_counts(const TestServer& server)
{
    std::map<std::string, std::int64_t> out;
    for (const std::string& table : k_data_tables) out[table] = count_rows(server.database(), table);
    return out;
}

}  // namespace

TEST_CASE("the role matrix has one row for every route, and its refusals are the routes' roles")
{
    const reable::server::Router router = reable::server::build_router();
    const Scenario ids{1, 2, 3, 4, 5, "5", "2026-11-09", "2026-11-23"};
    std::set<std::string> routed;
    for (const reable::server::Route& r : router.routes()) routed.insert(key(r.method, r.pattern));
    std::set<std::string> tabled;
    for (const Row& row : matrix(ids)) {
        INFO(row.method << " " << row.pattern);
        CHECK_MESSAGE(tabled.insert(key(row.method, row.pattern)).second, "two rows for one route");
        // The concrete request reaches the route it stands for.
        std::vector<std::string> allowed;
        const auto match = router.match(row.method, row.path.substr(0, row.path.find('?')), allowed);
        REQUIRE_MESSAGE(match.has_value(), "no route for " << row.method << " " << row.path);
        const reable::server::Route& route = *match->route;
        CHECK(route.pattern == row.pattern);
        // What the table expects, caller by caller, is what the route's roles say.
        CHECK_MESSAGE((row.expect[none] == U) == route.authenticated, "no token");
        for (std::size_t c = team_member; c < k_callers; ++c) {
            INFO(k_caller_names[c]);
            const bool may = !route.authenticated || route.roles.count(k_roles[c - 1]) > 0;
            CHECK((row.expect[c] == F) != may);
            CHECK(row.expect[c] != U);
        }
    }
    for (const std::string& r : routed) CHECK_MESSAGE(tabled.count(r) == 1, "no row in the role matrix for " << r);
    for (const std::string& r : tabled) CHECK_MESSAGE(routed.count(r) == 1, "a row for a route that is gone: " << r);
    CHECK(tabled.size() == router.routes().size());

    // Every route on one client's data has a scope row for each care role it admits.
    std::set<std::string> scoped;
    for (const ScopeRow& row : scope_matrix(ids))
        scoped.insert(std::to_string(static_cast<int>(row.role)) + key(row.method, row.pattern));
    for (const reable::server::Route& r : router.routes()) {
        if (r.audit_data.empty() || r.pattern.find('{') == std::string::npos) continue;
        for (const Role role : {Role::team_member, Role::access_assessor}) {
            if (!r.roles.count(role)) continue;
            INFO(r.method << " " << r.pattern << " for " << to_string(role));
            CHECK_MESSAGE(scoped.count(std::to_string(static_cast<int>(role)) + key(r.method, r.pattern)) == 1,
                          "no scope row");
        }
    }
}

TEST_CASE("every route refuses the callers its roles exclude and serves the ones they include")
{
    TestServer server;
    std::array<std::string, k_callers> tokens;
    for (std::size_t c = team_member; c < k_callers; ++c) tokens[c] = server.login(k_usernames[c]);
    const Scenario s = make_scenario(server, tokens[access_assessor]);

    const reable::server::Router router = reable::server::build_router();
    const std::vector<Row> rows = matrix(s);
    std::size_t pairs = 0;
    for (const Row& row : rows) {
        std::vector<std::string> allowed;
        const auto match = router.match(row.method, row.path.substr(0, row.path.find('?')), allowed);
        REQUIRE(match.has_value());
        const bool writes = match->route->writes;
        for (std::size_t c = none; c < k_callers; ++c) {
            const Caller caller = static_cast<Caller>(c);
            const auto own = row.body_for.find(caller);
            const std::string& body = own == row.body_for.end() ? row.body : own->second;
            const int expected = row.expect[c];
            const bool refused = expected == U || expected == F;
            const auto before = refused && writes ? data_counts(server) : std::map<std::string, std::int64_t>{};

            const HttpResult r = server.request(row.method, row.path, body, tokens[c], row.content_type);
            ++pairs;
            INFO(row.method << " " << row.path << " as " << k_caller_names[c] << " -> " << r.status << " " << r.body);
            CHECK(r.status == expected);
            if (refused) {
                CHECK(r.content_type == "application/problem+json");
                if (expected == U) CHECK(r.headers.count("WWW-Authenticate") == 1);
                if (writes) CHECK(data_counts(server) == before);
            }
        }
    }
    CHECK(pairs == rows.size() * k_callers);
    CHECK(pairs == router.routes().size() * k_callers);
    // Logged out: the tokens are spent.
    for (std::size_t c = team_member; c < k_callers; ++c) CHECK(server.get("/api/v1/me", tokens[c]).status == U);
}

TEST_CASE("a team member of another team and an assessor of another municipality are refused the client with 403")
{
    TestServer server;
    const Scenario s = make_scenario(server, server.login("wij"));
    const std::string fysio2 = server.login("fysio2");
    const std::string wij2 = server.login("wij2");

    for (const ScopeRow& row : scope_matrix(s)) {
        const std::string& token = row.role == Role::team_member ? fysio2 : wij2;
        const std::int64_t before = row.table.empty() ? 0 : count_rows(server.database(), row.table);
        const HttpResult r = server.request(row.method, row.path, row.body, token, row.content_type);
        INFO(row.method << " " << row.path << " as " << (row.role == Role::team_member ? "fysio2" : "wij2") << " -> "
                        << r.status << " " << r.body);
        CHECK(r.status == F);
        CHECK(r.content_type == "application/problem+json");
        if (!row.table.empty()) CHECK(count_rows(server.database(), row.table) == before);
    }

    // Lists are scoped: nothing of GM0014 for wij2, nothing of the client for fysio2.
    const std::string client = std::to_string(s.client);
    for (const char* path : {"/api/v1/clients", "/api/v1/trajectories", "/api/v1/meldingen?open=false"}) {
        const HttpResult r = server.get(path, wij2);
        INFO(path << " as wij2: " << r.body);
        REQUIRE(r.status == 200);
        CHECK(r.json()->getValue<int>("total") == 0);
    }
    const HttpResult signals = server.get("/api/v1/signals", wij2);
    REQUIRE(signals.status == 200);
    CHECK(signals.json()->getArray("items")->size() == 0);
    const HttpResult trajectories = server.get("/api/v1/trajectories?client=" + client, fysio2);
    REQUIRE(trajectories.status == 200);
    CHECK(trajectories.json()->getValue<int>("total") == 0);
    const HttpResult clients = server.get("/api/v1/clients?limit=500", fysio2);
    REQUIRE(clients.status == 200);
    const auto items = clients.json()->getArray("items");
    CHECK(items->size() > 0);  // team 2 does have clients
    for (unsigned i = 0; i < items->size(); ++i) CHECK(items->getObject(i)->getValue<std::int64_t>("id") != s.client);
}
