#include "reable/clock.hpp"

#include <date/tz.h>

#include <chrono>

namespace reable {

calendar::Date SystemClock::today() const
{
    const auto local = date::make_zoned("Europe/Amsterdam", std::chrono::system_clock::now()).get_local_time();
    return calendar::Date{date::floor<date::days>(local).time_since_epoch()};
}

}  // namespace reable
