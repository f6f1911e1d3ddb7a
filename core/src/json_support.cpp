#include "json_support.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <set>

namespace reable::json {
namespace {

/// Builds the document like Poco's own handler and, alongside, keeps track of where it is, so
/// that duplicate keys and syntax errors can be reported with a JSON pointer.
class LocatingHandler : public Poco::JSON::ParseHandler {
public:
    void startObject() override
    {
        enter_value();
        m_frames.push_back(Frame{false, 0, {}, {}});
        ParseHandler::startObject();
    }
    void endObject() override
    {
        m_frames.pop_back();
        ParseHandler::endObject();
        leave_value();
    }
    void startArray() override
    {
        enter_value();
        m_frames.push_back(Frame{true, 0, {}, {}});
        ParseHandler::startArray();
    }
    void endArray() override
    {
        m_frames.pop_back();
        ParseHandler::endArray();
        leave_value();
    }
    void key(const std::string& k) override
    {
        Frame& frame = m_frames.back();
        frame.key = k;
        if (!frame.keys.insert(k).second && !m_duplicate) m_duplicate = pointer();
        ParseHandler::key(k);
    }
    void value(int v) override
    {
        scalar();
        ParseHandler::value(v);
    }
    void value(unsigned v) override
    {
        scalar();
        ParseHandler::value(v);
    }
    void value(Poco::Int64 v) override
    {
        scalar();
        ParseHandler::value(v);
    }
    void value(Poco::UInt64 v) override
    {
        scalar();
        ParseHandler::value(v);
    }
    void value(const std::string& v) override
    {
        scalar();
        ParseHandler::value(v);
    }
    void value(double v) override
    {
        scalar();
        ParseHandler::value(v);
    }
    void value(bool v) override
    {
        scalar();
        ParseHandler::value(v);
    }
    void null() override
    {
        scalar();
        ParseHandler::null();
    }

    const std::optional<std::string>& duplicate() const { return m_duplicate; }
    /// Where the parser last was: the pointer of the last value or key read.
    const std::string& last() const { return m_last; }

private:
    struct Frame {
        bool array;
        std::size_t index;
        std::string key;
        std::set<std::string> keys;
    };

    std::string pointer() const
    {
        std::string p;
        for (const Frame& f : m_frames) p = f.array ? child(p, f.index) : child(p, f.key);
        return p;
    }
    void enter_value() { m_last = pointer(); }
    void leave_value()
    {
        if (!m_frames.empty() && m_frames.back().array) ++m_frames.back().index;
    }
    void scalar()
    {
        enter_value();
        leave_value();
    }

    std::vector<Frame> m_frames;
    std::optional<std::string> m_duplicate;
    std::string m_last;
};

}  // namespace

std::optional<Var> parse_document(const std::string& text, std::vector<Problem>& problems)
{
    Poco::SharedPtr<LocatingHandler> handler = new LocatingHandler;
    Poco::JSON::Parser parser(handler);
    try {
        Var result = parser.parse(text);
        if (handler->duplicate()) {
            problems.push_back({*handler->duplicate(), "key appears twice in the same object"});
            return std::nullopt;
        }
        return result;
    }
    catch (const Poco::Exception& e) {
        std::string where = handler->last().empty() ? std::string{} : " after " + handler->last();
        problems.push_back({"", "not valid JSON" + where + ": " + e.message()});
        return std::nullopt;
    }
}

std::string child(std::string_view base, std::string_view token)
{
    std::string out{base};
    out += '/';
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string child(std::string_view base, std::size_t index) { return std::string{base} + "/" + std::to_string(index); }

bool is_object(const Var& v) { return !v.isEmpty() && v.type() == typeid(ObjectPtr); }
bool is_array(const Var& v) { return !v.isEmpty() && v.type() == typeid(ArrayPtr); }
bool is_number(const Var& v) { return !v.isEmpty() && !v.isBoolean() && v.isNumeric(); }
ObjectPtr as_object(const Var& v) { return v.extract<ObjectPtr>(); }
ArrayPtr as_array(const Var& v) { return v.extract<ArrayPtr>(); }

std::string describe(const Var& v)
{
    if (v.isEmpty()) return "null";
    if (is_object(v)) return "an object";
    if (is_array(v)) return "an array";
    if (v.isBoolean()) return "true or false";
    if (v.isString()) return "a string";
    if (v.isNumeric()) return "a number";
    return "an unknown value";
}

std::optional<Decimal> to_decimal(const Var& v)
{
    if (!is_number(v)) return std::nullopt;
    if (v.isInteger()) {
        // The parser reads whole numbers above INT64_MAX as unsigned; convert<Int64> would throw
        // Poco::RangeException for them instead of reporting a value out of range.
        if (!v.isSigned() &&
            v.convert<Poco::UInt64>() > static_cast<Poco::UInt64>(Decimal::k_max_micros / Decimal::k_scale))
            return std::nullopt;
        const Poco::Int64 i = v.convert<Poco::Int64>();
        if (i > Decimal::k_max_micros / Decimal::k_scale || i < -Decimal::k_max_micros / Decimal::k_scale)
            return std::nullopt;
        return Decimal::from_int(i);
    }
    return Decimal::from_double(v.convert<double>());
}

std::vector<std::string> unknown_keys(const ObjectPtr& object, const std::vector<std::string_view>& allowed)
{
    std::vector<std::string> unknown;
    for (const auto& entry : *object) {
        bool known = false;
        for (std::string_view a : allowed) known = known || entry.first == a;
        if (!known) unknown.push_back(entry.first);
    }
    return unknown;
}

std::string join(const std::vector<std::string>& words, std::string_view separator)
{
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += separator;
        out += words[i];
    }
    return out;
}

std::string join(const std::vector<std::string_view>& words, std::string_view separator)
{
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += separator;
        out += words[i];
    }
    return out;
}

}  // namespace reable::json
