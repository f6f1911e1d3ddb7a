// Health, metrics and the OpenAPI document.

#include "server_fixture.hpp"

#include "api/routes.hpp"

#include <doctest/doctest.h>
#include <Poco/JSON/Object.h>

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
