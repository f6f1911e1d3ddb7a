#include "reable/csv_reader.hpp"

#include "reable/error.hpp"

#include <csv.h>

namespace reable {

CsvReader::CsvReader(std::istream& in) : m_in(in), m_parser(std::make_unique<csv_parser>())
{
    if (csv_init(m_parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        throw Error(ErrorCode::internal, "cannot initialise the CSV parser");
}

CsvReader::~CsvReader() { csv_free(m_parser.get()); }

void CsvReader::on_field(void* data, std::size_t size, void* self)
{
    auto* reader = static_cast<CsvReader*>(self);
    reader->m_current.fields.emplace_back(static_cast<const char*>(data), size);
}

void CsvReader::on_row(int, void* self)
{
    auto* reader = static_cast<CsvReader*>(self);
    reader->m_current.line = reader->m_line;
    reader->m_ready.push_back(std::move(reader->m_current));
    reader->m_current = {};
}

bool CsvReader::next(CsvRow& row)
{
    // Feed one physical line at a time, so that each record knows the line it ends on.
    std::string line;
    while (m_ready.empty() && !m_finished) {
        if (std::getline(m_in, line)) {
            ++m_line;
            m_bytes += line.size() + 1;
            line += '\n';
            if (csv_parse(m_parser.get(), line.data(), line.size(), on_field, on_row, this) != line.size())
                throw Error(ErrorCode::invalid_input, "line " + std::to_string(m_line) + ": the CSV is malformed (" +
                                                          csv_strerror(csv_error(m_parser.get())) + ")");
        }
        else {
            m_finished = true;
            if (csv_fini(m_parser.get(), on_field, on_row, this) != 0)
                throw Error(ErrorCode::invalid_input, "line " + std::to_string(m_line) +
                                                          ": the CSV ends inside a quoted field");
        }
    }
    if (m_ready.empty()) return false;
    row = std::move(m_ready.front());
    m_ready.pop_front();
    return true;
}

}  // namespace reable
