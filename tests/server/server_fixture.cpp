#include "server_fixture.hpp"

#include <doctest/doctest.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

extern char** environ;

namespace reable::testing {

Poco::JSON::Object::Ptr HttpResult::json() const
{
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

TestServer::TestServer(std::vector<std::string> extra)
{
    m_database = m_scratch.path("reable.db");
    std::filesystem::copy_file(REABLE_SERVER_FIXTURE_DB, m_database);
    const std::filesystem::path port_file = m_scratch.path("port");
    std::vector<std::string> args{REABLE_SERVER_PATH,
                                  "--db",
                                  m_database.string(),
                                  "--protocols",
                                  REABLE_SOURCE_PROTOCOLS_DIR,
                                  "--port",
                                  "0",
                                  "--port-file",
                                  port_file.string(),
                                  "--threads",
                                  "8",
                                  "--access-log",
                                  m_scratch.path("access.log").string(),
                                  "--error-log",
                                  m_scratch.path("error.log").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, m_scratch.path("stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int rc = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE_MESSAGE(rc == 0, "could not start " << REABLE_SERVER_PATH);
    // The server writes the port once it listens; give it up to 20 s on a loaded machine.
    for (int i = 0; i < 2000 && m_port == 0; ++i) {
        std::ifstream in(port_file);
        if (!(in >> m_port)) {
            m_port = 0;
            int status = 0;
            if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                std::ifstream err(m_scratch.path("stderr"));
                std::string text((std::istreambuf_iterator<char>(err)), {});
                FAIL("reable-server exited at start: " << text);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    REQUIRE_MESSAGE(m_port > 0, "reable-server did not report its port");
}

TestServer::~TestServer()
{
    if (m_pid > 0) stop();
}

int TestServer::stop()
{
    if (m_pid <= 0) return -1;
    ::kill(m_pid, SIGTERM);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool TestServer::running() const { return m_pid > 0 && ::kill(m_pid, 0) == 0; }

HttpResult receive(Poco::Net::HTTPClientSession& session)
{
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpResult out;
    out.status = static_cast<int>(response.getStatus());
    out.content_type = response.getContentType();
    for (const auto& [name, value] : response) out.headers[name] = value;
    Poco::StreamCopier::copyToString(in, out.body);
    return out;
}

HttpResult TestServer::request(const std::string& method, const std::string& path, const std::string& body,
                               const std::string& token, const std::string& content_type,
                               const std::map<std::string, std::string>& headers) const
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(m_port));
    session.setTimeout(Poco::Timespan(20, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) request.set("Authorization", "Bearer " + token);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty() || method == "POST") {
        request.setContentType(content_type);
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    session.sendRequest(request) << body;
    return receive(session);
}

std::string TestServer::login(const std::string& username) const
{
    const HttpResult r = post("/api/v1/auth/login",
                              R"({"username": ")" + username + R"(", "password": ")" + k_fixture_password + "\"}");
    REQUIRE_MESSAGE(r.status == 200, "login of " << username << " failed: " << r.body);
    return r.json()->getValue<std::string>("token");
}

std::int64_t count_rows(const std::filesystem::path& database, const std::string& table)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, ("SELECT count(*) FROM " + table).c_str(), -1, &s, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(s) == SQLITE_ROW);
    const std::int64_t n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

}  // namespace reable::testing
