// The access team's work list: the meldingen of the assessor's municipality with their legal
// deadlines, overdue first, audited per client.

#include "scenario.hpp"
#include "server_fixture.hpp"

#include <doctest/doctest.h>
#include <Poco/JSON/Array.h>

using namespace reable::testing;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Object::Ptr find_id(const Array::Ptr& items, std::int64_t id)
{
    for (unsigned i = 0; i < items->size(); ++i)
        if (items->getObject(i)->getValue<std::int64_t>("id") == id) return items->getObject(i);
    return nullptr;
}

std::int64_t add_melding(const TestServer& server, const std::string& token, std::int64_t client,
                         const std::string& received_on)
{
    const HttpResult r =
        server.post(path_of("clients", client) + "/meldingen", R"({"received_on": ")" + received_on + "\"}", token);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    return r.json()->getValue<std::int64_t>("id");
}

}  // namespace

TEST_CASE("an assessor's work list shows open meldingen with the client's name and deadlines, overdue first")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const Scenario s = make_scenario(server, wij);
    // Received 50 days ago: the onderzoek (due after 42 days) is 8 days late. Received 10 days ago:
    // due in 32 days.
    const std::int64_t late = add_melding(server, wij, s.client, s.days_ago(50));
    const std::int64_t fresh = add_melding(server, wij, s.spare_client, s.days_ago(10));

    const HttpResult r = server.get("/api/v1/meldingen?limit=500", wij);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto page = r.json();
    const auto items = page->getArray("items");
    CHECK(page->getValue<std::size_t>("total") == items->size());
    CHECK(page->getValue<int>("limit") == 500);
    CHECK(page->getValue<int>("offset") == 0);

    const auto first = find_id(items, late);
    REQUIRE(first);
    CHECK(first->getValue<std::int64_t>("client_id") == s.client);
    CHECK(first->getValue<std::string>("client_name") == "Mevr. A. Scenario");
    CHECK(first->getValue<std::string>("received_on") == s.days_ago(50));
    CHECK(first->isNull("onderzoek_done_on"));
    CHECK(first->isNull("aanvraag_on"));
    CHECK(first->isNull("decided_on"));
    CHECK(first->isNull("hh_minutes_requested"));
    const auto deadlines = first->getArray("deadlines");
    REQUIRE(deadlines->size() == 1);  // no aanvraag yet: no beschikking deadline
    const auto onderzoek = deadlines->getObject(0);
    CHECK(onderzoek->getValue<std::string>("kind") == "onderzoek");
    CHECK(onderzoek->getValue<std::string>("due") == s.days_ago(8));
    CHECK(onderzoek->isNull("met_on"));
    CHECK(onderzoek->getValue<int>("days_late") == 8);
    CHECK(onderzoek->getValue<bool>("overdue"));
    CHECK(first->getValue<bool>("overdue"));
    CHECK(first->getValue<std::string>("next_due") == s.days_ago(8));

    const auto second = find_id(items, fresh);
    REQUIRE(second);
    CHECK(second->getValue<std::string>("client_name") == "Dhr. B. Scenario");
    CHECK_FALSE(second->getValue<bool>("overdue"));
    CHECK(second->getArray("deadlines")->getObject(0)->getValue<int>("days_late") == 0);

    // Open only (the default), overdue first, then by the next due date.
    bool seen_on_time = false;
    std::string previous;
    for (unsigned i = 0; i < items->size(); ++i) {
        const auto m = items->getObject(i);
        INFO(m->getValue<std::int64_t>("id"));
        CHECK(m->isNull("decided_on"));
        const bool overdue = m->getValue<bool>("overdue");
        CHECK_FALSE((overdue && seen_on_time));
        seen_on_time = seen_on_time || !overdue;
        const std::string due = m->isNull("next_due") ? "9999-12-31" : m->getValue<std::string>("next_due");
        CHECK(previous <= due);
        previous = due;
    }

    // All meldingen: the decided ones too, with their deadlines met.
    const auto all = server.get("/api/v1/meldingen?open=false&limit=500", wij).json();
    CHECK(all->getValue<std::size_t>("total") > page->getValue<std::size_t>("total"));
    const auto every = all->getArray("items");
    bool decided = false;
    for (unsigned i = 0; i < every->size(); ++i) decided = decided || !every->getObject(i)->isNull("decided_on");
    CHECK(decided);

    // Paging.
    const auto one = server.get("/api/v1/meldingen?limit=1&offset=1", wij).json();
    CHECK(one->getArray("items")->size() == 1);
    CHECK(one->getValue<std::size_t>("total") == page->getValue<std::size_t>("total"));
    CHECK(one->getArray("items")->getObject(0)->getValue<std::int64_t>("id") ==
          items->getObject(1)->getValue<std::int64_t>("id"));

    const HttpResult bad = server.get("/api/v1/meldingen?open=yes", wij);
    CHECK(bad.status == 400);
    CHECK(bad.json()->getValue<std::string>("field") == "open");
    CHECK(bad.json()->getValue<std::string>("detail").find("allowed: true, false") != std::string::npos);

    // Each client on the page is audited as read by the list.
    const auto log = server.get(path_of("clients", s.client) + "/access-log?limit=500", wij).json()->getArray("items");
    bool audited = false;
    for (unsigned i = 0; i < log->size(); ++i)
        audited = audited || (log->getObject(i)->getValue<std::string>("data") == "melding list" &&
                              log->getObject(i)->getValue<std::string>("action") == "read");
    CHECK(audited);
}
