#pragma once

#include "reable/clock.hpp"
#include "reable/domain/discipline.hpp"
#include "reable/domain/ids.hpp"
#include "reable/domain/session_kind.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace reable::app {

/// One planned appointment: a session from the template's plan, or a measurement occasion.
struct AgendaLine {
    calendar::Date date;
    domain::MemberId member;
    std::string member_name;
    domain::Discipline discipline = domain::Discipline::physiotherapist;
    domain::TrajectoryId trajectory;
    std::string client_name;
    std::string what;    ///< "training, 45 min" or "measurement week_7: sppb, tug (window 2026-02-13 to 2026-02-23)"
    std::string status;  ///< sessions: planned, attended, cancelled, no_show, not_logged; occasions: upcoming, due …

    // The same, in parts, for a front end that words it in its own language.
    std::optional<domain::SessionKind> session_kind;  ///< a planned session
    int minutes = 0;                          ///< a planned session's minutes
    std::string occasion;                     ///< a measurement occasion's id
    std::vector<std::string> instruments;     ///< its instruments
    std::optional<calendar::Date> earliest, latest;  ///< its window
};

/// The agenda of one member (or of every member) from `from` to `to`, both included, ordered by
/// date and member: the sessions their open trajectories plan for their discipline, and the
/// measurement occasions whose target day falls in the range and whose instruments their
/// discipline may record. Each line carries what was logged or its status on clock.today().
/// Error{invalid_input} when `to` is before `from` or the range exceeds 366 days.
std::vector<AgendaLine> agenda(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock,
                               std::optional<std::int64_t> member, calendar::Date from, calendar::Date to);

}  // namespace reable::app
