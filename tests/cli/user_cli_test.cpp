// `reable user …`, `reable audit …` and `reable demo users` through the real binary. Passwords go in
// on standard input, as a script would give them. Each PBKDF2 hash costs a quarter of a second, so
// only a few commands here hash.

#include "reable/domain/audit.hpp"
#include "reable/security/crypto.hpp"
#include "run_cli.hpp"
#include "storage/storage_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace reable;
using reable::testing::CliResult;
using reable::testing::raw_sql;
using reable::testing::run_cli;
using reable::testing::Scratch;
using reable::testing::StorageFixture;

namespace {

/// A migrated database with a municipality (GM0014), team 1 "Team Oost" and its four members
/// (the physiotherapist is member 2), used through the binary.
struct Cli : StorageFixture {
    std::string db_arg = path.string();
    CliResult run(std::vector<std::string> args, const std::string& input = "") const
    {
        args.insert(args.end(), {"--db", db_arg});
        return run_cli(args, input);
    }
    std::vector<domain::AuditEvent> events() const { return db->read()->audit().after(0, 1000); }
    /// Appends `n` events about `client` (or none) directly, as the web service would.
    void append_events(int n, std::optional<domain::ClientId> client = std::nullopt,
                       const std::string& username = "fysio") const
    {
        auto work = db->write();
        for (int i = 0; i < n; ++i) {
            domain::AuditEvent e;
            e.at = "2026-11-23T09:15:0" + std::to_string(i) + ".000Z";
            e.user = domain::UserId{1};
            e.username = username;
            e.user_role = "team_member";
            e.on_behalf_of = username;
            e.client = client;
            e.action = i == 0 ? domain::AuditAction::read : domain::AuditAction::update;
            e.data = i == 0 ? "client" : "trajectory";
            e.resource = i == 0 ? "GET /api/v1/clients/{id}" : "PATCH /api/v1/trajectories/{id}";
            e.basis = "team_member: physiotherapist of team 1";
            work->audit().append(e);
        }
        work->commit();
    }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string k_genesis(domain::k_audit_genesis);

}  // namespace

TEST_CASE("user add reads the password from standard input, and list shows the user but never the hash")
{
    const Cli c;
    const auto added =
        c.run({"user", "add", "fysio", "--name", "Fenna Bakker", "--role", "team_member", "--member", "2"},
              "correct horse battery\n");
    CHECK(added.exit_code == 0);
    CHECK(added.err == "");
    CHECK(added.out == "user 1 fysio added\n");

    const auto list = c.run({"user", "list"});
    CHECK(list.exit_code == 0);
    CHECK(list.out == "username  name          role         scope                                active\n"
                      "fysio     Fenna Bakker  team_member  physiotherapist, team 1 (Team Oost)  yes\n");
    CHECK_FALSE(contains(list.out, "pbkdf2"));

    // The password is the line without its line ending, and nothing else.
    const auto stored = c.db->read()->users().by_username("fysio");
    REQUIRE(stored);
    CHECK(stored->password_hash.rfind("pbkdf2-sha256$600000$", 0) == 0);
    CHECK(security::verify_password("correct horse battery", stored->password_hash));

    const std::vector<domain::AuditEvent> log = c.events();
    REQUIRE(log.size() == 1);
    CHECK(log[0].username.rfind("os:", 0) == 0);
    CHECK(log[0].username.size() > 3);
    CHECK(log[0].on_behalf_of == log[0].username);
    CHECK_FALSE(log[0].user.has_value());
    CHECK(log[0].user_role == "operator");
    CHECK(log[0].basis == "local command line");
    CHECK(log[0].action == domain::AuditAction::admin);
    CHECK(log[0].data == "user");
    CHECK(log[0].resource == "cli: user add fysio");
    CHECK(log[0].result == domain::AuditResult::success);
    CHECK_FALSE(log[0].client.has_value());
}

TEST_CASE("user add refuses a taken username, a bad role, a missing member or password, and writes nothing")
{
    const Cli c;
    {
        auto work = c.db->write();
        domain::User u;
        u.username = "fysio";
        u.display_name = "Fenna Bakker";
        u.role = domain::Role::administrator;
        u.password_hash = "pbkdf2-sha256$1$c2FsdA==$aGFzaA==";
        u.created_at = "2026-11-23T09:00:00.000Z";
        work->users().add(u);
        work->commit();
    }
    const auto duplicate =
        c.run({"user", "add", "fysio", "--name", "Other", "--role", "evaluator"}, "correct horse battery\n");
    CHECK(duplicate.exit_code == 75);
    CHECK(duplicate.err == "reable: username: \"fysio\" is already taken\n");

    const auto role = c.run({"user", "add", "piet", "--name", "Piet", "--role", "boss"}, "correct horse battery\n");
    CHECK(role.exit_code == 65);
    CHECK(role.err ==
          "reable: role: \"boss\" is not allowed; allowed: team_member, access_assessor, evaluator, administrator\n");

    // The line ending is dropped, a CRLF too: "short" has 5 characters.
    const auto several = c.run(
        {"user", "add", "piet", "--name", "Piet", "--role", "team_member", "--municipality", "GM0014"}, "short\r\n");
    CHECK(several.exit_code == 65);
    CHECK(several.err == "reable: 3 problems in the user\n"
                         "  member: a team member needs the id of their team member record (--member)\n"
                         "  municipality: only an access_assessor is bound to a municipality\n"
                         "  password: has 5 characters; at least 10 are required\n");

    const auto empty = c.run({"user", "add", "piet", "--name", "Piet", "--role", "evaluator"});
    CHECK(empty.exit_code == 65);
    CHECK(contains(empty.err, "reable: password: standard input is empty; give the password on one line"));

    const auto no_role = c.run({"user", "add", "piet", "--name", "Piet"}, "correct horse battery\n");
    CHECK(no_role.exit_code == 64);
    CHECK(contains(no_role.err, "--role is required"));

    CHECK(c.db->read()->users().list().size() == 1);
    CHECK(c.events().empty());
}

TEST_CASE("user passwd and user disable revoke the tokens, say how many, and are audited")
{
    const Cli c;
    {
        auto work = c.db->write();
        domain::User u;
        u.username = "fysio";
        u.display_name = "Fenna Bakker";
        u.role = domain::Role::team_member;
        u.member = c.physio;
        u.password_hash = "pbkdf2-sha256$1$c2FsdA==$aGFzaA==";
        u.created_at = "2026-11-23T09:00:00.000Z";
        const domain::UserId id = work->users().add(u);
        // Two live tokens until far in the future.
        for (const char* digest : {"a", "b"})
            work->users().add_token({std::string(63, '0') + digest, id, "2026-11-23T09:00:00.000Z",
                                     "2999-01-01T00:00:00.000Z", std::nullopt});
        work->commit();
    }
    const auto passwd = c.run({"user", "passwd", "fysio"}, "a long new password\n");
    CHECK(passwd.exit_code == 0);
    CHECK(passwd.out == "password of fysio changed; 2 tokens revoked\n");
    CHECK(security::verify_password("a long new password", c.db->read()->users().by_username("fysio")->password_hash));

    const auto weak = c.run({"user", "passwd", "fysio"}, "short\n");
    CHECK(weak.exit_code == 65);
    CHECK(weak.err == "reable: password: has 5 characters; at least 10 are required\n");
    const auto unknown = c.run({"user", "passwd", "nobody"}, "a long new password\n");
    CHECK(unknown.exit_code == 66);
    CHECK(unknown.err == "reable: no user \"nobody\"\n");

    const auto disable = c.run({"user", "disable", "fysio"});
    CHECK(disable.exit_code == 0);
    CHECK(disable.out == "user fysio disabled; 0 tokens revoked\n");
    CHECK(contains(c.run({"user", "list"}).out, "physiotherapist, team 1 (Team Oost)  no\n"));
    CHECK(c.run({"user", "disable", "nobody"}).exit_code == 66);

    const std::vector<domain::AuditEvent> log = c.events();
    REQUIRE(log.size() == 2);
    CHECK(log[0].resource == "cli: user passwd fysio");
    CHECK(log[1].resource == "cli: user disable fysio");
    const auto verify = c.run({"audit", "verify"});
    CHECK(verify.exit_code == 0);
    CHECK(verify.out == "audit log intact: 2 events, head " + log[1].hash + "\n");
}

TEST_CASE("audit verify: intact on a fresh database, and after tampering it fails and names the event")
{
    const Cli c;
    const auto fresh = c.run({"audit", "verify"});
    CHECK(fresh.exit_code == 0);
    CHECK(fresh.out == "audit log intact: 0 events, head " + k_genesis + "\n");

    c.append_events(4);
    const auto intact = c.run({"audit", "verify"});
    CHECK(intact.exit_code == 0);
    const std::string head = c.events().back().hash;
    CHECK(intact.out == "audit log intact: 4 events, head " + head + "\n");
    CHECK(c.run({"audit", "verify", "--expect-head", head}).exit_code == 0);

    // Behind the program's back: the triggers dropped, then one field changed or the last row removed.
    raw_sql(c.path, "DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;");
    SUBCASE("an altered event")
    {
        raw_sql(c.path, "UPDATE audit_event SET resource = 'GET /api/v1/nothing' WHERE id = 2");
        const auto broken = c.run({"audit", "verify"});
        CHECK(broken.exit_code == 1);
        CHECK(broken.out == "");
        CHECK(broken.err == "audit log BROKEN at event 2: event 2 was altered: its hash does not match its fields\n");
    }
    SUBCASE("a removed event in the middle")
    {
        raw_sql(c.path, "DELETE FROM audit_event WHERE id = 3");
        const auto broken = c.run({"audit", "verify"});
        CHECK(broken.exit_code == 1);
        CHECK(broken.err == "audit log BROKEN at event 3: event 3 is missing (the next is 4)\n");
    }
    SUBCASE("the newest event removed: found only with the head recorded earlier")
    {
        raw_sql(c.path, "DELETE FROM audit_event WHERE id = 4");
        CHECK(c.run({"audit", "verify"}).exit_code == 0);
        const auto cut = c.run({"audit", "verify", "--expect-head", head});
        CHECK(cut.exit_code == 1);
        CHECK(cut.err == "audit log BROKEN at event 3: the expected head " + head +
                             " is not in the log: events at its end were removed\n");
    }
}

TEST_CASE("audit verify refuses a malformed head, and the triggers refuse changes")
{
    const Cli c;
    const auto bad = c.run({"audit", "verify", "--expect-head", "abc"});
    CHECK(bad.exit_code == 64);
    CHECK(contains(bad.err, "\"abc\" is not a head hash; expected 64 lower-case hexadecimal characters"));
    c.append_events(1);
    CHECK_THROWS_WITH(raw_sql(c.path, "UPDATE audit_event SET data = 'x'"),
                      "raw SQL failed: the audit log is append-only");
    CHECK(c.run({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("audit show lists a client's access log, newest first, and logs the look itself")
{
    Cli c;
    domain::ClientId client, other;
    {
        auto work = c.db->write();
        client = c.add_client(*work, 0);
        other = c.add_client(*work, 1);
        work->commit();
    }
    CHECK(c.run({"audit", "show", "--client", "1"}).out == "Access log of client 1: no events\n");
    c.append_events(2, client);
    c.append_events(1, other, "ergo");

    const auto shown = c.run({"audit", "show", "--client", "1"});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out.rfind("Access log of client 1: 3 of 3 events, newest first\n\n", 0) == 0);
    // Newest first: the update, the read, then the first (empty) show, which was logged too.
    const std::string table = shown.out.substr(shown.out.find("\n\n") + 2);
    const auto at = [&](const std::string& part) { return table.find(part); };
    CHECK(at("when (UTC)") < at("PATCH /api/v1/trajectories/{id}"));
    CHECK(at("PATCH /api/v1/trajectories/{id}") < at("GET /api/v1/clients/{id}"));
    CHECK(at("GET /api/v1/clients/{id}") < at("cli: audit show"));
    CHECK(at("cli: audit show") != std::string::npos);
    CHECK_FALSE(contains(table, "ergo"));  // another client's event
    const std::string me = c.events().front().username;
    REQUIRE(me.rfind("os:", 0) == 0);
    const std::string show_line = table.substr(table.rfind('\n', table.size() - 2) + 1);
    CHECK(show_line.rfind("  20", 0) == 0);  // the time, in UTC
    CHECK(contains(show_line, "  " + me + "  "));
    CHECK(contains(show_line, "  operator  "));
    CHECK(contains(show_line, "  read  "));
    CHECK(contains(show_line, "  access_log  "));
    CHECK(contains(show_line, "  success\n"));

    const auto limited = c.run({"audit", "show", "--client", "1", "--limit", "1"});
    CHECK(limited.exit_code == 0);
    CHECK(limited.out.rfind("Access log of client 1: 1 of 4 events, newest first\n\n", 0) == 0);

    const auto missing = c.run({"audit", "show", "--client", "99"});
    CHECK(missing.exit_code == 66);
    CHECK(c.run({"audit", "show", "--client", "1", "--limit", "0"}).exit_code == 64);
    // Each show that ran was logged against the client (3 shows and 2 events), and the chain holds.
    CHECK(c.db->read()->audit().for_client(client, {0, 100}).total == 5);
    CHECK(c.run({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("demo users: one per role on a seeded database, once, and refused on a database without the demo teams")
{
    Scratch scratch;
    const std::string db = scratch.path("demo.db").string();
    const auto run = [&](std::vector<std::string> args) {
        args.insert(args.end(), {"--db", db, "--today", "2026-11-23"});
        return run_cli(args);
    };
    REQUIRE(run({"db", "migrate"}).exit_code == 0);
    const auto unseeded = run({"demo", "users"});
    CHECK(unseeded.exit_code == 75);
    CHECK(unseeded.err == "reable: the demo users belong to the demo teams, which this database does not have; seed "
                          "the demo data first (reable demo seed)\n");

    REQUIRE(run({"demo", "seed", "--clients", "3"}).exit_code == 0);
    const auto users = run({"demo", "users"});
    CHECK(users.exit_code == 0);
    CHECK(users.out == "demo users added (for demonstrations only: the password is public)\n\n"
                       "  username         role             scope                                password\n"
                       "  beheer           administrator    -                                    reable-demo\n"
                       "  fysio            team_member      physiotherapist, team 1 (WIJ Oost)   reable-demo\n"
                       "  ergo             team_member      ergotherapist, team 1 (WIJ Oost)     reable-demo\n"
                       "  hulp             team_member      household_helper, team 1 (WIJ Oost)  reable-demo\n"
                       "  maatschappelijk  team_member      social_worker, team 1 (WIJ Oost)     reable-demo\n"
                       "  wij              access_assessor  GM0014                               reable-demo\n"
                       "  onderzoeker      evaluator        -                                    reable-demo\n"
                       "  fysio2           team_member      physiotherapist, team 2 (WIJ West)   reable-demo\n");

    const auto list = run({"user", "list"});
    CHECK(list.exit_code == 0);
    CHECK(std::count(list.out.begin(), list.out.end(), '\n') == 9);  // header and 8 users

    const auto again = run({"demo", "users"});
    CHECK(again.exit_code == 75);
    CHECK(again.err == "reable: the demo users exist already (beheer, fysio, ergo, hulp, maatschappelijk, wij, "
                       "onderzoeker, fysio2); they are added only once\n");

    const auto verify = run({"audit", "verify"});
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.rfind("audit log intact: 8 events, head ", 0) == 0);
}
