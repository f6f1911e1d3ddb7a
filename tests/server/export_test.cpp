// Evaluator exports over real HTTP: a file streamed in chunks, its run on record with a manifest
// whose digest is that of the body received, and refusals that record nothing.

#include "scenario.hpp"
#include "server_fixture.hpp"

#include "reable/security/crypto.hpp"

#include <Poco/JSON/Array.h>
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

using namespace reable::testing;

TEST_CASE("an evaluator downloads the long outcome file streamed, and its run's manifest has the body's digest")
{
    TestServer server;
    const std::string onderzoeker = server.login("onderzoeker");
    const HttpResult r = server.get("/api/v1/exports/outcomes/outcomes_long.csv?dates=month", onderzoeker);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK(r.content_type == "text/csv; charset=utf-8");
    CHECK(r.headers.at("Transfer-Encoding") == "chunked");
    CHECK(r.headers.at("Content-Disposition") == "attachment; filename=\"outcomes_long.csv\"");
    const std::string run = r.headers.at("Reable-Export-Run");
    CHECK(run == "/api/v1/export-runs/1");

    std::istringstream lines(r.body);
    std::string line;
    std::getline(lines, line);
    CHECK(line == "pseudonym,trajectory,occasion,month,instrument,instrument_version,discipline,record,variable,trial,"
                  "value,code\r");
    std::size_t rows = 0;
    while (std::getline(lines, line)) {
        ++rows;
        CHECK(std::regex_match(line.substr(0, 65), std::regex("[0-9a-f]{64},")));
    }
    CHECK(rows > 100);

    const HttpResult record = server.get(run, onderzoeker);
    REQUIRE_MESSAGE(record.status == 200, record.body);
    const auto o = record.json();
    CHECK(o->getValue<std::string>("status") == "complete");
    CHECK(o->getValue<std::string>("kind") == "outcomes");
    CHECK(o->getValue<std::string>("user") == "onderzoeker");
    CHECK(o->getObject("filters")->getValue<std::string>("dates") == "month");
    const auto manifest = o->getObject("manifest");
    CHECK(manifest->getObject("counts")->getValue<int>("clients") == k_fixture_clients);
    const auto file = manifest->getArray("files")->getObject(0);
    CHECK(file->getValue<std::string>("name") == "outcomes_long.csv");
    CHECK(file->getValue<std::string>("sha256") == reable::security::sha256_hex(r.body));
    CHECK(file->getValue<std::size_t>("bytes") == r.body.size());
    CHECK(file->getValue<std::size_t>("rows") == rows);
    // The download is in the audit log, with the file.
    CHECK(count_rows(server.database(),
                     "audit_event WHERE data = 'export:outcomes/outcomes_long.csv' AND username = 'onderzoeker'") == 1);
}

TEST_CASE("an export lists its files, and the report's indicators and plots download")
{
    TestServer server;
    const std::string onderzoeker = server.login("onderzoeker");
    const HttpResult list = server.get("/api/v1/exports/report", onderzoeker);
    REQUIRE_MESSAGE(list.status == 200, list.body);
    const auto files = list.json()->getArray("files");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < files->size(); ++i)
        names.push_back(files->getObject(static_cast<unsigned>(i))->getValue<std::string>("name"));
    REQUIRE(names.size() >= 4);
    CHECK(names[0] == "indicators.json");
    CHECK(names[3] == "km.svg");
    const HttpResult km = server.get("/api/v1/exports/report/km.svg?min_cell=3", onderzoeker);
    CHECK(km.status == 200);
    CHECK(km.content_type == "image/svg+xml");
    CHECK(km.body.find("</svg>") != std::string::npos);
    const HttpResult indicators = server.get("/api/v1/exports/report/indicators.json", onderzoeker);
    REQUIRE(indicators.status == 200);
    CHECK(indicators.json()->getValue<int>("min_cell") == 5);
    const HttpResult fhir = server.get("/api/v1/exports/fhir/Patient.ndjson", onderzoeker);
    CHECK(fhir.status == 200);
    CHECK(fhir.content_type == "application/fhir+ndjson");
    CHECK(fhir.body.find("\"resourceType\":\"Patient\"") != std::string::npos);
}

TEST_CASE("bad export requests are refused before anything is recorded or sent")
{
    TestServer server;
    const std::string onderzoeker = server.login("onderzoeker");
    const std::int64_t audit_before = count_rows(server.database(), "audit_event WHERE data LIKE 'export:%'");
    const std::vector<std::pair<std::string, int>> cases{
        {"/api/v1/exports/outcomes/outcomes_long.csv?dates=week", 400},
        {"/api/v1/exports/outcomes/outcomes_long.csv?from=2026-03-01&to=2026-02-01", 400},
        {"/api/v1/exports/outcomes/outcomes_long.csv?from=2026-02-30", 400},
        {"/api/v1/exports/outcomes/outcomes_long.csv?area=999", 422},
        {"/api/v1/exports/outcomes/outcomes_long.csv?colour=red", 400},
        {"/api/v1/exports/report/km.svg?min_cell=0", 400},
        {"/api/v1/exports/census/outcomes_long.csv", 404},
        {"/api/v1/exports/outcomes/secrets.csv", 404},
        {"/api/v1/export-runs/99", 404},
    };
    for (const auto& [path, status] : cases) {
        const HttpResult r = server.get(path, onderzoeker);
        INFO(path << " -> " << r.status << " " << r.body);
        CHECK(r.status == status);
        CHECK(r.content_type == "application/problem+json");
    }
    CHECK(count_rows(server.database(), "export_run") == 0);
    CHECK(count_rows(server.database(), "audit_event WHERE data LIKE 'export:%' AND result = 'success'") ==
          audit_before);
    const HttpResult unknown = server.get("/api/v1/exports/outcomes/secrets.csv", onderzoeker);
    CHECK(unknown.json()->getValue<std::string>("detail").find("its files: outcomes_long.csv, outcomes_wide.csv") !=
          std::string::npos);
}

namespace {

int enrolled(const HttpResult& indicators)
{
    REQUIRE_MESSAGE(indicators.status == 200, indicators.body);
    const auto rows = indicators.json()->getArray("rows");
    for (unsigned i = 0; i < rows->size(); ++i) {
        const auto row = rows->getObject(i);
        if (row->getValue<std::string>("group") == "all" && row->getValue<std::string>("indicator") == "enrolled")
            return row->getValue<int>("n");
    }
    FAIL("no enrolled row");
    return -1;
}

}  // namespace

TEST_CASE("the report is computed once for its files, and a write through the server brings a fresh one")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const Scenario s = make_scenario(server, wij);
    const std::string onderzoeker = server.login("onderzoeker");
    const HttpResult first = server.get("/api/v1/exports/report/indicators.json", onderzoeker);
    const int before = enrolled(first);
    // The same report again (and its curve from the same computation): the same figures.
    CHECK(server.get("/api/v1/exports/report/km.svg", onderzoeker).status == 200);
    CHECK(server.get("/api/v1/exports/report/indicators.json", onderzoeker).body == first.body);

    const HttpResult started = server.post(
        "/api/v1/trajectories",
        R"({"client_id": )" + std::to_string(s.spare_client) + R"(, "template_id": "groningen-14w-2y", "start_date": ")" +
            s.days_ago(7) + R"(", "member_ids": [)" + s.member_ids + "]}",
        wij);
    REQUIRE_MESSAGE(started.status == 201, started.body);
    CHECK(enrolled(server.get("/api/v1/exports/report/indicators.json", onderzoeker)) == before + 1);
    // Other filters are another report.
    CHECK(enrolled(server.get("/api/v1/exports/report/indicators.json?min_cell=1", onderzoeker)) == before + 1);
}
