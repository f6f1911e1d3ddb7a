#include "reable/schedule/occasion_status.hpp"

#include <array>
#include <ostream>

namespace reable::schedule {
namespace {

constexpr std::array<OccasionStatus, 5> k_statuses{OccasionStatus::upcoming, OccasionStatus::due, OccasionStatus::done,
                                                   OccasionStatus::overdue, OccasionStatus::missed};

}  // namespace

std::string_view to_string(OccasionStatus status)
{
    switch (status) {
    case OccasionStatus::upcoming: return "upcoming";
    case OccasionStatus::due: return "due";
    case OccasionStatus::done: return "done";
    case OccasionStatus::overdue: return "overdue";
    case OccasionStatus::missed: return "missed";
    }
    return "unknown";
}

std::optional<OccasionStatus> parse_occasion_status(std::string_view code)
{
    for (OccasionStatus status : k_statuses)
        if (to_string(status) == code) return status;
    return std::nullopt;
}

std::string_view occasion_status_codes() { return "upcoming, due, done, overdue, missed"; }

std::ostream& operator<<(std::ostream& out, OccasionStatus status) { return out << to_string(status); }

}  // namespace reable::schedule
