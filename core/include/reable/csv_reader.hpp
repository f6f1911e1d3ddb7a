#pragma once

#include <cstdint>
#include <deque>
#include <istream>
#include <memory>
#include <string>
#include <vector>

struct csv_parser;

namespace reable {

/// One record of a CSV file and the line it ends on (1-based), for messages.
struct CsvRow {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) with Debian's
/// libcsv in strict mode, one record at a time. Empty lines are skipped. Throws
/// Error{invalid_input} naming the line for malformed quoting.
class CsvReader {
public:
    explicit CsvReader(std::istream& in);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    /// The next record, or false at the end of the input.
    bool next(CsvRow& row);
    /// Bytes consumed so far (for a progress bar).
    std::uint64_t bytes_read() const { return m_bytes; }

private:
    static void on_field(void* data, std::size_t size, void* self);
    static void on_row(int terminator, void* self);

    std::istream& m_in;
    std::unique_ptr<csv_parser> m_parser;
    std::size_t m_line = 0;
    std::uint64_t m_bytes = 0;
    bool m_finished = false;
    CsvRow m_current;
    std::deque<CsvRow> m_ready;
};

}  // namespace reable
