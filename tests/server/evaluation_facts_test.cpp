// The minutes of household help asked for at a melding and the coded reason of a dropout or an
// early closure over HTTP: written, shown, and refused with 422 naming the field (nothing written).

#include "scenario.hpp"
#include "server_fixture.hpp"

#include <Poco/JSON/Array.h>
#include <doctest/doctest.h>

using namespace reable::testing;

namespace {

std::string field_of(const HttpResult& r)
{
    const auto o = r.json();
    return o->has("field") ? o->getValue<std::string>("field") : "";
}

}  // namespace

TEST_CASE("a melding takes hh_minutes_requested and shows it, and a bad amount is 422 and writes nothing")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const Scenario s = make_scenario(server, wij);
    const std::string meldingen = path_of("clients", s.client) + "/meldingen";
    const std::string received = "\"received_on\": \"" + s.days_ago(10) + "\"";

    const HttpResult added = server.post(meldingen, "{" + received + R"(, "hh_minutes_requested": 180})", wij);
    REQUIRE_MESSAGE(added.status == 201, added.body);
    CHECK(added.json()->getValue<int>("hh_minutes_requested") == 180);
    const HttpResult plain = server.post(meldingen, "{" + received + "}", wij);
    REQUIRE_MESSAGE(plain.status == 201, plain.body);
    CHECK(plain.json()->isNull("hh_minutes_requested"));

    const auto items = server.get(meldingen, wij).json()->getArray("items");
    REQUIRE(items->size() == 2);
    CHECK(items->getObject(0)->getValue<int>("hh_minutes_requested") == 180);
    CHECK(items->getObject(1)->isNull("hh_minutes_requested"));

    for (const char* value : {"0", "10081", "-30", "99999999999"}) {
        CAPTURE(value);
        const std::int64_t before = count_rows(server.database(), "melding");
        const HttpResult r =
            server.post(meldingen, "{" + received + R"(, "hh_minutes_requested": )" + value + "}", wij);
        CHECK(r.status == 422);
        CHECK(r.content_type == "application/problem+json");
        CHECK(field_of(r) == "hh_minutes_requested");
        CHECK(r.json()->getValue<std::string>("detail").find(
                  std::string(value) + " is not allowed; allowed: 1 to 10080") != std::string::npos);
        CHECK(count_rows(server.database(), "melding") == before);
    }
    const std::int64_t before = count_rows(server.database(), "melding");
    const HttpResult text = server.post(meldingen, "{" + received + R"(, "hh_minutes_requested": "180"})", wij);
    CHECK(text.status == 400);
    CHECK(field_of(text) == "hh_minutes_requested");
    CHECK(count_rows(server.database(), "melding") == before);
}

TEST_CASE("a transition takes reason_code and the trajectory shows end_reason_code")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const Scenario s = make_scenario(server, wij);
    const std::string trajectory = path_of("trajectories", s.trajectory);
    CHECK(server.get(trajectory, wij).json()->isNull("end_reason_code"));

    const HttpResult moved = server.post(trajectory + "/transitions",
                                         R"({"to": "dropped_out", "on": ")" + s.days_ago(2) +
                                             R"(", "reason": "verhuisd naar Assen", "reason_code": "moved"})",
                                         wij);
    REQUIRE_MESSAGE(moved.status == 200, moved.body);
    CHECK(moved.json()->getValue<std::string>("end_reason_code") == "moved");
    const auto shown = server.get(trajectory, wij).json();
    CHECK(shown->getValue<std::string>("state") == "dropped_out");
    CHECK(shown->getValue<std::string>("end_reason") == "verhuisd naar Assen");
    CHECK(shown->getValue<std::string>("end_reason_code") == "moved");
}

TEST_CASE("a bad reason_code, or one with a step that is no dropout or early closure, is 422 and changes nothing")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const Scenario s = make_scenario(server, wij);
    const std::string trajectory = path_of("trajectories", s.trajectory);
    const std::string on = R"(", "on": ")" + s.days_ago(2) + "\"";
    struct Case {
        std::string body;
        std::string detail;
    };
    const std::vector<Case> cases{
        {R"({"to": "dropped_out)" + on + R"(, "reason": "ziek", "reason_code": "sick"})",
         "reason_code: \"sick\" is not allowed; allowed: admission, care_home, deceased, health, motivation, moved, "
         "declined_further, other"},
        {R"({"to": "intake)" + on + R"(, "reason_code": "health"})",
         "reason_code: \"health\" is not allowed with a step to intake; a reason code goes only with dropped_out or "
         "an early closure"},
        {R"({"to": "closed)" + on + R"(, "reason": "ziek", "reason_code": ""})", ""},  // last: it closes
    };
    for (const Case& c : cases) {
        CAPTURE(c.body);
        const std::int64_t before = count_rows(server.database(), "trajectory_transition");
        const HttpResult r = server.post(trajectory + "/transitions", c.body, wij);
        if (c.detail.empty()) {
            // An empty code is no code: the early closure goes through without one.
            REQUIRE_MESSAGE(r.status == 200, r.body);
            CHECK(r.json()->isNull("end_reason_code"));
            continue;
        }
        CHECK(r.status == 422);
        CHECK(r.content_type == "application/problem+json");
        CHECK(field_of(r) == "reason_code");
        CHECK(r.json()->getValue<std::string>("detail") == c.detail);
        CHECK(count_rows(server.database(), "trajectory_transition") == before);
        CHECK(server.get(trajectory, wij).json()->getValue<std::string>("state") == "referred");
    }
}
