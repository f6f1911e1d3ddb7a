#include "reable/calendar.hpp"

#include <charconv>

namespace reable::calendar {
namespace {

bool parse_digits(std::string_view text, int& out)
{
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc{} && end == text.data() + text.size();
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
        !parse_digits(text.substr(8, 2), d))
        return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

std::string format_iso_date(Date day)
{
    // Written by hand: date::format goes through an ostringstream, which costs more than a whole
    // database insert, and dates are formatted for every stored row.
    const date::year_month_day ymd{day};
    const int y = static_cast<int>(ymd.year());
    if (y < 0 || y > 9999) return date::format("%F", day);
    const unsigned m = static_cast<unsigned>(ymd.month());
    const unsigned d = static_cast<unsigned>(ymd.day());
    std::string out = "0000-00-00";
    out[0] = static_cast<char>('0' + y / 1000);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    out[2] = static_cast<char>('0' + y / 10 % 10);
    out[3] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    return out;
}

int age_at(Date birth, Date on)
{
    const date::year_month_day b{birth};
    const date::year_month_day o{on};
    int years = static_cast<int>(o.year()) - static_cast<int>(b.year());
    const bool birthday_reached = date::month_day{o.month(), o.day()} >= date::month_day{b.month(), b.day()};
    if (!birthday_reached) --years;
    return years;
}

Date add_months_clamped(Date day, int months)
{
    const date::year_month_day ymd{day};
    const date::year_month target = date::year_month{ymd.year(), ymd.month()} + date::months{months};
    const date::day last = date::year_month_day_last{target.year(), date::month_day_last{target.month()}}.day();
    return Date{date::year_month_day{target.year(), target.month(), ymd.day() > last ? last : ymd.day()}};
}

}  // namespace reable::calendar
