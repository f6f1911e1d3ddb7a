#pragma once

// What every export shares: the cohort filter, how dates are written, and the day the export
// describes (follow-up points after it are not yet reached).

#include "reable/calendar.hpp"
#include "reable/storage/export_reader.hpp"

#include <string>
#include <string_view>

namespace reable::exports {

/// Days since the trajectory start (the default), or the calendar year and month only.
enum class DateMode { days, month };
std::string_view to_string(DateMode mode);

struct ExportOptions {
    storage::ExportFilter filter;
    DateMode dates = DateMode::days;
    calendar::Date as_of;  ///< "today" for the export
};

/// Ages are written in whole years at the trajectory start, top-coded: 90 stands for 90 or older,
/// so that the oldest clients are not singled out.
inline constexpr int k_age_top_code = 90;
int age_at_start(calendar::Date birth_date, calendar::Date start);

/// A date as the export writes it: days since the start ("98"), or "2026-03".
std::string export_date(calendar::Date date, calendar::Date start, DateMode mode);

}  // namespace reable::exports
