// A client's way through the API: the assessor registers and refers, the physiotherapist logs a
// session and a test, both read the trajectory with its scores, the assessor decides, and the
// access log shows every access.

#include "server_fixture.hpp"

#include "reable/app/audit_service.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"

#include <doctest/doctest.h>
#include <Poco/JSON/Array.h>

using namespace reable::testing;

namespace {

std::int64_t first_id(const HttpResult& r)
{
    REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto items = r.json()->getArray("items");
    REQUIRE(items->size() > 0);
    return items->getObject(0)->getValue<std::int64_t>("id");
}

}  // namespace

TEST_CASE("assessor registers and refers a client, the team logs work on it, both read the scores")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const std::string fysio = server.login("fysio");
    const auto me = server.get("/api/v1/me", fysio).json();
    const std::int64_t member = me->getValue<std::int64_t>("member_id");

    const HttpResult client = server.post("/api/v1/clients",
                                          R"({"bsn": "111222333", "name": "Mevr. T. Test", "birth_date": "1942-04-01",
                                              "sex": "female", "area": "Oosterparkwijk", "rooms_in_use": 3})",
                                          wij);
    REQUIRE_MESSAGE(client.status == 201, client.body);
    const std::int64_t client_id = client.json()->getValue<std::int64_t>("id");
    CHECK(client.json()->getValue<std::string>("bsn") == "111222333");

    // The team's members become the care team.
    const auto members = server.get("/api/v1/teams/1/members", wij).json()->getArray("items");
    std::string ids;
    for (std::size_t i = 0; i < members->size(); ++i)
        ids += (i ? "," : "") + std::to_string(members->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id"));
    const HttpResult trajectory = server.post(
        "/api/v1/trajectories",
        R"({"client_id": )" + std::to_string(client_id) +
            R"(, "template_id": "groningen-14w-2y", "start_date": "2026-11-02", "member_ids": [)" + ids + "]}",
        wij);
    REQUIRE_MESSAGE(trajectory.status == 201, trajectory.body);
    const std::string path = "/api/v1/trajectories/" + std::to_string(trajectory.json()->getValue<std::int64_t>("id"));

    // The team member now sees the client, and logs a session and an SPPB at intake.
    CHECK(server.get("/api/v1/clients/" + std::to_string(client_id), fysio).status == 200);
    CHECK_FALSE(server.get("/api/v1/clients/" + std::to_string(client_id), fysio).json()->has("bsn"));
    const HttpResult session = server.post(path + "/sessions",
                                           R"({"date": "2026-11-16", "minutes": 45, "activities": ["stairs"]})", fysio);
    CHECK_MESSAGE(session.status == 201, session.body);
    const HttpResult test = server.post(
        path + "/tests",
        R"({"member_id": )" + std::to_string(member) + R"(, "occasion": "intake", "instrument": "sppb", "date": "2026-11-03",
            "items": {"balance_side_by_side": 10, "balance_semi_tandem": 10, "balance_tandem": 4.31,
                      "gait_4m": [6.48, 6.20], "chair_stand_5x": 14.02}})",
        fysio);
    REQUIRE_MESSAGE(test.status == 201, test.body);
    CHECK(test.json()->getValue<std::string>("total") == "8 points");

    const HttpResult view = server.get(path, fysio);
    REQUIRE(view.status == 200);
    const auto results = view.json()->getArray("test_results");
    REQUIRE(results->size() == 1);
    CHECK(results->getObject(0)->getValue<std::string>("instrument_id") == "sppb");
    CHECK(results->getObject(0)->has("scores"));
    CHECK(view.json()->getValue<int>("sessions_logged") == 1);

    // Who looked: the assessor reads the access log, newest first, with role and basis.
    const HttpResult log = server.get("/api/v1/clients/" + std::to_string(client_id) + "/access-log", wij);
    REQUIRE(log.status == 200);
    const auto events = log.json()->getArray("items");
    REQUIRE(events->size() >= 6);
    // This read itself is logged before the next one answers.
    const auto again = server.get("/api/v1/clients/" + std::to_string(client_id) + "/access-log", wij).json();
    CHECK(again->getArray("items")->getObject(0)->getValue<std::string>("data") == "access_log");
    CHECK(again->getArray("items")->getObject(0)->getValue<std::string>("username") == "wij");
    bool saw_fysio_read = false;
    for (std::size_t i = 0; i < events->size(); ++i) {
        const auto e = events->getObject(static_cast<unsigned>(i));
        if (e->getValue<std::string>("username") == "fysio" && e->getValue<std::string>("action") == "read" &&
            e->getValue<std::string>("data") == "trajectory") {
            saw_fysio_read = true;
            CHECK(e->getValue<std::string>("basis") == "team_member: physiotherapist of team 1");
            CHECK(e->getValue<std::string>("result") == "success");
        }
    }
    CHECK(saw_fysio_read);

    // The chain over everything the server wrote is intact.
    server.stop();
    auto db = reable::storage_sqlite::open_current_sqlite(server.database());
    const reable::app::AuditVerification v = reable::app::verify_audit(*db);
    CHECK(v.intact);
    CHECK(v.events >= 8);
}

TEST_CASE("a refused access is audited as denied, a team member of another team sees nothing of the client")
{
    TestServer server;
    const std::string fysio2 = server.login("fysio2");
    const std::string fysio = server.login("fysio");
    const std::int64_t trajectory = first_id(server.get("/api/v1/trajectories?status=active&limit=1", fysio));
    const auto t = server.get("/api/v1/trajectories/" + std::to_string(trajectory), fysio).json();
    const std::int64_t client = t->getValue<std::int64_t>("client_id");

    const HttpResult refused = server.get("/api/v1/trajectories/" + std::to_string(trajectory), fysio2);
    CHECK(refused.status == 403);
    CHECK(refused.content_type == "application/problem+json");
    CHECK(refused.json()->getValue<std::string>("detail") == "client " + std::to_string(client) + " is not served by your team");

    const std::string wij = server.login("wij");
    const auto events = server.get("/api/v1/clients/" + std::to_string(client) + "/access-log?limit=500", wij).json()->getArray("items");
    bool denied = false;
    for (std::size_t i = 0; i < events->size(); ++i) {
        const auto e = events->getObject(static_cast<unsigned>(i));
        denied = denied || (e->getValue<std::string>("username") == "fysio2" && e->getValue<std::string>("result") == "denied");
    }
    CHECK(denied);

    // Lists are scoped: fysio2's trajectory list holds none of team 1's.
    const auto list = server.get("/api/v1/trajectories?client=" + std::to_string(client), fysio2).json();
    CHECK(list->getValue<int>("total") == 0);
}

TEST_CASE("an assessor decides, the beschikking draft states minutes per week, an override needs a motivation")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const std::int64_t client = first_id(server.get("/api/v1/clients?limit=1", wij));
    const std::string base = "/api/v1/clients/" + std::to_string(client);
    const HttpResult findings = server.post(base + "/onderzoek",
                                            R"({"terminal": true, "date": "2026-11-20"})", wij);
    REQUIRE_MESSAGE(findings.status == 201, findings.body);
    const auto before = count_rows(server.database(), "decision");
    const HttpResult no_motivation = server.post(base + "/decisions",
                                                 R"({"policy": "groningen-voluntary", "minutes": 200})", wij);
    CHECK(no_motivation.status == 422);
    CHECK(count_rows(server.database(), "decision") == before);

    const HttpResult decided = server.post(base + "/decisions", R"({"policy": "groningen-voluntary"})", wij);
    REQUIRE_MESSAGE(decided.status == 201, decided.body);
    const std::int64_t id = decided.json()->getValue<std::int64_t>("id");
    const HttpResult draft = server.get("/api/v1/decisions/" + std::to_string(id) + "/beschikking", wij);
    REQUIRE(draft.status == 200);
    CHECK(draft.content_type.find("text/plain") == 0);
    CHECK(draft.body.find("minuten per week") != std::string::npos);
}

TEST_CASE("a dry run answers the decision as it would be stored, with reasons and draft, and stores nothing")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const std::int64_t client = first_id(server.get("/api/v1/clients?limit=1", wij));
    const std::string base = "/api/v1/clients/" + std::to_string(client);
    REQUIRE(server.post(base + "/onderzoek", R"({"terminal": true, "date": "2026-11-20"})", wij).status == 201);
    const HttpResult melding = server.post(base + "/meldingen", R"({"received_on": "2026-11-02"})", wij);
    REQUIRE_MESSAGE(melding.status == 201, melding.body);
    const std::int64_t decisions = count_rows(server.database(), "decision");
    const std::int64_t audit = count_rows(server.database(), "audit_event");

    const HttpResult dry = server.post(base + "/decisions", R"({"policy": "groningen-voluntary", "dry_run": true})", wij);
    REQUIRE_MESSAGE(dry.status == 200, dry.body);
    const auto answer = dry.json();
    CHECK(answer->getValue<bool>("dry_run"));
    const auto d = answer->getObject("decision");
    REQUIRE(d);
    CHECK(d->getValue<std::int64_t>("id") == 0);
    CHECK(d->getValue<std::int64_t>("client") == client);
    CHECK(d->getObject("policy")->getValue<std::string>("id") == "groningen-voluntary");
    CHECK_FALSE(d->getValue<std::string>("outcome").empty());
    const auto result = d->getObject("result");
    REQUIRE(result);
    const auto reasons = result->getArray("reasons");
    REQUIRE(reasons->size() > 0);
    CHECK_FALSE(reasons->getObject(0)->getValue<std::string>("code").empty());
    CHECK_FALSE(reasons->getObject(0)->getValue<std::string>("sentence").empty());
    CHECK(result->has("hh"));
    CHECK(d->has("inputs"));
    CHECK_FALSE(answer->getValue<std::string>("beschikking").empty());
    CHECK(answer->getValue<std::string>("beschikking") == result->getValue<std::string>("beschikking"));

    // Nothing was written but the audit line; the melding is still open.
    CHECK(count_rows(server.database(), "decision") == decisions);
    CHECK(count_rows(server.database(), "audit_event") == audit + 1);
    const auto meldingen = server.get(base + "/meldingen", wij).json()->getArray("items");
    for (unsigned i = 0; i < meldingen->size(); ++i)
        if (meldingen->getObject(i)->getValue<std::int64_t>("id") == melding.json()->getValue<std::int64_t>("id"))
            CHECK(meldingen->getObject(i)->isNull("decided_on"));

    // Decided for real, it is the decision the dry run showed.
    const HttpResult real = server.post(base + "/decisions", R"({"policy": "groningen-voluntary"})", wij);
    REQUIRE_MESSAGE(real.status == 201, real.body);
    const auto stored = real.json();
    CHECK(stored->getValue<std::int64_t>("id") > 0);
    for (const char* field : {"outcome", "computed_outcome", "band", "kind", "decided_on", "choice"})
        CHECK(stored->getValue<std::string>(field) == d->getValue<std::string>(field));
    CHECK(stored->get("minutes_per_week").toString() == d->get("minutes_per_week").toString());
    CHECK(stored->getObject("result")->getArray("reasons")->size() == reasons->size());
}
