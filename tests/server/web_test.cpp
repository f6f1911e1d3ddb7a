// The web interface is served by reable-server itself: the page, its script and style sheet,
// with a Content-Security-Policy that allows only the server's own files.

#include "server_fixture.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace reable::testing;

TEST_CASE("the server serves the web interface: a Dutch page and every file it refers to")
{
    TestServer server;
    const HttpResult page = server.get("/");
    REQUIRE(page.status == 200);
    CHECK(page.content_type == "text/html; charset=utf-8");
    CHECK(page.body.find("<html lang=\"nl\">") != std::string::npos);
    CHECK(page.body.find("name=\"viewport\"") != std::string::npos);
    const std::string csp = page.headers.at("Content-Security-Policy");
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);

    // Every /app/ file the page names is there, with its media type.
    const std::regex reference(R"re((?:src|href)="(/app/[^"]+)")re");
    std::size_t files = 0;
    for (auto it = std::sregex_iterator(page.body.begin(), page.body.end(), reference); it != std::sregex_iterator();
         ++it) {
        const std::string path = (*it)[1];
        const HttpResult file = server.get(path);
        INFO(path);
        CHECK(file.status == 200);
        CHECK(file.body.size() > 100);
        if (path.ends_with(".js")) CHECK(file.content_type == "text/javascript; charset=utf-8");
        if (path.ends_with(".css")) CHECK(file.content_type == "text/css; charset=utf-8");
        ++files;
    }
    CHECK(files == 2);
}

TEST_CASE("an unknown web file is a 404 problem, and the page's script signs in through the API only")
{
    TestServer server;
    const HttpResult missing = server.get("/app/secrets.js");
    CHECK(missing.status == 404);
    CHECK(missing.content_type == "application/problem+json");
    CHECK(server.get("/app/..%2Fserver.json").status == 400);
    const HttpResult script = server.get("/app/app.js");
    REQUIRE(script.status == 200);
    CHECK(script.body.find("/api/v1/auth/login") != std::string::npos);

    // Every module app.js imports, directly or through another, is served; none builds HTML from
    // data (text reaches the page through textContent only) or evaluates strings.
    const std::regex import_of(R"re(from '\./([a-z_]+\.js)')re");
    std::vector<std::string> pending{"app.js"};
    std::set<std::string> seen;
    while (!pending.empty()) {
        const std::string name = pending.back();
        pending.pop_back();
        if (!seen.insert(name).second) continue;
        const HttpResult module = server.get("/app/" + name);
        INFO(name);
        REQUIRE(module.status == 200);
        CHECK(module.content_type == "text/javascript; charset=utf-8");
        CHECK(module.body.find("innerHTML") == std::string::npos);
        CHECK(module.body.find("outerHTML") == std::string::npos);
        CHECK(module.body.find("eval(") == std::string::npos);
        for (auto it = std::sregex_iterator(module.body.begin(), module.body.end(), import_of);
             it != std::sregex_iterator(); ++it)
            pending.push_back((*it)[1]);
    }
    CHECK(seen.size() >= 8);  // app, api, dom, forms, i18n, flash and one module per role
}
