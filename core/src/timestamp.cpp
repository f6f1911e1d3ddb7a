#include "reable/timestamp.hpp"

#include <date/date.h>

namespace reable {

std::string format_utc(Instant t)
{
    return date::format("%FT%TZ", std::chrono::floor<std::chrono::milliseconds>(t));
}

}  // namespace reable
