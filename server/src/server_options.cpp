#include "server_options.hpp"

#include "reable/decimal.hpp"
#include "reable/error.hpp"

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

namespace reable::server {

void read_server_config(const std::filesystem::path& file, ServerOptions& o)
{
    std::ifstream in(file);
    if (!in) throw Error(ErrorCode::not_found, "configuration file " + file.string() + " not found");
    std::stringstream text;
    text << in.rdbuf();
    Poco::JSON::Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw Error(ErrorCode::invalid_input, file.string() + ": not a JSON object (" + e.message() + ")");
    }
    const std::filesystem::path base = file.parent_path();
    const auto path = [&](const std::string& v) { return std::filesystem::path(v).is_absolute() ? std::filesystem::path(v) : base / v; };
    // "-" (standard output) and "" (no log) are not paths.
    const auto log_target = [&](const std::string& t) { return t == "-" || t.empty() ? t : path(t).string(); };
    std::vector<std::string> names;
    root->getNames(names);
    for (const std::string& name : names) {
        const Poco::Dynamic::Var v = root->get(name);
        const auto text_value = [&] {
            if (!v.isString()) throw Error(ErrorCode::invalid_input, file.string() + ": " + name + " must be a string");
            return v.extract<std::string>();
        };
        const auto int_value = [&] {
            if (!v.isInteger()) throw Error(ErrorCode::invalid_input, file.string() + ": " + name + " must be a whole number");
            try {
                return v.convert<int>();
            } catch (const Poco::Exception&) {
                throw Error(ErrorCode::invalid_input, file.string() + ": " + name + " is out of range");
            }
        };
        if (name == "bind") o.bind = text_value();
        else if (name == "port") o.port = int_value();
        else if (name == "database") o.database = path(text_value());
        else if (name == "protocols") o.protocols = path(text_value());
        else if (name == "durability") o.durability = text_value();
        else if (name == "threads") o.threads = int_value();
        else if (name == "max_body_bytes") o.max_body_bytes = static_cast<std::size_t>(int_value());
        else if (name == "io_timeout_seconds") o.io_timeout_seconds = int_value();
        else if (name == "keep_alive_seconds") o.keep_alive_seconds = int_value();
        else if (name == "token_minutes") o.token_minutes = int_value();
        else if (name == "pseudonym_key") o.pseudonym_key = path(text_value());
        else if (name == "tariff") o.tariff = text_value();
        else if (name == "tls_certificate") o.tls_certificate = path(text_value());
        else if (name == "tls_key") o.tls_key = path(text_value());
        else if (name == "access_log") o.access_log = log_target(text_value());
        else if (name == "error_log") o.error_log = log_target(text_value());
        else
            throw Error(ErrorCode::invalid_input,
                        file.string() + ": unknown field \"" + name +
                            "\"; known: bind, port, database, protocols, durability, threads, max_body_bytes, "
                            "io_timeout_seconds, keep_alive_seconds, token_minutes, pseudonym_key, tariff, tls_certificate, tls_key, "
                            "access_log, error_log");
    }
}

void check_options(const ServerOptions& o)
{
    const auto range = [](const char* name, long long v, long long lo, long long hi) {
        if (v < lo || v > hi)
            throw Error(ErrorCode::invalid_input, std::string(name) + ": " + std::to_string(v) + " is out of range; use " +
                                                      std::to_string(lo) + " to " + std::to_string(hi));
    };
    range("port", o.port, 0, 65535);
    range("threads", o.threads, 2, 1024);
    range("max_body_bytes", static_cast<long long>(o.max_body_bytes), 1024, 256LL << 20);
    range("io_timeout_seconds", o.io_timeout_seconds, 1, 3600);
    range("keep_alive_seconds", o.keep_alive_seconds, 1, 3600);
    range("token_minutes", o.token_minutes, 1, 7 * 24 * 60);
    if (!o.tariff.empty()) {
        const std::optional<Decimal> tariff = Decimal::parse(o.tariff);
        if (!tariff || tariff->micros() <= 0)
            throw Error(ErrorCode::invalid_input,
                        "tariff: \"" + o.tariff + "\" is not an amount in euro per hour, such as 32.50");
    }
    if (o.durability != "full" && o.durability != "normal")
        throw Error(ErrorCode::invalid_input, "durability: \"" + o.durability + "\" is not allowed; use full or normal");
    if (o.tls_certificate.empty() != o.tls_key.empty())
        throw Error(ErrorCode::invalid_input, "tls: give both the certificate and the key, or neither");
}

}  // namespace reable::server
