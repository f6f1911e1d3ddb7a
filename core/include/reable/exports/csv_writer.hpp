#pragma once

// RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted (with inner
// quotes doubled) when it holds a comma, a quote, CR or LF. UTF-8 passes through unchanged.
// Written straight to a stream through a buffer, so a file of any size costs no memory.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace reable::exports {

class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out) : m_out(out) { m_buffer.reserve(k_flush_at + 4096); }
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    CsvWriter& field(std::string_view text);
    CsvWriter& field(const std::string& text) { return field(std::string_view(text)); }
    CsvWriter& field(const char* text) { return field(std::string_view(text)); }
    CsvWriter& field(std::int64_t number);
    CsvWriter& field(int number) { return field(static_cast<std::int64_t>(number)); }
    /// An empty field when absent.
    CsvWriter& field(const std::optional<std::string>& text) { return field(text ? std::string_view(*text) : std::string_view()); }
    CsvWriter& field(const std::optional<int>& number) { return number ? field(*number) : field(std::string_view()); }
    void end_row();
    /// Writes what is buffered to the stream (done on destruction and every 64 KiB).
    void flush();

    std::uint64_t rows() const { return m_rows; }

private:
    static constexpr std::size_t k_flush_at = 64 * 1024;
    std::ostream& m_out;
    std::string m_buffer;
    bool m_first = true;
    std::uint64_t m_rows = 0;
};

}  // namespace reable::exports
