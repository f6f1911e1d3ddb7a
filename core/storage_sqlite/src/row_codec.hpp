#pragma once

// Conversions between domain values and their stored text, shared by the repositories.

#include "reable/calendar.hpp"
#include "sqlite_connection.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reable::storage_sqlite {

void bind_date(Statement& s, int index, calendar::Date day);
void bind_date(Statement& s, int index, const std::optional<calendar::Date>& day);
calendar::Date read_date(const Statement& s, int column);
std::optional<calendar::Date> read_optional_date(const Statement& s, int column);

/// An optional typed id (domain::Id) as an optional integer to bind: NULL when absent.
std::optional<std::int64_t> optional_id(const auto& id)
{
    return id ? std::optional<std::int64_t>(id->value) : std::nullopt;
}

[[noreturn]] void throw_unknown_code(std::string_view what, std::string_view code);

/// Reads an enum stored by its code. A code this program does not know means the database was
/// written by something else: Error{storage_failure} naming the column and the value.
template <class Enum, class Parse>
Enum read_code(const Statement& s, int column, Parse parse, std::string_view what)
{
    const std::string code = s.text(column);
    if (const std::optional<Enum> value = parse(code)) return *value;
    throw_unknown_code(what, code);
}

/// Lists of short texts (activities) are stored one per line.
std::string join_lines(const std::vector<std::string>& lines);
std::vector<std::string> split_lines(std::string_view text);

/// Runs a bound query and reads every row with `read`.
template <class Read>
auto all_rows(Statement& s, Read read)
{
    StatementUse use(s);
    std::vector<decltype(read(s))> out;
    while (s.step()) out.push_back(read(s));
    return out;
}

template <class Read>
auto first_row(Statement& s, Read read) -> std::optional<decltype(read(s))>
{
    StatementUse use(s);
    if (!s.step()) return std::nullopt;
    return read(s);
}

}  // namespace reable::storage_sqlite
