#include "reable/exports/options.hpp"

#include <algorithm>

namespace reable::exports {

std::string_view to_string(DateMode mode)
{
    return mode == DateMode::days ? "days" : "month";
}

int age_at_start(calendar::Date birth_date, calendar::Date start)
{
    return std::min(calendar::age_at(birth_date, start), k_age_top_code);
}

std::string export_date(calendar::Date date, calendar::Date start, DateMode mode)
{
    if (mode == DateMode::days) return std::to_string((date - start).count());
    return calendar::format_iso_date(date).substr(0, 7);
}

}  // namespace reable::exports
