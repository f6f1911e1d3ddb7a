// Health, metrics and the OpenAPI document.

#include "server_fixture.hpp"

#include "api/routes.hpp"

#include <doctest/doctest.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>

#include <Poco/JSON/Parser.h>

#include <cstdlib>
#include <fstream>

#include <set>

using namespace reable::testing;

TEST_CASE("healthz answers ok without a token, metrics count requests, errors and the database size")
{
    TestServer server;
    const HttpResult health = server.get("/healthz");
    CHECK(health.status == 200);
    CHECK(health.body == "ok\n");
    server.get("/api/v1/me");  // a 401
    const HttpResult metrics = server.get("/metrics");
    REQUIRE(metrics.status == 200);
    CHECK(metrics.content_type.find("text/plain; version=0.0.4") == 0);
    CHECK(metrics.body.find("reable_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1") !=
          std::string::npos);
    CHECK(metrics.body.find("reable_http_errors_total{class=\"4xx\"} 1") != std::string::npos);
    CHECK(metrics.body.find("reable_http_request_duration_seconds_bucket{le=\"+Inf\"} 2") != std::string::npos);
    CHECK(metrics.body.find("reable_database_size_bytes ") != std::string::npos);
}

TEST_CASE("the OpenAPI document lists exactly the routes of the router, each with its methods and schemas")
{
    TestServer server;
    const HttpResult doc = server.get("/api/v1/openapi.json");
    REQUIRE(doc.status == 200);
    const auto root = doc.json();
    CHECK(root->getValue<std::string>("openapi") == "3.0.3");
    const auto paths = root->getObject("paths");
    const auto schemas = root->getObject("components")->getObject("schemas");

    std::set<std::string> routed;
    const reable::server::Router router = reable::server::build_router();
    for (const reable::server::Route& r : router.routes()) {
        std::string method = r.method;
        for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        routed.insert(method + " " + r.pattern);
        INFO(r.method << " " << r.pattern);
        REQUIRE(paths->has(r.pattern));
        CHECK(paths->getObject(r.pattern)->has(method));
        for (const std::string& schema : {r.request_schema, r.response_schema})
            if (!schema.empty() && schema.find('/') == std::string::npos) CHECK(schemas->has(schema));
    }
    std::size_t documented = 0;
    std::vector<std::string> names;
    paths->getNames(names);
    for (const std::string& path : names) {
        std::vector<std::string> methods;
        paths->getObject(path)->getNames(methods);
        for (const std::string& m : methods) {
            INFO(m << " " << path);
            CHECK(routed.count(m + " " + path) == 1);
            ++documented;
        }
    }
    CHECK(documented == routed.size());
}

TEST_CASE("with a certificate and key the server speaks HTTPS only")
{
    reable::testing::Scratch keys;
    const std::string key = keys.path("key.pem").string();
    const std::string cert = keys.path("cert.pem").string();
    const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " + key +
                                " -out " + cert + " >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "openssl could not make a test certificate");
    TestServer server({"--tls-cert", cert, "--tls-key", key});

    Poco::Net::initializeSSL();
    {
        Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE);
        Poco::Net::HTTPSClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server.port()), context);
        Poco::Net::HTTPRequest request("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::string body;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
        CHECK(response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK);
        CHECK(body == "ok\n");
    }
    Poco::Net::uninitializeSSL();
    // Plain HTTP on the TLS port gets no HTTP answer.
    CHECK_THROWS(server.get("/healthz"));
}

TEST_CASE("the access log is JSON lines with route patterns, status and duration, and no ids or names from the path")
{
    TestServer server;
    const std::string token = server.login("fysio");
    server.get("/api/v1/trajectories/1", token);
    server.get("/api/v1/clients/987654", token);
    server.stop();  // flushes and closes the logs
    std::ifstream in(server.scratch().path("access.log"));
    std::string line;
    int lines = 0;
    bool saw_pattern = false;
    while (std::getline(in, line)) {
        ++lines;
        Poco::JSON::Parser parser;
        const auto entry = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
        CHECK(entry->has("ts"));
        CHECK(entry->has("status"));
        CHECK(entry->has("ms"));
        CHECK(line.find("987654") == std::string::npos);
        CHECK(line.find("/trajectories/1\"") == std::string::npos);
        saw_pattern = saw_pattern || entry->getValue<std::string>("route") == "/api/v1/trajectories/{id}";
    }
    CHECK(lines == 3);
    CHECK(saw_pattern);
}
