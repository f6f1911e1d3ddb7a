#pragma once

// The server tests' shared facts: the fixture database, its users, and a running server on a copy.

#include "fixture_users.hpp"
#include "support/scratch.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reable::testing {

struct HttpResult {
    int status = 0;
    std::string content_type;
    std::string body;
    std::map<std::string, std::string> headers;
    Poco::JSON::Object::Ptr json() const;
};

/// Reads the answer to a request already sent on `session`.
HttpResult receive(Poco::Net::HTTPClientSession& session);

/// A reable-server on a fresh copy of the fixture database, on an ephemeral 127.0.0.1 port.
/// Stopped with SIGTERM when it goes out of scope.
class TestServer {
public:
    explicit TestServer(std::vector<std::string> extra_arguments = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    int port() const { return m_port; }
    const std::filesystem::path& database() const { return m_database; }
    const Scratch& scratch() const { return m_scratch; }

    HttpResult request(const std::string& method, const std::string& path, const std::string& body = "",
                       const std::string& token = "", const std::string& content_type = "application/json",
                       const std::map<std::string, std::string>& headers = {}) const;
    HttpResult get(const std::string& path, const std::string& token = "") const { return request("GET", path, "", token); }
    HttpResult post(const std::string& path, const std::string& body, const std::string& token = "") const
    {
        return request("POST", path, body, token);
    }
    /// Signs in and returns the bearer token (fails the test when that does not work).
    std::string login(const std::string& username) const;

    /// Sends SIGTERM and returns the exit status (the destructor then does nothing).
    int stop();
    bool running() const;

private:
    Scratch m_scratch;
    std::filesystem::path m_database;
    int m_pid = -1;
    int m_port = 0;
};

/// A row count straight from the database file (to show that a refused request wrote nothing).
std::int64_t count_rows(const std::filesystem::path& database, const std::string& table);

}  // namespace reable::testing
