// Baseline for the HTTP benchmark (tests/bench/http/http_bench.sh): the least a Poco + SQLite web
// service can do per request, with the same durability as the real server.
//
//   POST (any path)  reads the body and inserts it as one row (one transaction)  -> 201 "created"
//   GET  /hello      no database                                                 -> 200 "ok"
//
// Usage: reable_bare_server --db PATH [--port N] [--port-file FILE] [--threads N] [--connections shared|per-thread]
//
// Server: its own Poco::ThreadPool and HTTPServerParams::setMaxThreads(N) (default 64), because a
// keep-alive connection holds its worker thread for its whole life (see docs: Poco's default pool of
// 16 threads would silently queue connections 17..32). Keep-alive without a request limit, a queue
// and a listen backlog large enough that no connection is refused.
//
// SQLite: WAL and synchronous=FULL, so each 201 is sent after the commit reached the disk (fsync
// of the WAL), as in the real server. One autocommit INSERT per request through a prepared
// statement of the raw C API: no JSON parsing, no validation, no audit.
//
// Connections: by default one connection shared by all workers behind a mutex. SQLite lets only
// one writer in at a time anyway; with a connection per thread the losers of the write lock wait
// in SQLite's busy handler, which sleeps (1, 2, 5, 10 ms …) instead of being woken, so the
// per-thread variant is slower and far more jittery under 32 concurrent writers (measured with
// wrk -c32 on 2 shared cores: per thread p99 ≈ 1.5 s and fewer requests per second than shared,
// whose p99 was 0.07–0.15 s). The mutex is what a careful bare handler would do, so it is the
// fair (strongest) baseline. `--connections per-thread` keeps the other variant for comparison.
//
// Exits cleanly on SIGTERM or SIGINT and reports the server's connection counters on stderr.

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>

#include <sqlite3.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Options {
    std::string db;
    unsigned short port = 0;
    std::string port_file;
    int threads = 64;
    bool shared_connection = true;
};

[[noreturn]] void usage(const std::string& problem)
{
    std::cerr << "reable_bare_server: " << problem << "\n"
              << "usage: reable_bare_server --db PATH [--port N] [--port-file FILE] [--threads N]"
                 " [--connections shared|per-thread]\n";
    std::exit(2);
}

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(arg + " needs a value");
            return argv[++i];
        };
        try {
            if (arg == "--db") o.db = value();
            else if (arg == "--port") o.port = static_cast<unsigned short>(std::stoi(value()));
            else if (arg == "--port-file") o.port_file = value();
            else if (arg == "--threads") o.threads = std::stoi(value());
            else if (arg == "--connections") {
                const std::string v = value();
                if (v != "shared" && v != "per-thread") usage("--connections: shared or per-thread");
                o.shared_connection = v == "shared";
            }
            else usage("unknown option " + arg);
        }
        catch (const std::logic_error&) {
            usage(arg + ": not a number");
        }
    }
    if (o.db.empty()) usage("--db is required");
    if (o.threads < 1 || o.threads > 1024) usage("--threads: 1 to 1024");
    return o;
}

void check(int rc, sqlite3* db, const char* what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

void exec(sqlite3* db, const char* sql) { check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql); }

/// One open connection with its prepared INSERT.
class Connection {
public:
    explicit Connection(const std::string& path)
    {
        check(sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                              nullptr),
              m_db, "open");
        sqlite3_busy_timeout(m_db, 10000);
        exec(m_db, "PRAGMA journal_mode=WAL");
        exec(m_db, "PRAGMA synchronous=FULL");
        exec(m_db, "CREATE TABLE IF NOT EXISTS bare_post (id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, body TEXT NOT NULL)");
        check(sqlite3_prepare_v3(m_db, "INSERT INTO bare_post (received_at, body) VALUES (strftime('%Y-%m-%dT%H:%M:%f', 'now'), ?1)",
                                 -1, SQLITE_PREPARE_PERSISTENT, &m_insert, nullptr),
              m_db, "prepare");
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection()
    {
        sqlite3_finalize(m_insert);
        sqlite3_close_v2(m_db);
    }

    /// Inserts one row in its own (autocommit) transaction; true once it is durable.
    bool insert(const std::string& body)
    {
        sqlite3_bind_text(m_insert, 1, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(m_insert);
        sqlite3_reset(m_insert);
        sqlite3_clear_bindings(m_insert);
        if (rc != SQLITE_DONE) std::cerr << "insert: " << sqlite3_errmsg(m_db) << "\n";
        return rc == SQLITE_DONE;
    }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_insert = nullptr;
};

/// Where the handlers get their connection: one shared behind a mutex, or one per worker thread.
class Store {
public:
    Store(std::string path, bool shared) : m_path(std::move(path)), m_shared(shared)
    {
        m_connections.push_back(std::make_unique<Connection>(m_path));  // creates the table up front
    }

    bool insert(const std::string& body)
    {
        if (m_shared) {
            const std::lock_guard lock(m_mutex);
            return m_connections.front()->insert(body);
        }
        thread_local Connection* mine = nullptr;
        if (!mine) {
            auto c = std::make_unique<Connection>(m_path);
            mine = c.get();
            const std::lock_guard lock(m_mutex);
            m_connections.push_back(std::move(c));
        }
        return mine->insert(body);
    }

private:
    std::string m_path;
    bool m_shared;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Connection>> m_connections;
};

void answer(Poco::Net::HTTPServerResponse& response, Poco::Net::HTTPResponse::HTTPStatus status, const std::string& body)
{
    response.setStatus(status);
    response.setContentType("text/plain");
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.send() << body;
}

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(Store& store) : m_store(store) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        using Status = Poco::Net::HTTPResponse;
        if (request.getMethod() == Poco::Net::HTTPRequest::HTTP_POST) {
            std::string body;
            Poco::StreamCopier::copyToString(request.stream(), body);
            if (m_store.insert(body)) answer(response, Status::HTTP_CREATED, "created");
            else answer(response, Status::HTTP_INTERNAL_SERVER_ERROR, "insert failed");
        }
        else if (request.getMethod() == Poco::Net::HTTPRequest::HTTP_GET && request.getURI() == "/hello")
            answer(response, Status::HTTP_OK, "ok");
        else
            answer(response, Status::HTTP_NOT_FOUND, "not found");
    }

private:
    Store& m_store;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(Store& store) : m_store(store) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new Handler(m_store);
    }

private:
    Store& m_store;
};

}  // namespace

int main(int argc, char** argv)
{
    const Options options = parse(argc, argv);

    // Block the stop signals before any thread starts, so that only sigwait below receives them.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);

    try {
        Store store(options.db, options.shared_connection);

        Poco::ThreadPool pool(4, options.threads + 4, 60);
        auto* params = new Poco::Net::HTTPServerParams;  // owned by the server
        params->setMaxThreads(options.threads);
        params->setMaxQueued(1024);
        params->setKeepAlive(true);
        params->setMaxKeepAliveRequests(0);  // unlimited
        params->setKeepAliveTimeout(Poco::Timespan(30, 0));
        params->setTimeout(Poco::Timespan(30, 0));

        Poco::Net::ServerSocket socket;
        socket.bind(Poco::Net::SocketAddress("127.0.0.1", options.port), true);
        socket.listen(1024);
        const unsigned short port = socket.address().port();

        Poco::Net::HTTPServer server(new Factory(store), pool, socket, params);
        server.start();

        if (!options.port_file.empty()) {
            // Written whole, then renamed: a reader never sees a partial number.
            const std::string tmp = options.port_file + ".tmp";
            std::ofstream(tmp) << port << "\n";
            std::filesystem::rename(tmp, options.port_file);
        }
        std::cerr << "reable_bare_server: listening on 127.0.0.1:" << port << ", " << options.threads
                  << " worker threads, " << (options.shared_connection ? "one shared" : "one per thread")
                  << " SQLite connection (WAL, synchronous=FULL)\n";

        int signal = 0;
        sigwait(&stop, &signal);

        std::cerr << "reable_bare_server: stopping; connections: total " << server.totalConnections()
                  << ", max concurrent " << server.maxConcurrentConnections() << ", refused "
                  << server.refusedConnections() << "\n";
        server.stopAll(true);
        pool.joinAll();
    }
    catch (const Poco::Exception& e) {
        std::cerr << "reable_bare_server: " << e.displayText() << "\n";
        return 1;
    }
    catch (const std::exception& e) {
        std::cerr << "reable_bare_server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
