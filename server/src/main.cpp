// reable-server: the web service. Parses its options with CLI11, then runs as a Poco
// ServerApplication (which turns SIGTERM and SIGINT into a clean stop). This file is the only
// composition root of the server: it opens the store, loads the protocols, builds the router and
// translates start-up errors into an exit status.

#include "api/report_cache.hpp"
#include "api/routes.hpp"
#include "http/dispatcher.hpp"
#include "infra/audit_writer.hpp"
#include "infra/db_pool.hpp"
#include "infra/json_log.hpp"
#include "infra/login_limiter.hpp"
#include "infra/metrics.hpp"
#include "server_options.hpp"

#include "reable/exports/pseudonym.hpp"

#include "reable/app/protocol_set.hpp"
#include "reable/error.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"
#include "reable_server_version.hpp"

#include <CLI/CLI.hpp>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/Util/ServerApplication.h>

#include <fstream>
#include <iostream>

namespace {

using namespace reable;
using namespace reable::server;

class ReableServer final : public Poco::Util::ServerApplication {
public:
    explicit ReableServer(ServerOptions options) : m_options(std::move(options)) {}

protected:
    int main(const std::vector<std::string>&) override
    {
        try {
            return serve();
        } catch (const Error& e) {
            std::cerr << "reable-server: " << e.what() << '\n';
            for (const ErrorDetail& d : e.details()) std::cerr << "  " << d.where << ": " << d.message << '\n';
            return e.code() == ErrorCode::protocol_invalid ? 78 : e.code() == ErrorCode::not_found ? 66 : 70;
        } catch (const Poco::Exception& e) {
            std::cerr << "reable-server: " << e.displayText() << '\n';
            return 71;
        }
    }

private:
    int serve()
    {
        const ServerOptions& o = m_options;
        // Refuse to start on an invalid protocol set: every problem is listed at once.
        const protocol::Registry registry = app::load_registry(o.protocols);
        const storage_sqlite::SqliteOptions db_options{
            o.durability == "normal" ? storage_sqlite::Durability::normal : storage_sqlite::Durability::full, false};
        // Opening once up front reports a missing or unmigrated database before listening.
        storage_sqlite::open_current_sqlite(o.database, db_options);
        DatabasePool pool(o.database, db_options, static_cast<std::size_t>(o.threads) + 2);
        AuditWriter audit(storage_sqlite::open_current_sqlite(o.database, db_options), pool.write_gate());
        WriteBatcher writes(storage_sqlite::open_current_sqlite(o.database, db_options), pool.write_gate());
        LoginLimiter limiter;
        IdempotencyStore idempotency;
        Metrics metrics;
        const Router router = build_router();
        const SystemClock clock;
        std::filesystem::path key_file = o.pseudonym_key;
        if (key_file.empty()) key_file = std::filesystem::path(o.database).concat(".pseudonym-key");
        const exports::PseudonymKey key = exports::PseudonymKey::load_or_create(key_file);
        ReportCache reports;
        ServerContext context{registry, clock, pool, audit, writes, limiter, idempotency, metrics, router,
                              std::chrono::minutes(o.token_minutes), key,
                              o.tariff.empty() ? std::nullopt : Decimal::parse(o.tariff), reports};
        JsonLog access_log(o.access_log, false);
        JsonLog error_log(o.error_log, true);

        const Poco::Net::SocketAddress address(o.bind, static_cast<Poco::UInt16>(o.port));
        const bool tls = !o.tls_certificate.empty();
        std::unique_ptr<Poco::Net::ServerSocket> socket;
        if (tls) {
            Poco::Net::Context::Ptr tls_context = new Poco::Net::Context(
                Poco::Net::Context::TLS_SERVER_USE, o.tls_key.string(), o.tls_certificate.string(), "",
                Poco::Net::Context::VERIFY_NONE, 9, false, "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5");
            tls_context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
            socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 256, tls_context);
        } else {
            socket = std::make_unique<Poco::Net::ServerSocket>(address, 256);
        }

        // A keep-alive connection holds its worker thread for its whole life (toolchain.md): the
        // pool must have a thread per connection expected, and the queue a bound.
        Poco::ThreadPool threads(2, o.threads, 60);
        Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(o.threads);
        params->setMaxQueued(4 * o.threads);
        params->setKeepAlive(true);
        params->setKeepAliveTimeout(Poco::Timespan(o.keep_alive_seconds, 0));
        params->setTimeout(Poco::Timespan(o.io_timeout_seconds, 0));
        params->setMaxKeepAliveRequests(0);
        params->setServerName("reable");

        Poco::Net::HTTPServer http(new Dispatcher(context, {o.max_body_bytes}, access_log, error_log), threads,
                                   *socket, params);
        http.start();
        const int port = socket->address().port();
        if (!o.port_file.empty()) {
            std::ofstream(o.port_file) << port << '\n';
        }
        std::cerr << "reable-server " << REABLE_VERSION << " listening on " << (tls ? "https" : "http") << "://"
                  << o.bind << ':' << port << " (database " << o.database.string() << ", " << o.threads
                  << " threads)\n";
        waitForTerminationRequest();
        std::cerr << "reable-server: stopping; finishing the requests in progress\n";
        http.stopAll(false);
        threads.joinAll();
        return 0;
    }

    ServerOptions m_options;
};

}  // namespace

int main(int argc, char** argv)
{
    ServerOptions options;
    options.protocols = REABLE_DEFAULT_PROTOCOLS_DIR;
    CLI::App cli{"reable-server: the Reable web service (REST API /api/v1, health, metrics)", "reable-server"};
    cli.set_version_flag("--version", std::string("reable-server ") + REABLE_VERSION);
    std::string config;
    cli.add_option("--config", config, "JSON configuration file (the command line overrides it)")
        ->envname("REABLE_SERVER_CONFIG");
    ServerOptions cmd = options;
    cli.add_option("--bind", cmd.bind, "Address to listen on (default 127.0.0.1: this machine only)");
    cli.add_option("--port", cmd.port, "Port (default 8080; 0 picks a free port, see --port-file)");
    cli.add_option("--db", cmd.database, "Database file (created and migrated with `reable db migrate`)")
        ->envname("REABLE_DB");
    cli.add_option("--protocols", cmd.protocols, "Protocol set (default: " REABLE_DEFAULT_PROTOCOLS_DIR ")")
        ->envname("REABLE_PROTOCOLS");
    cli.add_option("--durability", cmd.durability, "full (every acknowledged write is on disk) or normal");
    cli.add_option("--threads", cmd.threads, "Worker threads = the most connections served at once (default 64)");
    cli.add_option("--max-body", cmd.max_body_bytes, "Largest request body in bytes (default 1 MiB)");
    cli.add_option("--io-timeout", cmd.io_timeout_seconds, "Seconds a connection may stay silent (default 15)");
    cli.add_option("--keep-alive", cmd.keep_alive_seconds, "Seconds an idle keep-alive connection stays open");
    cli.add_option("--token-minutes", cmd.token_minutes, "Lifetime of a login token (default 480)");
    cli.add_option("--tls-cert", cmd.tls_certificate, "PEM certificate: serve HTTPS (with --tls-key)");
    cli.add_option("--tls-key", cmd.tls_key, "PEM private key for --tls-cert");
    cli.add_option("--access-log", cmd.access_log, "JSON-lines access log: a file, - (stdout) or \"\" (none)");
    cli.add_option("--error-log", cmd.error_log, "JSON-lines error log: a file, - (stdout) or \"\" (none)");
    cli.add_option("--port-file", cmd.port_file, "Write the port here once listening (for --port 0)");
    cli.add_option("--pseudonym-key", cmd.pseudonym_key,
                   "Key of export pseudonyms (created on first use, mode 0600; default: the database path + "
                   ".pseudonym-key)");
    cli.add_option("--tariff", cmd.tariff, "Euro per hour of household help, to cost avoided minutes in reports");
    try {
        cli.parse(argc, argv);
        if (!config.empty()) {
            read_server_config(config, options);
            // Only what the command line actually gave overrides the file.
            const auto given = [&](const char* name) { return cli.get_option(name)->count() > 0; };
            if (given("--bind")) options.bind = cmd.bind;
            if (given("--port")) options.port = cmd.port;
            if (given("--db")) options.database = cmd.database;
            if (given("--protocols")) options.protocols = cmd.protocols;
            if (given("--durability")) options.durability = cmd.durability;
            if (given("--threads")) options.threads = cmd.threads;
            if (given("--max-body")) options.max_body_bytes = cmd.max_body_bytes;
            if (given("--io-timeout")) options.io_timeout_seconds = cmd.io_timeout_seconds;
            if (given("--keep-alive")) options.keep_alive_seconds = cmd.keep_alive_seconds;
            if (given("--token-minutes")) options.token_minutes = cmd.token_minutes;
            if (given("--tls-cert")) options.tls_certificate = cmd.tls_certificate;
            if (given("--tls-key")) options.tls_key = cmd.tls_key;
            if (given("--access-log")) options.access_log = cmd.access_log;
            if (given("--error-log")) options.error_log = cmd.error_log;
            if (given("--port-file")) options.port_file = cmd.port_file;
            if (given("--pseudonym-key")) options.pseudonym_key = cmd.pseudonym_key;
            if (given("--tariff")) options.tariff = cmd.tariff;
        } else {
            options = cmd;
        }
        check_options(options);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    } catch (const Error& e) {
        std::cerr << "reable-server: " << e.what() << '\n';
        return e.code() == ErrorCode::not_found ? 66 : 64;
    }
    if (!options.tls_certificate.empty()) Poco::Net::initializeSSL();
    ReableServer server(options);
    // Only argv[0]: ServerApplication would refuse the options CLI11 already read.
    char* program[] = {argv[0], nullptr};
    const int status = server.run(1, program);
    if (!options.tls_certificate.empty()) Poco::Net::uninitializeSSL();
    return status;
}
