#pragma once

// A strict reader for JSON request bodies. Each field is read once, with its expected type; when
// the handler is done, finish() refuses every field it did not read, so a misspelt field never
// silently falls back to a default. All problems are reported together (400, each field named).

#include "reable/error.hpp"

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace reable::server {

class JsonBody {
public:
    /// Parses `text` as one JSON object. BadRequest for anything else (empty, malformed, an array).
    static JsonBody parse(const std::string& text);

    std::optional<std::string> text(const std::string& field);
    std::string required_text(const std::string& field);
    /// A whole number (JSON integer, not a fraction, not a string).
    std::optional<std::int64_t> integer(const std::string& field);
    std::int64_t required_integer(const std::string& field);
    /// A number written as the caller wrote it (for decimals read exactly by core, e.g. "6.20").
    std::optional<std::string> number_text(const std::string& field);
    std::optional<bool> boolean(const std::string& field);
    std::vector<std::string> text_list(const std::string& field);
    std::vector<std::int64_t> integer_list(const std::string& field);
    /// A nested value re-serialised as JSON text (e.g. "items" for scoring), or nullopt.
    std::optional<std::string> raw(const std::string& field);

    /// Throws BadRequest listing wrong types, missing required fields and unknown fields.
    void finish();

private:
    explicit JsonBody(Poco::JSON::Object::Ptr object, std::string text)
        : m_object(std::move(object)), m_text(std::move(text))
    {}
    Poco::Dynamic::Var get(const std::string& field);
    void wrong(const std::string& field, const std::string& expected);

    Poco::JSON::Object::Ptr m_object;
    std::string m_text;
    std::set<std::string> m_read;
    std::vector<ErrorDetail> m_problems;
};

}  // namespace reable::server
