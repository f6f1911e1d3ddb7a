#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace reable::server {

/// Everything the server can be told, from its configuration file and then its command line
/// (which wins).
struct ServerOptions {
    std::string bind = "127.0.0.1";  ///< loopback unless told otherwise
    int port = 8080;                 ///< 0: any free port (see port_file)
    std::filesystem::path database = "reable.db";
    std::filesystem::path protocols;
    std::string durability = "full";
    int threads = 64;  ///< worker threads = the most keep-alive connections served at once
    std::size_t max_body_bytes = 1 << 20;
    int io_timeout_seconds = 15;  ///< a connection that sends nothing for this long is closed
    int keep_alive_seconds = 10;
    int token_minutes = 8 * 60;
    std::filesystem::path tls_certificate;  ///< both set: HTTPS
    std::filesystem::path tls_key;
    std::string access_log = "-";  ///< a file, "-" for standard output, "" for none
    std::string error_log = "-";
    std::filesystem::path port_file;  ///< written with the bound port once listening
    /// The key of export pseudonyms; empty: the database path + ".pseudonym-key" (as the CLI).
    std::filesystem::path pseudonym_key;
    std::string tariff;  ///< euro per hour of household help for the report; empty: no costs
};

/// Reads a JSON configuration file into `options` (only the fields it names). Relative paths are
/// relative to the file's folder. Error{invalid_input} naming an unknown field or a wrong type.
void read_server_config(const std::filesystem::path& file, ServerOptions& options);

/// Error{invalid_input} naming the first option out of range.
void check_options(const ServerOptions& options);

}  // namespace reable::server
