// Users and tokens, the hash-chained audit log and its verification, and the paged, filtered
// client and trajectory lists, through the SQLite repositories on real files.

#include "reable/app/audit_service.hpp"
#include "reable/domain/bsn.hpp"
#include "reable/error.hpp"
#include "storage_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace reable;
using namespace reable::domain;
using reable::testing::error_of;
using reable::testing::raw_sql;
using reable::testing::StorageFixture;
using reable::testing::test_bsn;

namespace {

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

/// A syntactically valid stored hash; the repositories never look inside it, so the tests do not
/// spend 600,000 PBKDF2 iterations per user.
constexpr const char* k_fake_hash = "pbkdf2-sha256$1$c2FsdA==$aGFzaA==";

User user_named(const std::string& username, Role role)
{
    User u;
    u.username = username;
    u.display_name = "Display " + username;
    u.role = role;
    u.password_hash = k_fake_hash;
    u.created_at = "2026-11-23T09:00:00.000Z";
    return u;
}

User team_member(const std::string& username, MemberId member)
{
    User u = user_named(username, Role::team_member);
    u.member = member;
    return u;
}

TokenRecord token(const std::string& seed, UserId user, const char* expires_at = "2026-11-23T17:00:00.000Z")
{
    return {std::string(64 - seed.size(), '0') + seed, user, "2026-11-23T09:00:00.000Z", expires_at, std::nullopt};
}

AuditEvent event(const std::string& username, std::optional<ClientId> client, const char* data = "client")
{
    AuditEvent e;
    e.at = "2026-11-23T09:15:02.118Z";
    e.username = username;
    e.user_role = "team_member";
    e.on_behalf_of = username;
    e.client = client;
    e.action = AuditAction::read;
    e.data = data;
    e.resource = "GET /api/v1/clients/{id}";
    e.basis = "team_member: physiotherapist of team 1";
    return e;
}

/// A fixture with five events in the log (event 2 and 4 about client 1).
struct AuditFixture : StorageFixture {
    ClientId client;
    std::vector<AuditEvent> appended;
    AuditFixture()
    {
        auto work = db->write();
        client = add_client(*work);
        for (int i = 1; i <= 5; ++i)
            appended.push_back(work->audit().append(
                event("user" + std::to_string(i), i % 2 == 0 ? std::optional(client) : std::nullopt)));
        work->commit();
    }
    /// Drops the append-only triggers, as someone editing the file directly would.
    void drop_triggers() const
    {
        raw_sql(path, "DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;");
    }
};

std::string verdict(const app::AuditVerification& v)
{
    return v.intact ? "intact, " + std::to_string(v.events) + " events"
                    : "broken at " + std::to_string(v.first_bad) + ": " + v.problem;
}

}  // namespace

TEST_CASE("users: added, found by id and by username, listed by username, and a taken username is a conflict")
{
    StorageFixture f;
    auto work = f.db->write();
    User fysio = team_member("fysio", f.physio);
    User wij = user_named("wij", Role::access_assessor);
    wij.municipality = f.groningen;
    const UserId fysio_id = work->users().add(fysio);
    const UserId wij_id = work->users().add(wij);
    const UserId admin_id = work->users().add(user_named("beheer", Role::administrator));
    CHECK(fysio_id.value == 1);
    CHECK(admin_id.value == 3);

    const std::optional<User> found = work->users().find(fysio_id);
    REQUIRE(found);
    CHECK(found->username == "fysio");
    CHECK(found->display_name == "Display fysio");
    CHECK(found->role == Role::team_member);
    CHECK(found->member == f.physio);
    CHECK_FALSE(found->municipality.has_value());
    CHECK(found->password_hash == k_fake_hash);
    CHECK(found->active);
    CHECK(found->created_at == "2026-11-23T09:00:00.000Z");

    const std::optional<User> assessor = work->users().by_username("wij");
    REQUIRE(assessor);
    CHECK(assessor->id == wij_id);
    CHECK(assessor->role == Role::access_assessor);
    CHECK(assessor->municipality == f.groningen);
    CHECK_FALSE(work->users().by_username("nobody").has_value());
    CHECK_FALSE(work->users().find(UserId{99}).has_value());

    std::vector<std::string> names;
    for (const User& u : work->users().list()) names.push_back(u.username);
    CHECK(names == std::vector<std::string>{"beheer", "fysio", "wij"});

    CHECK(error_of([&] {
              work->users().add(user_named("beheer", Role::evaluator));
          }).rfind("conflict: writing to the database: UNIQUE constraint failed: app_user.username", 0) == 0);

    work->users().set_active(fysio_id, false);
    work->users().set_password(fysio_id, "pbkdf2-sha256$2$bmV3$bmV3");
    CHECK_FALSE(work->users().find(fysio_id)->active);
    CHECK(work->users().find(fysio_id)->password_hash == "pbkdf2-sha256$2$bmV3$bmV3");
}

TEST_CASE("users: the database refuses what the roles do not allow, even from a buggy service")
{
    StorageFixture f;
    auto work = f.db->write();
    User u = user_named("someone", Role::team_member);
    SUBCASE("a team member without a member record") {}
    SUBCASE("an access assessor without a municipality") { u.role = Role::access_assessor; }
    SUBCASE("an administrator bound to a member")
    {
        u.role = Role::administrator;
        u.member = f.physio;
    }
    SUBCASE("an evaluator bound to a municipality")
    {
        u.role = Role::evaluator;
        u.municipality = f.groningen;
    }
    SUBCASE("a username with capitals") { u = team_member("Fysio", f.physio); }
    SUBCASE("a password that is not a PBKDF2 hash")
    {
        u = team_member("fysio", f.physio);
        u.password_hash = "plain-text";
    }
    SUBCASE("a member that does not exist") { u = team_member("fysio", MemberId{999}); }
    CHECK(error_of([&] { work->users().add(u); }).rfind("conflict: writing to the database: ", 0) == 0);
    CHECK(work->users().list().empty());
}

TEST_CASE("tokens: stored by digest, revoked one at a time or all live ones of a user")
{
    StorageFixture f;
    auto work = f.db->write();
    const UserId fysio = work->users().add(team_member("fysio", f.physio));
    const UserId other = work->users().add(user_named("beheer", Role::administrator));
    work->users().add_token(token("a1", fysio));
    work->users().add_token(token("a2", fysio));
    work->users().add_token(token("a3", fysio, "2026-11-23T10:00:00.000Z"));  // expires at 10:00
    work->users().add_token(token("b1", other));

    const std::optional<TokenRecord> a1 = work->users().token(token("a1", fysio).digest);
    REQUIRE(a1);
    CHECK(a1->user == fysio);
    CHECK(a1->issued_at == "2026-11-23T09:00:00.000Z");
    CHECK(a1->expires_at == "2026-11-23T17:00:00.000Z");
    CHECK_FALSE(a1->revoked_at.has_value());
    CHECK_FALSE(work->users().token(std::string(64, 'f')).has_value());

    work->users().revoke_token(token("a1", fysio).digest, "2026-11-23T11:00:00.000Z");
    CHECK(work->users().token(token("a1", fysio).digest)->revoked_at == "2026-11-23T11:00:00.000Z");
    // Revoking again keeps the first time.
    work->users().revoke_token(token("a1", fysio).digest, "2026-11-23T12:00:00.000Z");
    CHECK(work->users().token(token("a1", fysio).digest)->revoked_at == "2026-11-23T11:00:00.000Z");

    // At 11:00 only a2 is live: a1 is revoked, a3 has expired, b1 is someone else's.
    CHECK(work->users().revoke_tokens(fysio, "2026-11-23T11:00:00.000Z") == 1);
    CHECK(work->users().token(token("a2", fysio).digest)->revoked_at == "2026-11-23T11:00:00.000Z");
    CHECK_FALSE(work->users().token(token("a3", fysio).digest)->revoked_at.has_value());
    CHECK_FALSE(work->users().token(token("b1", other).digest)->revoked_at.has_value());
    CHECK(work->users().revoke_tokens(fysio, "2026-11-23T11:30:00.000Z") == 0);

    // The database refuses a token that expires before it is issued, and a digest of the wrong length.
    CHECK(error_of([&] {
              work->users().add_token(token("c1", fysio, "2026-11-23T08:00:00.000Z"));
          }).rfind("conflict: ", 0) == 0);
    TokenRecord short_digest = token("c2", fysio);
    short_digest.digest = "abc";
    CHECK(error_of([&] { work->users().add_token(short_digest); }).rfind("conflict: ", 0) == 0);
}

TEST_CASE("audit: append numbers the events 1..n and chains each to the hash of the one before")
{
    AuditFixture f;
    REQUIRE(f.appended.size() == 5);
    for (std::size_t i = 0; i < f.appended.size(); ++i) {
        const AuditEvent& e = f.appended[i];
        CAPTURE(i);
        CHECK(e.id == static_cast<std::int64_t>(i) + 1);
        CHECK(e.prev_hash == (i == 0 ? std::string(k_audit_genesis) : f.appended[i - 1].hash));
        CHECK(e.hash == audit_hash(e));
        CHECK(e.hash.size() == 64);
    }
    auto work = f.db->read();
    CHECK(work->audit().count() == 5);
    const std::vector<AuditEvent> stored = work->audit().after(0, 100);
    REQUIRE(stored.size() == 5);
    // Read back field for field: the stored event hashes to its stored hash.
    for (const AuditEvent& e : stored) CHECK(audit_hash(e) == e.hash);
    CHECK(stored[1].username == "user2");
    CHECK(stored[1].client == f.client);
    CHECK_FALSE(stored[0].client.has_value());
    CHECK(stored[1].basis == "team_member: physiotherapist of team 1");
    CHECK(work->audit().after(3, 1).at(0).id == 4);

    const storage::PageOf<AuditEvent> page = work->audit().for_client(f.client, {0, 1});
    CHECK(page.total == 2);
    REQUIRE(page.items.size() == 1);
    CHECK(page.items[0].id == 4);  // newest first
    CHECK(work->audit().for_client(f.client, {1, 10}).items.at(0).id == 2);
}

TEST_CASE("audit: every field is covered by the hash")
{
    AuditEvent base = event("fysio", ClientId{1});
    base.id = 7;
    base.prev_hash = std::string(k_audit_genesis);
    const std::string h = audit_hash(base);
    std::vector<AuditEvent> changed(14, base);
    changed[0].id = 8;
    changed[1].at = "2026-11-23T09:15:02.119Z";
    changed[2].user = UserId{1};
    changed[3].username = "fysio2";
    changed[4].user_role = "evaluator";
    changed[5].on_behalf_of = "someone";
    changed[6].client = ClientId{2};
    changed[7].action = AuditAction::update;
    changed[8].data = "trajectory";
    changed[9].resource = "GET /api/v1/trajectories/{id}";
    changed[10].result = AuditResult::denied;
    changed[11].basis = "access_assessor";
    changed[12].emergency = true;
    changed[13].prev_hash = std::string(64, '1');
    for (std::size_t i = 0; i < changed.size(); ++i) {
        CAPTURE(i);
        CHECK(audit_hash(changed[i]) != h);
    }
    // The field separators are unambiguous: moving text between neighbouring fields changes the hash.
    AuditEvent shifted = base;
    shifted.username = "fysi";
    shifted.user_role = "oteam_member";
    CHECK(audit_hash(shifted) != h);
}

TEST_CASE("audit: the triggers refuse UPDATE and DELETE on the log")
{
    AuditFixture f;
    CHECK_THROWS_WITH(raw_sql(f.path, "UPDATE audit_event SET data = 'nothing' WHERE id = 2"),
                      "raw SQL failed: the audit log is append-only");
    CHECK_THROWS_WITH(raw_sql(f.path, "DELETE FROM audit_event WHERE id = 5"),
                      "raw SQL failed: the audit log is append-only");
    CHECK(f.db->read()->audit().count() == 5);
    CHECK(verdict(app::verify_audit(*f.db)) == "intact, 5 events");
}

TEST_CASE("audit: verify finds an altered, a removed or a reordered event, and a cut-off tail with the head")
{
    AuditFixture f;
    const app::AuditVerification before = app::verify_audit(*f.db);
    CHECK(verdict(before) == "intact, 5 events");
    CHECK(before.head == f.appended[4].hash);
    CHECK(verdict(app::verify_audit(*f.db, f.appended[4].hash)) == "intact, 5 events");
    CHECK(verdict(app::verify_audit(*f.db, f.appended[2].hash)) == "intact, 5 events");
    f.drop_triggers();

    SUBCASE("a field of event 2 altered")
    {
        raw_sql(f.path, "UPDATE audit_event SET username = 'someone-else' WHERE id = 2");
        CHECK(verdict(app::verify_audit(*f.db)) ==
              "broken at 2: event 2 was altered: its hash does not match its fields");
    }
    SUBCASE("event 2 altered with its own hash recomputed: the next event no longer chains")
    {
        AuditEvent e = f.appended[1];
        e.username = "someone-else";
        raw_sql(f.path,
                "UPDATE audit_event SET username = 'someone-else', hash = '" + audit_hash(e) + "' WHERE id = 2");
        CHECK(verdict(app::verify_audit(*f.db)) == "broken at 3: event 3 does not chain to its predecessor");
    }
    SUBCASE("event 3 removed")
    {
        raw_sql(f.path, "DELETE FROM audit_event WHERE id = 3");
        CHECK(verdict(app::verify_audit(*f.db)) == "broken at 3: event 3 is missing (the next is 4)");
    }
    SUBCASE("the first event removed")
    {
        raw_sql(f.path, "DELETE FROM audit_event WHERE id = 1");
        CHECK(verdict(app::verify_audit(*f.db)) == "broken at 1: event 1 is missing (the next is 2)");
    }
    SUBCASE("two events swapped")
    {
        raw_sql(f.path, "UPDATE audit_event SET id = 100 WHERE id = 3; UPDATE audit_event SET id = 3 WHERE id = 4; "
                        "UPDATE audit_event SET id = 4 WHERE id = 100");
        CHECK(verdict(app::verify_audit(*f.db)) == "broken at 3: event 3 does not chain to its predecessor");
    }
    SUBCASE("the newest event removed: only the recorded head shows it")
    {
        raw_sql(f.path, "DELETE FROM audit_event WHERE id = 5");
        const app::AuditVerification without_head = app::verify_audit(*f.db);
        CHECK(verdict(without_head) == "intact, 4 events");
        CHECK(without_head.head == f.appended[3].hash);
        CHECK(verdict(app::verify_audit(*f.db, before.head)) ==
              "broken at 4: the expected head " + before.head + " is not in the log: events at its end were removed");
    }
}

TEST_CASE("audit: an empty log is intact with the genesis hash as its head")
{
    StorageFixture f;
    const app::AuditVerification v = app::verify_audit(*f.db);
    CHECK(verdict(v) == "intact, 0 events");
    CHECK(v.head == k_audit_genesis);
    CHECK_FALSE(app::verify_audit(*f.db, std::string(64, 'a')).intact);
}

namespace {

/// Two municipalities, three areas, two teams in Groningen and one in Assen; clients spread over
/// them, served by trajectories of different teams, states and start dates.
struct ListFixture : StorageFixture {
    MunicipalityId assen;
    AreaId west, noord;
    TeamId team_west, team_assen;
    MemberId physio_west, physio_assen;
    std::vector<ClientId> clients;
    std::vector<TrajectoryId> trajectories;

    ClientId add_in(storage::UnitOfWork& work, AreaId area, int n)
    {
        Client c;
        c.birth_date = day("1941-03-12");
        c.area = area;
        c.rooms_in_use = 3;
        return work.clients().add(c, {Bsn::parse(test_bsn(n)), "Client " + std::to_string(n)});
    }

    TrajectoryId start(storage::UnitOfWork& work, ClientId client, MemberId therapist, const char* on,
                       TrajectoryState state = TrajectoryState::training)
    {
        Trajectory t;
        t.client = client;
        t.template_id = "groningen-14w-2y";
        t.template_version = "1.0.0";
        t.start = day(on);
        t.state = state;
        t.team = {{Discipline::physiotherapist, therapist}};
        return work.trajectories().add(t);
    }

    void close(storage::UnitOfWork& work, TrajectoryId id)
    {
        Trajectory t = *work.trajectories().find(id);
        const TrajectoryState from = t.state;
        t.state = TrajectoryState::closed;
        t.ended_on = day("2026-06-30");
        t.closure = Closure::completed;
        work.trajectories().record_transition(t, {from, TrajectoryState::closed, day("2026-06-30"), ""});
    }

    ListFixture()
    {
        auto work = db->write();
        auto& org = work->organisation();
        west = org.add_area({{}, groningen, "Vinkhuizen"});
        assen = org.add_municipality({{}, "GM0106", "Assen"});
        noord = org.add_area({{}, assen, "Assen-Noord"});
        team_west = org.add_team({{}, groningen, "Team West"});
        team_assen = org.add_team({{}, assen, "Team Assen"});
        physio_west = org.add_member({{}, team_west, "Piet West", Discipline::physiotherapist, true});
        physio_assen = org.add_member({{}, team_assen, "Anna Assen", Discipline::physiotherapist, true});
        // Clients 1-3 in Oost, 4-5 in West, 6 in Assen-Noord.
        for (int i = 0; i < 3; ++i) clients.push_back(add_in(*work, oost, i));
        for (int i = 3; i < 5; ++i) clients.push_back(add_in(*work, west, i));
        clients.push_back(add_in(*work, noord, 5));
        // Team Oost serves clients 1 and 2 and (with team West) 4; team West serves 4 and 5;
        // team Assen serves 6. Client 3 has no trajectory.
        trajectories.push_back(start(*work, clients[0], physio, "2026-01-05"));
        trajectories.push_back(start(*work, clients[1], physio, "2026-02-02", TrajectoryState::intake));
        trajectories.push_back(start(*work, clients[3], physio, "2025-09-01"));
        trajectories.push_back(start(*work, clients[3], physio_west, "2026-03-02"));
        trajectories.push_back(start(*work, clients[4], physio_west, "2026-04-06", TrajectoryState::referred));
        trajectories.push_back(start(*work, clients[5], physio_assen, "2026-02-16"));
        close(*work, trajectories[2]);
        work->commit();
    }
};

std::vector<std::int64_t> ids_of(const auto& items)
{
    std::vector<std::int64_t> out;
    for (const auto& item : items) out.push_back(item.id.value);
    return out;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("clients: one page with the filters each narrowing it, and the total of all that match")
{
    ListFixture f;
    auto work = f.db->read();
    storage::ClientQuery q;
    Ids expected;
    std::size_t total = 0;
    SUBCASE("no filter")
    {
        expected = {1, 2, 3, 4, 5, 6};
        total = 6;
    }
    SUBCASE("an area")
    {
        q.area = f.west;
        expected = {4, 5};
        total = 2;
    }
    SUBCASE("a municipality")
    {
        q.municipality = f.groningen;
        expected = {1, 2, 3, 4, 5};
        total = 5;
    }
    SUBCASE("another municipality")
    {
        q.municipality = f.assen;
        expected = {6};
        total = 1;
    }
    SUBCASE("a team: the clients it serves or served")
    {
        q.team = f.team;
        expected = {1, 2, 4};
        total = 3;
    }
    SUBCASE("another team")
    {
        q.team = f.team_west;
        expected = {4, 5};
        total = 2;
    }
    SUBCASE("a team and an area")
    {
        q.team = f.team;
        q.area = f.west;
        expected = {4};
        total = 1;
    }
    SUBCASE("a team of another municipality")
    {
        q.team = f.team_assen;
        q.municipality = f.groningen;
        total = 0;
    }
    SUBCASE("a page: limit and offset, the total unchanged")
    {
        q.municipality = f.groningen;
        q.page = {1, 2};
        expected = {2, 3};
        total = 5;
    }
    SUBCASE("a page past the end")
    {
        q.page = {10, 5};
        total = 6;
    }
    const storage::PageOf<Client> page = work->clients().page(q);
    CHECK(ids_of(page.items) == expected);
    CHECK(page.total == total);
    for (const Client& c : page.items) CHECK(c.carers.empty());
}

TEST_CASE("clients: the scope is the municipality of the client's area and the teams that serve them")
{
    ListFixture f;
    auto work = f.db->read();
    const auto scope_of = [&](ClientId id) { return work->clients().scope(id); };
    REQUIRE(scope_of(f.clients[0]));
    CHECK(scope_of(f.clients[0])->municipality == f.groningen);
    CHECK(scope_of(f.clients[0])->teams == std::vector<TeamId>{f.team});
    CHECK(scope_of(f.clients[2])->teams.empty());                                      // no trajectory yet
    CHECK(scope_of(f.clients[3])->teams == std::vector<TeamId>{f.team, f.team_west});  // a closed one counts
    CHECK(scope_of(f.clients[5])->municipality == f.assen);
    CHECK(scope_of(f.clients[5])->teams == std::vector<TeamId>{f.team_assen});
    CHECK_FALSE(scope_of(ClientId{99}).has_value());
}

TEST_CASE("trajectories: one page filtered by client, team, place, state, open only and start dates")
{
    ListFixture f;
    auto work = f.db->read();
    storage::TrajectoryQuery q;
    Ids expected;
    SUBCASE("no filter") { expected = {1, 2, 3, 4, 5, 6}; }
    SUBCASE("a client")
    {
        q.client = f.clients[3];
        expected = {3, 4};
    }
    SUBCASE("a team")
    {
        q.team = f.team;
        expected = {1, 2, 3};
    }
    SUBCASE("a municipality")
    {
        q.municipality = f.assen;
        expected = {6};
    }
    SUBCASE("an area")
    {
        q.area = f.west;
        expected = {3, 4, 5};
    }
    SUBCASE("a state")
    {
        q.state = TrajectoryState::training;
        expected = {1, 4, 6};
    }
    SUBCASE("a final state")
    {
        q.state = TrajectoryState::closed;
        expected = {3};
    }
    SUBCASE("open only")
    {
        q.open_only = true;
        expected = {1, 2, 4, 5, 6};
    }
    SUBCASE("open only for a team")
    {
        q.open_only = true;
        q.team = f.team;
        expected = {1, 2};
    }
    SUBCASE("started from")
    {
        q.started_from = day("2026-02-16");
        expected = {4, 5, 6};
    }
    SUBCASE("started to, inclusive")
    {
        q.started_to = day("2026-02-02");
        expected = {1, 2, 3};
    }
    SUBCASE("a start range")
    {
        q.started_from = day("2026-02-02");
        q.started_to = day("2026-03-02");
        expected = {2, 4, 6};
    }
    const storage::PageOf<Trajectory> page = work->trajectories().page(q);
    CHECK(ids_of(page.items) == expected);
    CHECK(page.total == expected.size());
}

TEST_CASE("trajectories: a page carries each trajectory's care team, and the total of all that match")
{
    ListFixture f;
    auto work = f.db->read();
    storage::TrajectoryQuery q;
    q.municipality = f.groningen;
    q.page = {1, 2};
    const storage::PageOf<Trajectory> page = work->trajectories().page(q);
    CHECK(ids_of(page.items) == Ids{2, 3});
    CHECK(page.total == 5);
    REQUIRE(page.items.size() == 2);
    REQUIRE(page.items[1].team.size() == 1);
    CHECK(page.items[1].team[0].member == f.physio);
    CHECK(page.items[1].state == TrajectoryState::closed);
    CHECK(calendar::format_iso_date(*page.items[1].ended_on) == "2026-06-30");
}
