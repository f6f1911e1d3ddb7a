// Bad input keeps the server serving and writes nothing: malformed and mistyped bodies, bodies
// over the limit or cut short, ids and paths no route can mean, SQL and traversal attempts,
// unknown query parameters and methods, garbage credentials, and connections that stall. Never a
// 500, and nothing in the error log.

#include "scenario.hpp"
#include "server_fixture.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <sstream>

using namespace reable::testing;

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

/// A request with headers of the test's choosing (TestServer::request always sends a well-formed
/// bearer token). `content_length` below zero: the body's own length.
HttpResult send(const TestServer& server, const std::string& method, const std::string& path, const Headers& headers,
                const std::string& body = "", long long content_length = -1, bool chunked = false)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
    session.setTimeout(Poco::Timespan(5, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (chunked) {
        request.setChunkedTransferEncoding(true);
    }
    else if (content_length >= 0 || !body.empty() || method == "POST") {
        request.setContentLength64(content_length >= 0 ? content_length : static_cast<Poco::Int64>(body.size()));
    }
    if (!body.empty() || method == "POST") request.setContentType("application/json");
    session.sendRequest(request) << body;
    return receive(session);
}

Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

/// The problem's "field", or "" when there is none (or the body is not a problem).
std::string field_of(const HttpResult& r)
{
    try {
        const auto o = r.json();
        return o->has("field") ? o->getValue<std::string>("field") : "";
    }
    catch (const std::exception&) {
        return "";
    }
}

/// Lines of the error log that report an internal error (a 500).
std::size_t internal_errors(const TestServer& server)
{
    std::ifstream in(server.scratch().path("error.log"));
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);)
        if (line.find("internal") != std::string::npos) ++n;
    return n;
}

/// What every bad-input test ends with: the server still answers, and logged no internal error.
void still_serving(const TestServer& server)
{
    CHECK(server.get("/healthz").status == 200);
    CHECK(internal_errors(server) == 0);
    CHECK(server.running());
}

/// A raw TCP connection: bytes out, bytes in, within a bounded wait.
class RawConnection {
public:
    explicit RawConnection(const TestServer& server)
        : m_socket(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(server.port())))
    {
        m_socket.setReceiveTimeout(Poco::Timespan(5, 0));
    }
    void send(const std::string& bytes) { m_socket.sendBytes(bytes.data(), static_cast<int>(bytes.size())); }
    /// Reads until the server closes the connection (true) or `seconds` pass without it (false).
    bool read_until_closed(std::string& received, double seconds = 5.0)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        char buffer[4096];
        while (std::chrono::steady_clock::now() < deadline) {
            try {
                const int n = m_socket.receiveBytes(buffer, sizeof buffer);
                if (n <= 0) return true;
                received.append(buffer, static_cast<std::size_t>(n));
            }
            catch (const Poco::TimeoutException&) {
                return false;
            }
            catch (const Poco::Net::ConnectionResetException&) {
                return true;
            }
        }
        return false;
    }

private:
    Poco::Net::StreamSocket m_socket;
};

std::size_t count_of(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

double seconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("malformed, mistyped, unknown and missing body fields get 400 naming the field and write nothing")
{
    TestServer server;
    const std::string wij = server.login("wij");
    const std::string fysio = server.login("fysio");
    const Scenario s = make_scenario(server, wij);
    const std::string trajectory = path_of("trajectories", s.trajectory);
    const std::string sessions = trajectory + "/sessions";
    const std::string goals = trajectory + "/goals";
    const std::string meldingen = path_of("clients", s.client) + "/meldingen";
    const std::string day = "\"" + s.days_ago(3) + "\"";
    const std::string deep = std::string(5000, '[') + std::string(5000, ']');
    const std::string client_fields =
        R"("name": "Mevr. D. Invoer", "birth_date": "1939-05-05", "sex": "female", "area": "Oosterparkwijk")";

    struct Case {
        std::string path;
        const std::string& token;
        std::string body;
        std::string field;  ///< the field the problem must name
        std::string table;  ///< the table that must not change
    };
    const std::vector<Case> cases{
        {sessions, fysio, "{", "body", "session"},
        {sessions, fysio, "not json at all", "body", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 45,})", "body", "session"},
        {sessions, fysio, "[1, 2]", "body", "session"},
        {sessions, fysio, R"("a string")", "body", "session"},
        {sessions, fysio, "null", "body", "session"},
        {sessions, fysio, "   ", "body", "session"},
        {sessions, fysio, R"({"notes": )" + deep + "}", "body", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": "45"})", "minutes", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 45.5})", "minutes", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": true})", "minutes", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": [45]})", "minutes", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 18446744073709551615})", "minutes", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 9223372036854775808})", "minutes", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": -99999999999999999999})", "body", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 1e300})", "minutes", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 1e400})", "body", "session"},
        {sessions, fysio, R"({"date": 20261110, "minutes": 45})", "date", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 45, "activities": "stairs"})", "activities",
         "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 45, "activities": [1]})", "activities[0]", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 45, "goal_ids": [18446744073709551615]})",
         "goal_ids[0]", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 45, "member_id": "7"})", "member_id", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 45, "colour": "blue"})", "colour", "session"},
        {sessions, fysio, R"({"date": )" + day + R"(, "minutes": 45, "Minutes": 45})", "Minutes", "session"},
        {sessions, fysio, R"({"minutes": 45})", "date", "session"},
        {sessions, fysio, R"({"date": )" + day + "}", "minutes", "session"},
        {sessions, fysio, R"({"date": null, "minutes": 45})", "date", "session"},
        {goals, fysio, "{", "body", "copm_goal"},
        {goals, fysio, R"({"problem": "Trap", "importance": "8", "set_on": )" + day + "}", "importance", "copm_goal"},
        {goals, fysio, R"({"problem": "Trap", "importance": 8})", "set_on", "copm_goal"},
        {goals, fysio, R"({"problem": "Trap", "importance": 8, "set_on": )" + day + R"(, "weight": 2})", "weight",
         "copm_goal"},
        {meldingen, wij, R"({"received_on": 20261101})", "received_on", "melding"},
        {meldingen, wij, "{}", "received_on", "melding"},
        {meldingen, wij, R"({"received_on": )" + day + R"(, "urgent": true})", "urgent", "melding"},
        {"/api/v1/clients", wij, R"({"bsn": 123456812, )" + client_fields + "}", "bsn", "client"},
        {"/api/v1/clients", wij, R"({"bsn": "123456812", "rooms_in_use": "3", )" + client_fields + "}", "rooms_in_use",
         "client"},
        {"/api/v1/clients", wij, R"({"bsn": "123456812", "carers": {"name": "x"}, )" + client_fields + "}", "carers",
         "client"},
    };
    for (const Case& c : cases) {
        const std::int64_t before = count_rows(server.database(), c.table);
        const HttpResult r = server.post(c.path, c.body, c.token);
        INFO("POST " << c.path << " " << c.body.substr(0, 200) << " -> " << r.status << " " << r.body.substr(0, 300));
        CHECK(r.status < 500);
        CHECK(r.status == 400);
        CHECK(r.content_type == "application/problem+json");
        CHECK(field_of(r) == c.field);
        CHECK(count_rows(server.database(), c.table) == before);
    }

    // Bodies that are not JSON objects of fields: scoring input and a sessions CSV. Refused with the
    // problem named (400 or 422), nothing stored.
    const std::string csv_head = "trajectory,member,date,minutes\n";
    const std::string csv_row = std::to_string(s.trajectory) + "," + std::to_string(s.fysio_member) + ",";
    const std::vector<std::pair<std::string, std::string>> others{
        {"/api/v1/instruments/sppb/score", "{"},
        {"/api/v1/instruments/sppb/score", "[]"},
        {"/api/v1/instruments/sppb/score", R"({"items": {"gait_4m": "fast"}, "age": 80})"},
        {"/api/v1/instruments/sppb/score", R"({"items": {"gait_4m": [18446744073709551615]}, "age": 80})"},
        {"/api/v1/instruments/sppb/score", R"({"items": {"gait_4m": 1e300}, "age": 1e300})"},
        {"/api/v1/instruments/sppb/score", R"({"items": {}, "age": 80, "colour": 1})"},
        {"/api/v1/instruments/sppb/score", R"({"items": )" + deep + "}"},
        {"/api/v1/instruments/no-such-instrument/score", R"({"items": {}, "age": 80})"},
        {"/api/v1/imports/sessions", ""},
        {"/api/v1/imports/sessions", "not,a,sessions,file\n1,2,3,4\n"},
        {"/api/v1/imports/sessions", csv_head + csv_row + s.days_ago(3) + ",forty-five\n"},
        {"/api/v1/imports/sessions", csv_head + csv_row + "'); DROP TABLE session;--,45\n"},
        {"/api/v1/imports/sessions",
         csv_head + "99999999999999999999," + csv_row.substr(csv_row.find(',') + 1) + s.days_ago(3) + ",45\n"},
        {"/api/v1/imports/sessions", csv_head + "\"" + csv_row + s.days_ago(3) + ",45\n"},
        {"/api/v1/imports/sessions", csv_head + csv_row + s.days_ago(3) + ",45\n" + csv_row + s.days_ago(3) + ",45\n"},
    };
    for (const auto& [path, body] : others) {
        const std::int64_t before = count_rows(server.database(), "session");
        const bool csv = path.find("imports") != std::string::npos;
        const HttpResult r = server.request("POST", path, body, fysio, csv ? "text/csv" : "application/json");
        INFO("POST " << path << " " << body.substr(0, 200) << " -> " << r.status << " " << r.body.substr(0, 300));
        CHECK(r.status < 500);
        CHECK((r.status == 400 || r.status == 422 || (r.status == 404 && path.find("no-such") != std::string::npos)));
        CHECK(r.content_type == "application/problem+json");
        CHECK(count_rows(server.database(), "session") == before);
    }

    // SQL in a text field is text: stored and shown verbatim, the tables untouched.
    const std::string injection = "'); DROP TABLE session;--";
    const std::int64_t sessions_before = count_rows(server.database(), "session");
    const HttpResult logged =
        server.post(sessions, R"({"date": )" + day + R"(, "minutes": 45, "notes": ")" + injection + "\"}", fysio);
    REQUIRE_MESSAGE(logged.status == 201, logged.body);
    CHECK(count_rows(server.database(), "session") == sessions_before + 1);
    const auto items = server.get(sessions, fysio).json()->getArray("items");
    REQUIRE(items->size() == 1);
    CHECK(items->getObject(0)->getValue<std::string>("notes") == injection);

    const std::string name = "Robert'); DROP TABLE client;--";
    const std::int64_t clients_before = count_rows(server.database(), "client");
    const HttpResult registered =
        server.post("/api/v1/clients",
                    R"({"bsn": "123456812", "name": ")" + name +
                        R"(", "birth_date": "1939-05-05", "sex": "male", "area": "Oosterparkwijk"})",
                    wij);
    REQUIRE_MESSAGE(registered.status == 201, registered.body);
    CHECK(count_rows(server.database(), "client") == clients_before + 1);
    const HttpResult shown = server.get(path_of("clients", registered.json()->getValue<std::int64_t>("id")), wij);
    REQUIRE(shown.status == 200);
    CHECK(shown.json()->getValue<std::string>("name") == name);

    still_serving(server);
}

TEST_CASE("ids, paths, query parameters, methods and credentials no route can mean are refused, never with a 500")
{
    TestServer server;
    const std::string fysio = server.login("fysio");
    const auto sessions_before = count_rows(server.database(), "session");

    // Ids in the path: whole numbers from 1 that fit, else 400 naming the parameter.
    for (const std::string id :
         {"abc", "0", "-1", "99999999999999999999", "1.5", "0x10", "+1", "1e3", "%201", "1%20"}) {
        for (const std::string method : {"GET", "POST"}) {
            const std::string path = "/api/v1/trajectories/" + id + (method == "POST" ? "/sessions" : "");
            const HttpResult r = server.request(method, path, R"({"date": "2026-11-01", "minutes": 45})", fysio);
            INFO(method << " " << path << " -> " << r.status << " " << r.body);
            CHECK(r.status == 400);
            CHECK(field_of(r) == "id");
        }
    }
    const HttpResult missing = server.get("/api/v1/trajectories/999999999", fysio);
    CHECK(missing.status == 404);
    CHECK(missing.content_type == "application/problem+json");
    CHECK(server.post("/api/v1/trajectories/999999999/sessions", R"({"date": "2026-11-01", "minutes": 45})", fysio)
              .status == 404);

    // Traversal and odd paths: 400 or 404, never the file, never a 500.
    const std::vector<std::string> paths{"/api/v1/../../etc/passwd",
                                         "/api/v1/clients/%2e%2e/x",
                                         "/api/v1/clients/1%2f..",
                                         "/api/v1/clients/..%2f..%2fetc%2fpasswd",
                                         "/api/v1/clients/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                                         "/api/v1/./me",
                                         "//api/v1/me",
                                         "/api/v1/me/..",
                                         "/..",
                                         "/api/v1/clients/1%00",
                                         "/api/v1/me%0d%0aX-Injected:%201",
                                         "/api/v1/clients/1\\..\\..\\etc",
                                         "/api/v1/clients/%zz",
                                         "/etc/passwd",
                                         "/api/v1/" + std::string(20000, 'a')};
    for (const std::string& path : paths) {
        const HttpResult r = server.get(path, fysio);
        INFO("GET " << path.substr(0, 80) << " -> " << r.status << " " << r.body.substr(0, 300));
        CHECK((r.status == 400 || r.status == 404));
        CHECK(r.headers.count("X-Injected") == 0);
    }

    // Query parameters: SQL-looking values are just bad values, unknown names are named.
    struct Query {
        std::string target;
        std::string field;
    };
    const std::vector<Query> queries{
        {"/api/v1/trajectories?status=active'%20OR%201=1--", "status"},
        {"/api/v1/trajectories?status=active%3B%20DROP%20TABLE%20trajectory", "status"},
        {"/api/v1/trajectories?status=active&status=x", "status"},
        {"/api/v1/trajectories?client=1%20OR%201=1", "client"},
        {"/api/v1/trajectories?from=2026-02-30", "from"},
        {"/api/v1/trajectories?colour=blue", "colour"},
        {"/api/v1/trajectories?STATUS=active", "STATUS"},
        {"/api/v1/clients?limit=0", "limit"},
        {"/api/v1/clients?limit=501", "limit"},
        {"/api/v1/clients?limit=-1", "limit"},
        {"/api/v1/clients?limit=10;DROP", "limit"},
        {"/api/v1/clients?offset=-1", "offset"},
        {"/api/v1/clients?offset=99999999999999999999", "offset"},
        {"/api/v1/me?debug=1", "debug"},
    };
    for (const Query& q : queries) {
        const HttpResult r = server.get(q.target, fysio);
        INFO("GET " << q.target << " -> " << r.status << " " << r.body);
        CHECK(r.status == 400);
        CHECK(field_of(r) == q.field);
    }

    // A method the path does not have: 405 with the ones it does.
    struct Method {
        std::string method;
        std::string path;
        std::string allow;
    };
    for (const Method& m : std::vector<Method>{{"DELETE", "/api/v1/clients", "GET, POST"},
                                               {"PUT", "/api/v1/trajectories/1", "GET"},
                                               {"PATCH", "/healthz", "GET"},
                                               {"GET", "/api/v1/auth/logout", "POST"},
                                               {"BREW", "/api/v1/trajectories/1/sessions", "GET, POST"}}) {
        const HttpResult r = server.request(m.method, m.path, "", fysio);
        INFO(m.method << " " << m.path << " -> " << r.status << " " << r.body);
        CHECK(r.status == 405);
        CHECK(r.content_type == "application/problem+json");
        REQUIRE(r.headers.count("Allow") == 1);
        CHECK(r.headers.at("Allow") == m.allow);
    }

    // Credentials that are not a live bearer token: 401 with the challenge.
    const std::vector<std::string> authorizations{"Basic Zm9vOmJhcg==",
                                                  "Bearer",
                                                  "Bearer ",
                                                  "Bearer  " + fysio,
                                                  "Bearer " + fysio + "x",
                                                  "Bearer " + fysio + " " + fysio,
                                                  "Token " + fysio,
                                                  fysio,
                                                  "Bearer \xff\xfe\xfd garbage \xc3\x28",
                                                  "Bearer ' OR 1=1--",
                                                  "Bearer " + std::string(8000, 'A')};
    for (const std::string& a : authorizations) {
        const HttpResult r = send(server, "GET", "/api/v1/me", {{"Authorization", a}});
        INFO("Authorization: " << a.substr(0, 60) << " -> " << r.status << " " << r.body);
        CHECK(r.status == 401);
        CHECK(r.headers.count("WWW-Authenticate") == 1);
    }
    // The scheme is case-insensitive (RFC 9110): "bearer" works like "Bearer".
    CHECK(send(server, "GET", "/api/v1/me", {{"Authorization", "bearer " + fysio}}).status == 200);
    CHECK(send(server, "GET", "/api/v1/me", {{"Authorization", "BEARER " + fysio}}).status == 200);
    // Longer than any header line the server reads (8 KiB): refused before it is looked at.
    const HttpResult too_long =
        send(server, "GET", "/api/v1/me", {{"Authorization", "Bearer " + std::string(20000, 'A')}});
    CHECK(too_long.status == 400);
    // A POST with neither Content-Length nor chunks has no body (HTTP/1.1): answered at once, not
    // after waiting for the client to close (the I/O timeout here is 15 s).
    RawConnection no_length(server);
    const auto asked = std::chrono::steady_clock::now();
    no_length.send("POST /api/v1/instruments/sppb/score HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + fysio +
                   "\r\nConnection: close\r\n\r\n");
    std::string scored;
    CHECK(no_length.read_until_closed(scored, 5.0));
    CHECK(seconds_since(asked) < 5.0);
    INFO("POST without a length: " << scored);
    CHECK(scored.rfind("HTTP/1.1 422", 0) == 0);

    // The token itself still works after all that.
    CHECK(send(server, "GET", "/api/v1/me", bearer(fysio)).status == 200);

    CHECK(count_rows(server.database(), "session") == sessions_before);
    still_serving(server);
}

TEST_CASE("a body over the limit gets 413 before it is read, and the server keeps serving")
{
    TestServer server({"--max-body", "2048"});
    const std::string wij = server.login("wij");
    const std::string fysio = server.login("fysio");
    const Scenario s = make_scenario(server, wij);
    const std::string sessions = path_of("trajectories", s.trajectory) + "/sessions";
    const auto before = count_rows(server.database(), "session");

    /// A valid session of exactly `size` bytes (the notes pad it).
    const auto session_of_size = [&](std::size_t size, const std::string& day) {
        const std::string head = R"({"date": ")" + day + R"(", "minutes": 45, "notes": ")";
        return head + std::string(size - head.size() - 2, 'n') + "\"}";
    };

    const HttpResult four_kb = send(server, "POST", sessions, bearer(fysio), session_of_size(4096, s.days_ago(5)));
    CHECK(four_kb.status == 413);
    CHECK(four_kb.content_type == "application/problem+json");
    CHECK(Poco::icompare(four_kb.headers.at("Connection"), "close") == 0);

    // Claims 10 MB, sends a few bytes: refused on the claim, without waiting for the rest.
    const auto started = std::chrono::steady_clock::now();
    const HttpResult claimed = send(server, "POST", sessions, bearer(fysio), R"({"date": ")", 10LL << 20);
    CHECK(claimed.status == 413);
    CHECK(seconds_since(started) < 3.0);

    // Chunked, so no length to refuse up front: refused once 2048 bytes have arrived.
    const HttpResult chunked =
        send(server, "POST", sessions, bearer(fysio), session_of_size(4096, s.days_ago(5)), -1, true);
    CHECK(chunked.status == 413);

    // The limit itself is allowed; one byte more is not.
    const HttpResult at_limit = send(server, "POST", sessions, bearer(fysio), session_of_size(2048, s.days_ago(4)));
    CHECK_MESSAGE(at_limit.status == 201, at_limit.body);
    const HttpResult over = send(server, "POST", sessions, bearer(fysio), session_of_size(2049, s.days_ago(3)));
    CHECK(over.status == 413);

    CHECK(count_rows(server.database(), "session") == before + 1);
    still_serving(server);
}

TEST_CASE("stalled and half-open connections do not hold up other requests, are closed after the I/O timeout and a "
          "cut-short body is not stored")
{
    TestServer server({"--io-timeout", "1", "--keep-alive", "1"});
    const std::string wij = server.login("wij");
    const std::string fysio = server.login("fysio");
    const Scenario s = make_scenario(server, wij);
    const std::string sessions = path_of("trajectories", s.trajectory) + "/sessions";
    const auto before = count_rows(server.database(), "session");

    // Half a request line, a connection that says nothing, half a header block.
    RawConnection half_line(server);
    half_line.send("GET /heal");
    RawConnection silent(server);
    RawConnection half_headers(server);
    half_headers.send("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthor");
    // A body that stops short of its Content-Length: a complete JSON object, but not all of it.
    RawConnection short_body(server);
    const std::string body = R"({"date": ")" + s.days_ago(2) + R"(", "minutes": 45})";
    short_body.send("POST " + sessions + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + fysio +
                    "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size() + 100) +
                    "\r\n\r\n" + body);

    // Meanwhile others are served at once.
    const auto started = std::chrono::steady_clock::now();
    CHECK(server.get("/healthz").status == 200);
    CHECK(server.get("/api/v1/me", fysio).status == 200);
    CHECK(server.get(sessions, fysio).status == 200);
    CHECK(seconds_since(started) < 1.0);

    // The server gives up on each within a few seconds (io-timeout 1 s).
    for (RawConnection* c : {&half_line, &silent, &half_headers}) {
        std::string received;
        const auto waited = std::chrono::steady_clock::now();
        CHECK(c->read_until_closed(received, 5.0));
        CHECK(seconds_since(waited) < 5.0);
        INFO("received: " << received);
        CHECK(received.find(" 200 ") == std::string::npos);
        CHECK(received.find(" 500 ") == std::string::npos);
    }
    std::string answer;
    CHECK(short_body.read_until_closed(answer, 5.0));
    INFO("cut-short body answered: " << answer);
    CHECK(answer.rfind("HTTP/1.1 400 Bad Request", 0) == 0);
    CHECK(answer.find(R"("field":"body")") != std::string::npos);
    CHECK(count_rows(server.database(), "session") == before);

    // A body the server did not read (the route does not exist) must not be read as the next
    // request on the same connection.
    RawConnection smuggler(server);
    const std::string inner = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    smuggler.send(
        "POST /api/v1/nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: " +
        std::to_string(inner.size()) + "\r\n\r\n" + inner);
    std::string replies;
    CHECK(smuggler.read_until_closed(replies, 5.0));
    INFO("replies: " << replies);
    CHECK(replies.rfind("HTTP/1.1 404", 0) == 0);
    CHECK(count_of(replies, "HTTP/1.1 ") == 1);

    still_serving(server);
}
