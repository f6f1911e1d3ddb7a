#include "row_codec.hpp"

#include "reable/error.hpp"

namespace reable::storage_sqlite {

void bind_date(Statement& s, int index, calendar::Date day) { s.bind(index, calendar::format_iso_date(day)); }

void bind_date(Statement& s, int index, const std::optional<calendar::Date>& day)
{
    if (day)
        bind_date(s, index, *day);
    else
        s.bind_null(index);
}

calendar::Date read_date(const Statement& s, int column)
{
    const std::string text = s.text(column);
    if (const std::optional<calendar::Date> day = calendar::parse_iso_date(text)) return *day;
    throw Error(ErrorCode::storage_failure, "the database holds an invalid date \"" + text + "\"");
}

std::optional<calendar::Date> read_optional_date(const Statement& s, int column)
{
    if (s.is_null(column)) return std::nullopt;
    return read_date(s, column);
}

void throw_unknown_code(std::string_view what, std::string_view code)
{
    throw Error(ErrorCode::storage_failure,
                "the database holds an unknown " + std::string(what) + " \"" + std::string(code) + "\"");
}

std::string join_lines(const std::vector<std::string>& lines)
{
    std::string out;
    for (const std::string& line : lines) {
        if (!out.empty()) out += '\n';
        out += line;
    }
    return out;
}

std::vector<std::string> split_lines(std::string_view text)
{
    std::vector<std::string> out;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        out.emplace_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return out;
}

}  // namespace reable::storage_sqlite
