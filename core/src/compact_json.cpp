#include "reable/compact_json.hpp"

namespace reable::json {

void CompactWriter::separate()
{
    if (!m_first) m_out += ',';
    m_first = false;
}

void CompactWriter::quoted(std::string_view text)
{
    // RFC 8259 §7: quote and backslash escaped, control characters as \u00XX; UTF-8 passes through.
    static constexpr char k_hex[] = "0123456789abcdef";
    m_out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_out += '\\';
            m_out += c;
        }
        else if (u < 0x20) {
            m_out += "\\u00";
            m_out += k_hex[u >> 4];
            m_out += k_hex[u & 0xf];
        }
        else {
            m_out += c;
        }
    }
    m_out += '"';
}

CompactWriter& CompactWriter::begin_object()
{
    separate();
    m_out += '{';
    m_first = true;
    return *this;
}

CompactWriter& CompactWriter::end_object()
{
    m_out += '}';
    m_first = false;
    return *this;
}

CompactWriter& CompactWriter::begin_array()
{
    separate();
    m_out += '[';
    m_first = true;
    return *this;
}

CompactWriter& CompactWriter::end_array()
{
    m_out += ']';
    m_first = false;
    return *this;
}

CompactWriter& CompactWriter::key(std::string_view name)
{
    separate();
    quoted(name);
    m_out += ':';
    m_first = true;  // the value that follows takes no comma
    return *this;
}

CompactWriter& CompactWriter::value(std::string_view text)
{
    separate();
    quoted(text);
    return *this;
}

CompactWriter& CompactWriter::value(Decimal number)
{
    separate();
    m_out += number.to_string();
    return *this;
}

CompactWriter& CompactWriter::value(bool flag) { return raw(flag ? "true" : "false"); }

CompactWriter& CompactWriter::value(int number) { return raw(std::to_string(number)); }
CompactWriter& CompactWriter::value(std::int64_t number) { return raw(std::to_string(number)); }

CompactWriter& CompactWriter::null() { return raw("null"); }

CompactWriter& CompactWriter::raw(std::string_view json)
{
    separate();
    m_out += json;
    return *this;
}

}  // namespace reable::json
