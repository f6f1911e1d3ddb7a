// Who may see which client: the rule of each role, the list filters it implies, and the audit
// event it records. No passwords are needed: principals are built from users in memory.

#include "reable/app/access.hpp"
#include "reable/app/audit_service.hpp"
#include "reable/error.hpp"
#include "storage/storage_fixture.hpp"

#include <doctest/doctest.h>

using namespace reable;
using namespace reable::domain;
using reable::testing::error_of;

namespace {

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

/// Client 1 lives in Groningen and is served by the fixture's team (team 1); client 2 lives in
/// Groningen and has no trajectory; client 3 lives in Assen and is served by team 3 (Assen).
/// Team 2 (West) works in Groningen but serves none of them.
struct AccessFixture : testing::StorageFixture {
    MunicipalityId assen;
    TeamId west, team_assen;
    MemberId physio_west, physio_assen;
    ClientId served, unserved, elsewhere;

    AccessFixture()
    {
        auto work = db->write();
        auto& org = work->organisation();
        west = org.add_team({{}, groningen, "Team West"});
        physio_west = org.add_member({{}, west, "Piet West", Discipline::physiotherapist, true});
        assen = org.add_municipality({{}, "GM0106", "Assen"});
        const AreaId noord = org.add_area({{}, assen, "Assen-Noord"});
        team_assen = org.add_team({{}, assen, "Team Assen"});
        physio_assen = org.add_member({{}, team_assen, "Anna Assen", Discipline::physiotherapist, true});
        served = add_client(*work, 0);
        unserved = add_client(*work, 1);
        Client c;
        c.birth_date = day("1940-01-01");
        c.area = noord;
        elsewhere = work->clients().add(c, {Bsn::parse(testing::test_bsn(2)), "Client 2"});
        for (const auto& [client, member] : {std::pair{served, social}, std::pair{elsewhere, physio_assen}}) {
            Trajectory t;
            t.client = client;
            t.template_id = "groningen-14w-2y";
            t.template_version = "1.0.0";
            t.start = day("2026-01-05");
            t.team = {{Discipline::social_worker, member}};
            work->trajectories().add(t);
        }
        work->commit();
    }

    app::Principal principal(Role role, std::optional<MemberId> member = std::nullopt,
                             std::optional<MunicipalityId> municipality = std::nullopt)
    {
        User u;
        u.id = UserId{7};
        u.username = std::string(to_string(role));
        u.role = role;
        u.member = member;
        u.municipality = municipality;
        auto work = db->read();
        return app::load_principal(*work, u);
    }

    std::string access(const app::Principal& who, ClientId client)
    {
        auto work = db->read();
        return error_of([&] { app::require_client_access(*work, who, client); });
    }
};

}  // namespace

TEST_CASE("a team member sees the clients their team serves, whichever member serves them")
{
    AccessFixture f;
    // The physiotherapist of team 1 does not serve client 1 themself; the team's social worker does.
    const app::Principal fysio = f.principal(Role::team_member, f.physio);
    CHECK(f.access(fysio, f.served) == "no error");
    CHECK(f.access(fysio, f.unserved) == "forbidden: client 2 is not served by your team");
    CHECK(f.access(fysio, f.elsewhere) == "forbidden: client 3 is not served by your team");
    CHECK(f.access(fysio, ClientId{99}) == "not_found: no client 99");

    const app::Principal other_team = f.principal(Role::team_member, f.physio_west);
    CHECK(f.access(other_team, f.served) == "forbidden: client 1 is not served by your team");
    CHECK(f.access(f.principal(Role::team_member, f.physio_assen), f.elsewhere) == "no error");
}

TEST_CASE("an access assessor sees the clients of their municipality, served or not")
{
    AccessFixture f;
    const app::Principal groningen = f.principal(Role::access_assessor, std::nullopt, f.groningen);
    CHECK(f.access(groningen, f.served) == "no error");
    CHECK(f.access(groningen, f.unserved) == "no error");
    CHECK(f.access(groningen, f.elsewhere) == "forbidden: client 3 does not live in your municipality");
    CHECK(f.access(groningen, ClientId{99}) == "not_found: no client 99");
    const app::Principal assen = f.principal(Role::access_assessor, std::nullopt, f.assen);
    CHECK(f.access(assen, f.served) == "forbidden: client 1 does not live in your municipality");
    CHECK(f.access(assen, f.elsewhere) == "no error");
}

TEST_CASE("evaluators and administrators see no client record")
{
    AccessFixture f;
    CHECK(f.access(f.principal(Role::evaluator), f.served) ==
          "forbidden: evaluators see pseudonymised exports only, not client records");
    CHECK(f.access(f.principal(Role::administrator), f.served) ==
          "forbidden: administrators manage users, teams and instruments, not client records");
    CHECK(f.access(f.principal(Role::evaluator), ClientId{99}) == "not_found: no client 99");
}

TEST_CASE("scope_query narrows client and trajectory lists to what the principal may see")
{
    AccessFixture f;
    storage::ClientQuery clients;
    storage::TrajectoryQuery trajectories;
    SUBCASE("a team member: their team")
    {
        const app::Principal who = f.principal(Role::team_member, f.physio_west);
        app::scope_query(who, clients);
        app::scope_query(who, trajectories);
        CHECK(clients.team == f.west);
        CHECK_FALSE(clients.municipality.has_value());
        CHECK(trajectories.team == f.west);
        CHECK_FALSE(trajectories.municipality.has_value());
        // The filter does what it says: team West serves no client.
        CHECK(f.db->read()->clients().page(clients).total == 0);
    }
    SUBCASE("an access assessor: their municipality")
    {
        const app::Principal who = f.principal(Role::access_assessor, std::nullopt, f.assen);
        app::scope_query(who, clients);
        app::scope_query(who, trajectories);
        CHECK(clients.municipality == f.assen);
        CHECK_FALSE(clients.team.has_value());
        CHECK(trajectories.municipality == f.assen);
        const auto page = f.db->read()->clients().page(clients);
        REQUIRE(page.items.size() == 1);
        CHECK(page.items[0].id == f.elsewhere);
    }
    SUBCASE("an evaluator or an administrator: refused")
    {
        CHECK(error_of([&] { app::scope_query(f.principal(Role::evaluator), clients); }) ==
              "forbidden: evaluators do not see client records");
        CHECK(error_of([&] { app::scope_query(f.principal(Role::administrator), trajectories); }) ==
              "forbidden: administrators do not see client records");
    }
    SUBCASE("a team member whose principal lacks the member record: refused, not unfiltered")
    {
        app::Principal who = f.principal(Role::team_member, f.physio);
        who.member.reset();
        CHECK(error_of([&] { app::scope_query(who, clients); }) ==
              "forbidden: team member team_member is not bound to a team");
        CHECK_FALSE(clients.team.has_value());
    }
}

TEST_CASE("a principal carries its scope and basis into the audit event")
{
    AccessFixture f;
    const app::Principal fysio = f.principal(Role::team_member, f.physio);
    REQUIRE(fysio.member);
    CHECK(fysio.member->team == f.team);
    CHECK(fysio.on_behalf_of == "team_member");
    CHECK(fysio.basis() == "team_member: physiotherapist of team 1");
    CHECK(f.principal(Role::access_assessor, std::nullopt, f.assen).basis() == "access_assessor: municipality 2");
    CHECK(f.principal(Role::evaluator).basis() == "evaluator");

    const AuditEvent e =
        app::audit_event(fysio, Instant(day("2026-11-23")) + std::chrono::milliseconds(1500), AuditAction::read,
                         "client", "GET /api/v1/clients/{id}", f.served, AuditResult::denied);
    CHECK(e.at == "2026-11-23T00:00:01.500Z");
    CHECK(e.user == UserId{7});
    CHECK(e.username == "team_member");
    CHECK(e.user_role == "team_member");
    CHECK(e.on_behalf_of == "team_member");
    CHECK(e.client == f.served);
    CHECK(e.action == AuditAction::read);
    CHECK(e.data == "client");
    CHECK(e.resource == "GET /api/v1/clients/{id}");
    CHECK(e.result == AuditResult::denied);
    CHECK(e.basis == "team_member: physiotherapist of team 1");
    CHECK_FALSE(e.emergency);

    User missing;
    missing.username = "ghost";
    missing.role = Role::team_member;
    missing.member = MemberId{99};
    auto work = f.db->read();
    CHECK(error_of([&] { app::load_principal(*work, missing); }) == "internal: user ghost has no team member record");
}
