// What a care role sees of one trajectory: the view's client name, template and current week, and
// the plot of a score over time in Dutch or English.

#include "scenario.hpp"
#include "server_fixture.hpp"

#include "reable/calendar.hpp"

#include <doctest/doctest.h>
#include <Poco/JSON/Array.h>

#include <tuple>

using namespace reable;
using namespace reable::testing;

namespace {

std::string sppb_test(const std::string& occasion, const std::string& date, const std::string& gait)
{
    return R"({"occasion": ")" + occasion + R"(", "instrument": "sppb", "date": ")" + date +
           R"(", "items": {"balance_side_by_side": 10, "balance_semi_tandem": 10, "balance_tandem": 4.31,
                           "gait_4m": [)" + gait + R"(, 6.20], "chair_stand_5x": 14.02}})";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t count_circles(const std::string& svg)
{
    std::size_t n = 0;
    for (std::size_t at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("the trajectory view names the client, the template with its training weeks, the week and today")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const Scenario s = make_scenario(server, wij);

    const HttpResult r = server.get(path_of("trajectories", s.trajectory), server.login("fysio"));
    REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto view = r.json();
    CHECK(view->getValue<std::string>("client_name") == "Mevr. A. Scenario");
    CHECK(view->getValue<std::string>("today") == s.today);
    CHECK(view->getValue<int>("week") == 3);  // started 14 days ago: days 14 to 20 are week 3
    // The template's name and training weeks, as the instrument list gives them.
    const auto templates = server.get("/api/v1/instruments", wij).json()->getArray("trajectories");
    bool found = false;
    for (unsigned i = 0; i < templates->size(); ++i) {
        const auto t = templates->getObject(i);
        if (t->getValue<std::string>("id") != "groningen-14w-2y") continue;
        found = true;
        CHECK(view->getValue<int>("training_weeks") == t->getValue<int>("training_weeks"));
        CHECK(view->getObject("template_name")->getValue<std::string>("nl") ==
              t->getObject("name")->getValue<std::string>("nl"));
        CHECK(view->getObject("template_name")->getValue<std::string>("en") ==
              t->getObject("name")->getValue<std::string>("en"));
    }
    CHECK(found);
    // What was there before is still there.
    CHECK(view->getValue<std::int64_t>("id") == s.trajectory);
    CHECK(view->getArray("occasions")->size() > 0);
    CHECK(view->has("sessions_logged"));

    // A trajectory planned to start in ten days is in week -1 (the seven days before the start are week 0).
    const std::string future = calendar::format_iso_date(*calendar::parse_iso_date(s.today) + date::days{10});
    const HttpResult planned = server.post("/api/v1/trajectories",
                                           R"({"client_id": )" + std::to_string(s.spare_client) +
                                               R"(, "template_id": "groningen-14w-2y", "start_date": ")" + future +
                                               R"(", "member_ids": [)" + s.member_ids + "]}",
                                           wij);
    REQUIRE_MESSAGE(planned.status == 201, planned.body);
    const auto ahead = server.get(path_of("trajectories", planned.json()->getValue<std::int64_t>("id")), wij).json();
    CHECK(ahead->getValue<int>("week") == -1);
    CHECK(ahead->getValue<std::string>("client_name") == "Dhr. B. Scenario");
}

TEST_CASE("a trajectory's score plot is SVG in Dutch by default or in English, and is audited")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const std::string fysio = server.login("fysio");
    const Scenario s = make_scenario(server, wij);
    const std::string trajectory = path_of("trajectories", s.trajectory);
    for (const auto& [occasion, date, gait] : {std::tuple{"intake", s.days_ago(13), "6.48"},
                                               std::tuple{"week_7", s.days_ago(2), "5.10"}}) {
        const HttpResult t = server.post(trajectory + "/tests", sppb_test(occasion, date, gait), fysio);
        REQUIRE_MESSAGE(t.status == 201, t.body);
    }

    const HttpResult nl = server.get(trajectory + "/plots/sppb", fysio);
    REQUIRE_MESSAGE(nl.status == 200, nl.body);
    CHECK(nl.content_type == "image/svg+xml; charset=utf-8");
    CHECK(has(nl.body, "<svg"));
    CHECK(has(nl.body, "</svg>"));
    CHECK(has(nl.body, "dagen sinds start"));
    CHECK(has(nl.body, "uitgangswaarde"));
    CHECK(has(nl.body, "betekenisvolle verandering"));
    CHECK(has(nl.body, "traject " + std::to_string(s.trajectory)));
    CHECK(has(nl.body, "SPPB-totaal (punten)"));
    CHECK(has(nl.body, "2 metingen"));  // the screen reader's sentence is Dutch too
    CHECK_FALSE(has(nl.body, "days since start"));
    CHECK_FALSE(has(nl.body, " against "));
    CHECK_FALSE(has(nl.body, "Scenario"));  // no name (nor pseudonym) in the picture
    CHECK(count_circles(nl.body) == 2);

    const HttpResult en = server.get(trajectory + "/plots/sppb?lang=en", wij);
    REQUIRE_MESSAGE(en.status == 200, en.body);
    CHECK(has(en.body, "days since start"));
    CHECK(has(en.body, "baseline"));
    CHECK(has(en.body, "meaningful change"));
    CHECK(has(en.body, "SPPB total (points)"));
    CHECK(has(en.body, "2 measurements"));
    CHECK(has(en.body, "trajectory " + std::to_string(s.trajectory)));
    CHECK(server.get(trajectory + "/plots/sppb?lang=nl", wij).body == nl.body);

    const HttpResult bad_lang = server.get(trajectory + "/plots/sppb?lang=fr", fysio);
    CHECK(bad_lang.status == 400);
    CHECK(bad_lang.json()->getValue<std::string>("field") == "lang");
    CHECK(has(bad_lang.json()->getValue<std::string>("detail"), "allowed: nl, en"));
    const HttpResult unknown = server.get(trajectory + "/plots/nonsense", fysio);
    CHECK(unknown.status == 422);
    CHECK(has(unknown.json()->getValue<std::string>("detail"), "known: "));
    const HttpResult nothing = server.get(trajectory + "/plots/tug", fysio);
    CHECK(nothing.status == 404);
    CHECK(has(nothing.json()->getValue<std::string>("detail"), "no numeric tug result"));

    const HttpResult log = server.get(path_of("clients", s.client) + "/access-log?limit=500", wij);
    REQUIRE(log.status == 200);
    const auto events = log.json()->getArray("items");
    int plots = 0;
    for (unsigned i = 0; i < events->size(); ++i)
        if (events->getObject(i)->getValue<std::string>("data") == "trajectory plot" &&
            events->getObject(i)->getValue<std::string>("result") == "success")
            ++plots;
    CHECK(plots == 3);
}
