#pragma once

// Domain values as API JSON: snake_case fields, ISO dates, ids as numbers. Identity (name, BSN)
// appears only where a handler passes it in. Written with core's CompactWriter: stored JSON
// (a test's inputs and scores) is embedded as it is, without parsing it again.

#include "http/router.hpp"

#include "reable/app/trajectory_service.hpp"
#include "reable/compact_json.hpp"
#include "reable/domain/audit.hpp"
#include "reable/domain/client.hpp"
#include "reable/domain/measurement.hpp"
#include "reable/domain/melding.hpp"
#include "reable/domain/organisation.hpp"
#include "reable/domain/session.hpp"
#include "reable/domain/user.hpp"
#include "reable/protocol/instrument.hpp"
#include "reable/protocol/policy.hpp"
#include "reable/storage/repositories.hpp"

#include <optional>

namespace reable::server::views {

using json::CompactWriter;

Response json(const CompactWriter& body, int status = 200);
Response json_text(std::string body, int status = 200);

/// {"items": [each item written by `write`]} and, for a page, "total", "limit", "offset".
template <class T, class Write>
CompactWriter list(const std::vector<T>& items, Write write, std::optional<std::size_t> total = std::nullopt,
                   const storage::Page& page = {})
{
    CompactWriter w;
    w.begin_object().key("items").begin_array();
    for (const T& item : items) write(w, item);
    w.end_array();
    if (total) {
        w.key("total").value(static_cast<std::int64_t>(*total));
        w.key("limit").value(static_cast<std::int64_t>(page.limit));
        w.key("offset").value(static_cast<std::int64_t>(page.offset));
    }
    w.end_object();
    return w;
}

/// `identity`: the name (and, with `with_bsn`, the BSN) for users who work with the person.
void client(CompactWriter& w, const domain::Client& c, const std::optional<domain::ClientIdentity>& identity,
            bool with_bsn);
/// The fields of a trajectory, without the surrounding braces (the full view extends them).
void trajectory_fields(CompactWriter& w, const domain::Trajectory& t);
void trajectory(CompactWriter& w, const domain::Trajectory& t);
/// The full view, with the client's name (for care roles who may see the client), the template's
/// name and training weeks, and the week the trajectory is in on `today` (the server's clock).
void trajectory_view(CompactWriter& w, const app::TrajectoryView& v, const std::string& client_name,
                     calendar::Date today);
void session(CompactWriter& w, const domain::Session& s);
void signal_fields(CompactWriter& w, const domain::Signal& s);
void signal(CompactWriter& w, const domain::Signal& s);
void test_result(CompactWriter& w, const domain::TestResult& r);
void goal_fields(CompactWriter& w, const domain::Goal& g);
void goal(CompactWriter& w, const domain::Goal& g);
void melding_fields(CompactWriter& w, const domain::Melding& m);
void melding(CompactWriter& w, const domain::Melding& m);
/// A melding on an access team's work list: with the client's name and its legal deadlines as
/// they stand on `today`; "overdue" when a deadline not yet met is past, "next_due" the earliest
/// due date of a deadline not yet met.
void melding_with_deadlines(CompactWriter& w, const domain::Melding& m, const std::string& client_name,
                            calendar::Date today);
void team(CompactWriter& w, const domain::Team& t);
void member(CompactWriter& w, const domain::Member& m);
void user_fields(CompactWriter& w, const domain::User& u);
void user(CompactWriter& w, const domain::User& u);
void audit_event(CompactWriter& w, const domain::AuditEvent& e);
/// An instrument as a form to fill in: its items with their units, ranges, trials, allowed states
/// and answer options, the alternatives and the scores it gives.
void instrument_form(CompactWriter& w, const protocol::Instrument& i);
/// A decision policy: what it is called and how reablement relates to household help.
void policy(CompactWriter& w, const protocol::Policy& p);

/// One value written alone: views::one(views::team, t).
template <class Write, class T>
CompactWriter one(Write write, const T& value)
{
    CompactWriter w;
    write(w, value);
    return w;
}

}  // namespace reable::server::views
