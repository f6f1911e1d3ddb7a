#pragma once

#include "reable/calendar.hpp"

namespace reable {

/// Where "today" comes from. Injected, so that tests and reports are reproducible.
class Clock {
public:
    virtual ~Clock() = default;
    /// Today's civil date in the Netherlands (Europe/Amsterdam).
    virtual calendar::Date today() const = 0;
};

/// The real clock: the current date in Europe/Amsterdam, from the system's zoneinfo.
class SystemClock final : public Clock {
public:
    calendar::Date today() const override;
};

/// A clock that always says the same date (tests, reproducible runs).
class FixedClock final : public Clock {
public:
    explicit FixedClock(calendar::Date day) : m_day(day) {}
    calendar::Date today() const override { return m_day; }

private:
    calendar::Date m_day;
};

}  // namespace reable
