#pragma once

#include <chrono>
#include <string>

namespace reable {

using Instant = std::chrono::system_clock::time_point;

/// "2026-11-23T09:15:02.118Z": UTC with milliseconds. Timestamps of this shape sort as text in
/// time order, which the database relies on (token expiry, audit order).
std::string format_utc(Instant t);

}  // namespace reable
