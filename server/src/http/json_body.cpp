#include "http/json_body.hpp"

#include "http/problem.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <cstdint>
#include <sstream>

namespace reable::server {

namespace {

std::string type_name(const Poco::Dynamic::Var& v)
{
    if (v.isEmpty()) return "null";
    if (v.isString()) return "a string";
    if (v.type() == typeid(bool)) return "a boolean";
    if (v.isNumeric()) return "a number";
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) return "an object";
    if (v.type() == typeid(Poco::JSON::Array::Ptr)) return "an array";
    return "another type";
}

bool is_integer(const Poco::Dynamic::Var& v) { return v.isInteger() && v.type() != typeid(bool); }

/// Whether a whole number fits std::int64_t. The parser reads numbers above INT64_MAX as
/// unsigned, and converting those throws Poco::RangeException: a 500 for a client's typo.
bool fits_int64(const Poco::Dynamic::Var& v)
{
    return v.isSigned() || v.convert<Poco::UInt64>() <= static_cast<Poco::UInt64>(INT64_MAX);
}

}  // namespace

JsonBody JsonBody::parse(const std::string& text)
{
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw BadRequest("body: a JSON object is required", {{"body", "a JSON object is required"}});
    Poco::Dynamic::Var value;
    try {
        Poco::JSON::Parser parser;
        value = parser.parse(text);
    } catch (const Poco::Exception& e) {
        throw BadRequest("body: not valid JSON (" + e.message() + ")", {{"body", "not valid JSON"}});
    }
    if (value.type() != typeid(Poco::JSON::Object::Ptr))
        throw BadRequest("body: must be a JSON object, not " + type_name(value), {{"body", "must be a JSON object"}});
    return JsonBody(value.extract<Poco::JSON::Object::Ptr>(), text);
}

Poco::Dynamic::Var JsonBody::get(const std::string& field)
{
    m_read.insert(field);
    if (!m_object->has(field)) return {};
    return m_object->get(field);
}

void JsonBody::wrong(const std::string& field, const std::string& expected)
{
    const Poco::Dynamic::Var v = m_object->get(field);
    m_problems.push_back({field, "must be " + expected + ", not " + type_name(v)});
}

std::optional<std::string> JsonBody::text(const std::string& field)
{
    const Poco::Dynamic::Var v = get(field);
    if (v.isEmpty()) return std::nullopt;
    if (!v.isString()) {
        wrong(field, "a string");
        return std::nullopt;
    }
    return v.extract<std::string>();
}

std::string JsonBody::required_text(const std::string& field)
{
    const bool present = m_object->has(field) && !m_object->get(field).isEmpty();
    std::optional<std::string> v = text(field);
    if (!present) m_problems.push_back({field, "is required (a string)"});
    return v.value_or("");
}

std::optional<std::int64_t> JsonBody::integer(const std::string& field)
{
    const Poco::Dynamic::Var v = get(field);
    if (v.isEmpty()) return std::nullopt;
    if (!is_integer(v)) {
        wrong(field, "a whole number");
        return std::nullopt;
    }
    if (!fits_int64(v)) {
        m_problems.push_back(
            {field, "is out of range; whole numbers up to " + std::to_string(INT64_MAX) + " are accepted"});
        return std::nullopt;
    }
    return v.convert<std::int64_t>();
}

std::int64_t JsonBody::required_integer(const std::string& field)
{
    const bool present = m_object->has(field) && !m_object->get(field).isEmpty();
    std::optional<std::int64_t> v = integer(field);
    if (!present) m_problems.push_back({field, "is required (a whole number)"});
    return v.value_or(0);
}

std::optional<std::string> JsonBody::number_text(const std::string& field)
{
    const Poco::Dynamic::Var v = get(field);
    if (v.isEmpty()) return std::nullopt;
    if (v.isString()) return v.extract<std::string>();
    if (!v.isNumeric() || v.type() == typeid(bool)) {
        wrong(field, "a number");
        return std::nullopt;
    }
    return v.convert<std::string>();
}

std::optional<bool> JsonBody::boolean(const std::string& field)
{
    const Poco::Dynamic::Var v = get(field);
    if (v.isEmpty()) return std::nullopt;
    if (v.type() != typeid(bool)) {
        wrong(field, "true or false");
        return std::nullopt;
    }
    return v.extract<bool>();
}

std::vector<std::string> JsonBody::text_list(const std::string& field)
{
    const Poco::Dynamic::Var v = get(field);
    std::vector<std::string> out;
    if (v.isEmpty()) return out;
    if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
        wrong(field, "an array of strings");
        return out;
    }
    const auto array = v.extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
        if (!item.isString()) {
            m_problems.push_back({field + "[" + std::to_string(i) + "]", "must be a string, not " + type_name(item)});
            continue;
        }
        out.push_back(item.extract<std::string>());
    }
    return out;
}

std::vector<std::int64_t> JsonBody::integer_list(const std::string& field)
{
    const Poco::Dynamic::Var v = get(field);
    std::vector<std::int64_t> out;
    if (v.isEmpty()) return out;
    if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
        wrong(field, "an array of whole numbers");
        return out;
    }
    const auto array = v.extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
        if (!is_integer(item)) {
            m_problems.push_back(
                {field + "[" + std::to_string(i) + "]", "must be a whole number, not " + type_name(item)});
            continue;
        }
        if (!fits_int64(item)) {
            m_problems.push_back({field + "[" + std::to_string(i) + "]", "is out of range"});
            continue;
        }
        out.push_back(item.convert<std::int64_t>());
    }
    return out;
}

std::optional<std::string> JsonBody::raw(const std::string& field)
{
    const Poco::Dynamic::Var v = get(field);
    if (v.isEmpty()) return std::nullopt;
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(v, out);
    return out.str();
}

void JsonBody::finish()
{
    std::vector<std::string> names;
    m_object->getNames(names);
    for (const std::string& name : names)
        if (!m_read.count(name)) m_problems.push_back({name, "is not a field of this request"});
    if (m_problems.empty()) return;
    std::string message = m_problems.size() == 1 ? m_problems[0].where + ": " + m_problems[0].message
                                                 : std::to_string(m_problems.size()) + " problems in the request body";
    throw BadRequest(message, m_problems);
}

}  // namespace reable::server
