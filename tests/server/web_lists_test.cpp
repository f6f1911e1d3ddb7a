// What the web interface's lists need: the agenda in parts, so that each line is worded in the
// user's language (a planned session's kind and minutes, a measurement occasion's id, instruments
// and window), and the client's name on trajectory and signal lists, which people scan by name.

#include "scenario.hpp"
#include "server_fixture.hpp"

#include <Poco/JSON/Array.h>
#include <doctest/doctest.h>

using namespace reable::testing;

TEST_CASE("an agenda line names its session kind and minutes, or its occasion, instruments and window")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const Scenario s = make_scenario(server, wij);
    const std::string fysio = server.login("fysio");
    const HttpResult agenda =
        server.get("/api/v1/agenda?from=" + s.start_date + "&to=" + s.days_ago(1), fysio);
    REQUIRE_MESSAGE(agenda.status == 200, agenda.body);
    const auto items = agenda.json()->getArray("items");
    bool session = false, occasion = false;
    for (unsigned i = 0; i < items->size(); ++i) {
        const auto line = items->getObject(i);
        if (line->getValue<std::int64_t>("trajectory_id") != s.trajectory) continue;
        if (line->has("session_kind")) {
            session = true;
            CHECK(line->getValue<std::string>("session_kind") == "training");
            CHECK(line->getValue<int>("minutes") > 0);
            CHECK_FALSE(line->has("occasion"));
        } else {
            occasion = true;
            CHECK(line->getValue<std::string>("occasion") == "intake");
            const auto instruments = line->getArray("instruments");
            REQUIRE(instruments->size() > 0);
            CHECK(line->getValue<std::string>("what").find(instruments->getElement<std::string>(0)) != std::string::npos);
            CHECK(line->getValue<std::string>("earliest") <= line->getValue<std::string>("date"));
            CHECK(line->getValue<std::string>("date") <= line->getValue<std::string>("latest"));
        }
    }
    CHECK(session);
    CHECK(occasion);
}

TEST_CASE("trajectory and signal lists carry the client's name")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const Scenario s = make_scenario(server, wij);
    const std::string fysio = server.login("fysio");
    const std::string name = server.get(path_of("clients", s.client), fysio).json()->getValue<std::string>("name");
    REQUIRE_FALSE(name.empty());

    const auto trajectories = server.get("/api/v1/trajectories?client=" + std::to_string(s.client), fysio);
    REQUIRE_MESSAGE(trajectories.status == 200, trajectories.body);
    const auto items = trajectories.json()->getArray("items");
    REQUIRE(items->size() == 1);
    CHECK(items->getObject(0)->getValue<std::string>("client_name") == name);

    const HttpResult session = server.post(path_of("trajectories", s.trajectory) + "/sessions",
                                           R"({"date": ")" + s.days_ago(1) + R"(", "minutes": 30, "signals": ["loneliness"]})",
                                           fysio);
    REQUIRE_MESSAGE(session.status == 201, session.body);
    const auto signals = server.get("/api/v1/signals", fysio).json()->getArray("items");
    bool found = false;
    for (unsigned i = 0; i < signals->size(); ++i) {
        const auto signal = signals->getObject(i);
        if (signal->getValue<std::int64_t>("trajectory_id") != s.trajectory) continue;
        found = true;
        CHECK(signal->getValue<std::string>("client_name") == name);
        CHECK(signal->getValue<std::string>("kind") == "loneliness");
    }
    CHECK(found);
}
