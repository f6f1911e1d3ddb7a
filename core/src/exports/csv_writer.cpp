#include "reable/exports/csv_writer.hpp"

#include <charconv>

namespace reable::exports {

CsvWriter::~CsvWriter()
{
    try {
        flush();
    }
    catch (...) {  // a destructor must not throw; flush() explicitly to see errors
    }
}

CsvWriter& CsvWriter::field(std::string_view text)
{
    if (!m_first) m_buffer.push_back(',');
    m_first = false;
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        m_buffer.append(text);
        return *this;
    }
    m_buffer.push_back('"');
    for (char c : text) {
        if (c == '"') m_buffer.push_back('"');
        m_buffer.push_back(c);
    }
    m_buffer.push_back('"');
    return *this;
}

CsvWriter& CsvWriter::field(std::int64_t number)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    return field(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void CsvWriter::end_row()
{
    m_buffer.append("\r\n");
    m_first = true;
    ++m_rows;
    if (m_buffer.size() >= k_flush_at) flush();
}

void CsvWriter::flush()
{
    if (m_buffer.empty()) return;
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

}  // namespace reable::exports
