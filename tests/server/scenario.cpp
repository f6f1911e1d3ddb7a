#include "scenario.hpp"

#include "reable/calendar.hpp"
#include "reable/clock.hpp"

#include <Poco/JSON/Array.h>
#include <doctest/doctest.h>

namespace reable::testing {

std::string Scenario::days_ago(int days) const
{
    return calendar::format_iso_date(*calendar::parse_iso_date(today) - date::days{days});
}

std::string path_of(const char* collection, std::int64_t id)
{
    return std::string("/api/v1/") + collection + "/" + std::to_string(id);
}

namespace {

std::int64_t created_id(const HttpResult& r, const char* what)
{
    REQUIRE_MESSAGE(r.status == 201, what << ": " << r.status << " " << r.body);
    return r.json()->getValue<std::int64_t>("id");
}

}  // namespace

Scenario make_scenario(const TestServer& server, const std::string& wij)
{
    Scenario s;
    s.today = calendar::format_iso_date(SystemClock().today());
    s.start_date = s.days_ago(14);

    const HttpResult members = server.get("/api/v1/teams/1/members", wij);
    REQUIRE_MESSAGE(members.status == 200, members.body);
    const auto items = members.json()->getArray("items");
    for (unsigned i = 0; i < items->size(); ++i) {
        const auto m = items->getObject(i);
        s.member_ids += (i ? "," : "") + std::to_string(m->getValue<std::int64_t>("id"));
        if (m->getValue<std::string>("discipline") == "physiotherapist")
            s.fysio_member = m->getValue<std::int64_t>("id");
    }
    REQUIRE(s.fysio_member > 0);

    const auto client = [&](const char* bsn, const char* name) {
        return created_id(
            server.post("/api/v1/clients",
                        std::string(R"({"bsn": ")") + bsn + R"(", "name": ")" + name +
                            R"(", "birth_date": "1940-03-12", "sex": "female", "area": "Oosterparkwijk"})",
                        wij),
            "register a client");
    };
    s.client = client("123456630", "Mevr. A. Scenario");
    s.spare_client = client("123456721", "Dhr. B. Scenario");
    s.trajectory = created_id(server.post("/api/v1/trajectories",
                                          R"({"client_id": )" + std::to_string(s.client) +
                                              R"(, "template_id": "groningen-14w-2y", "start_date": ")" + s.start_date +
                                              R"(", "member_ids": [)" + s.member_ids + "]}",
                                          wij),
                              "start a trajectory");
    const std::string client_path = path_of("clients", s.client);
    created_id(server.post(client_path + "/onderzoek", R"({"terminal": true, "date": ")" + s.days_ago(1) + "\"}", wij),
               "record the onderzoek");
    s.decision =
        created_id(server.post(client_path + "/decisions", R"({"policy": "groningen-voluntary"})", wij), "decide");
    return s;
}

}  // namespace reable::testing
