#pragma once

#include <date/date.h>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace reable::calendar {

/// A civil date (no time, no zone). Stored and compared as days since 1970-01-01.
using Date = date::sys_days;

/// Parses exactly YYYY-MM-DD and checks the day exists (2026-02-29 is refused). nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(Date day);

/// Completed years of age on `on` for someone born on `birth`: the birthday must have been
/// reached (month and day compared), never days / 365. Someone born on 29 February turns a year
/// older on 1 March in non-leap years. Requires on >= birth.
int age_at(Date birth, Date on);

/// `day` plus `months` calendar months, clamped to the last day of the target month
/// (31 January + 1 month = 28 or 29 February).
Date add_months_clamped(Date day, int months);

}  // namespace reable::calendar
