// Reference data for the forms: one instrument as a form, and the decision policies.

#include "server_fixture.hpp"

#include <doctest/doctest.h>
#include <Poco/JSON/Array.h>

using namespace reable::testing;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Object::Ptr find_by(const Array::Ptr& list, const std::string& field, const std::string& value)
{
    for (unsigned i = 0; i < list->size(); ++i)
        if (list->getObject(i)->getValue<std::string>(field) == value) return list->getObject(i);
    return nullptr;
}

}  // namespace

TEST_CASE("an instrument comes as a form: items with units, ranges, trials, allowed states, alternatives, scores")
{
    TestServer server;
    const std::string fysio = server.login("fysio");
    const HttpResult r = server.get("/api/v1/instruments/sppb", fysio);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto form = r.json();
    CHECK(form->getValue<std::string>("id") == "sppb");
    CHECK_FALSE(form->getValue<std::string>("version").empty());
    CHECK_FALSE(form->getObject("name")->getValue<std::string>("nl").empty());
    CHECK_FALSE(form->getObject("name")->getValue<std::string>("en").empty());
    CHECK(form->get("unverified_rules").isBoolean());
    CHECK(form->getValue<std::string>("primary_score") == "total");

    const auto items = form->getArray("items");
    const auto gait = find_by(items, "id", "gait_4m");
    REQUIRE(gait);
    CHECK(gait->getValue<std::string>("type") == "measurement");
    CHECK(gait->getValue<std::string>("unit") == "s");
    CHECK(gait->getValue<int>("trials") == 2);
    CHECK(gait->getValue<std::string>("better") == "lower");
    CHECK(gait->get("min").isNumeric());
    CHECK(gait->getValue<double>("max") > gait->getValue<double>("min"));
    CHECK(gait->getValue<double>("precision") == doctest::Approx(0.01));
    CHECK(gait->getArray("options")->size() == 0);
    // Only the states the item allows, each with its reasons.
    const auto states = gait->getArray("states");
    REQUIRE(states->size() > 0);
    for (unsigned i = 0; i < states->size(); ++i) {
        const std::string state = states->getObject(i)->getValue<std::string>("state");
        CHECK((state == "unable" || state == "not_attempted" || state == "used_arms"));
        CHECK(states->getObject(i)->getArray("reasons") != nullptr);
    }
    CHECK(find_by(states, "state", "used_arms") == nullptr);  // walking: there are no arms to use

    // The 4-m and 3-m courses are alternatives.
    const auto alternatives = form->getArray("alternatives");
    REQUIRE(alternatives->size() >= 1);
    bool courses = false;
    for (unsigned i = 0; i < alternatives->size(); ++i) {
        const auto group = alternatives->getArray(i);
        for (unsigned j = 0; j < group->size(); ++j) courses = courses || group->getElement<std::string>(j) == "gait_4m";
    }
    CHECK(courses);

    const auto total = find_by(form->getArray("scores"), "id", "total");
    REQUIRE(total);
    CHECK(total->getValue<std::string>("unit") == "points");
    CHECK(total->getValue<std::string>("better") == "higher");
    CHECK_FALSE(total->getObject("label")->getValue<std::string>("nl").empty());
}

TEST_CASE("a questionnaire's choice items list their options with points, and an unknown instrument is 404")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const HttpResult list = server.get("/api/v1/instruments", wij);
    REQUIRE(list.status == 200);
    const auto instruments = list.json()->getArray("instruments");
    bool seen_choice = false;
    for (unsigned i = 0; i < instruments->size(); ++i) {
        const std::string id = instruments->getObject(i)->getValue<std::string>("id");
        const HttpResult r = server.get("/api/v1/instruments/" + id, wij);
        INFO(id << ": " << r.body);
        REQUIRE(r.status == 200);
        const auto items = r.json()->getArray("items");
        CHECK(items->size() == instruments->getObject(i)->getValue<unsigned>("items"));
        for (unsigned j = 0; j < items->size(); ++j) {
            const auto item = items->getObject(j);
            if (item->getValue<std::string>("type") != "choice") continue;
            seen_choice = true;
            const auto options = item->getArray("options");
            REQUIRE(options->size() > 0);
            const auto first = options->getObject(0);
            CHECK_FALSE(first->getValue<std::string>("code").empty());
            CHECK_FALSE(first->getObject("label")->getValue<std::string>("en").empty());
            CHECK((first->get("points").isNumeric() || first->isNull("points")));
        }
    }
    CHECK(seen_choice);

    const HttpResult unknown = server.get("/api/v1/instruments/nonsense", wij);
    CHECK(unknown.status == 404);
    CHECK(unknown.content_type == "application/problem+json");
    CHECK(unknown.json()->getValue<std::string>("detail").find("sppb") != std::string::npos);  // names the known ids
    CHECK(server.get("/api/v1/instruments/sppb?version=0.0.0", wij).status == 404);
}

TEST_CASE("the policies say how reablement relates to household help")
{
    TestServer server;
    const HttpResult r = server.get("/api/v1/policies", server.login("wij"));
    REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto items = r.json()->getArray("items");
    const auto voluntary = find_by(items, "id", "groningen-voluntary");
    const auto precedence = find_by(items, "id", "groningen-precedence");
    REQUIRE(voluntary);
    REQUIRE(precedence);
    CHECK(voluntary->getValue<std::string>("reablement") == "voluntary");
    CHECK(precedence->getValue<std::string>("reablement") == "precedence");
    CHECK_FALSE(precedence->getValue<std::string>("legal_route").empty());
    CHECK(precedence->getObject("name")->getValue<std::string>("en") == "Groningen: reablement takes precedence");
    CHECK_FALSE(voluntary->getValue<std::string>("version").empty());
}
