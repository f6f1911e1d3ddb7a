#include "reable/app/session_service.hpp"

#include "reable/app/input_check.hpp"

#include <algorithm>

namespace reable::app {

using namespace domain;

SessionId log_session(storage::UnitOfWork& work, const Clock& clock, const SessionInput& input)
{
    InputCheck check("the session");
    Session s;
    const std::optional<Trajectory> trajectory = work.trajectories().find(TrajectoryId{input.trajectory});
    if (!trajectory) check.fail("trajectory", "there is no trajectory " + std::to_string(input.trajectory));
    const std::optional<Member> member = work.organisation().member(MemberId{input.member});
    if (!member) check.fail("member", "there is no member " + std::to_string(input.member));

    if (const auto day = check.date("date", input.date, clock.today())) {
        s.date = *day;
        if (trajectory && *day < trajectory->start)
            check.fail("date", InputCheck::quoted(input.date) + " is before the trajectory started on " +
                                   calendar::format_iso_date(trajectory->start));
        if (trajectory && trajectory->ended_on && *day > *trajectory->ended_on)
            check.fail("date", InputCheck::quoted(input.date) + " is after the trajectory ended on " +
                                   calendar::format_iso_date(*trajectory->ended_on));
    }
    if (const auto m = check.integer("minutes", input.minutes, 1, k_max_session_minutes)) s.minutes = *m;
    if (const auto k = check.code("kind", input.kind, parse_session_kind, session_kind_codes())) s.kind = *k;
    if (const auto a = check.code("attendance", input.attendance, parse_attendance, "attended, cancelled, no_show"))
        s.attendance = *a;
    if (s.attendance != Attendance::attended && input.absence_reason.empty())
        check.fail("absence_reason", "a " + std::string(to_string(s.attendance)) + " session needs a reason");

    if (trajectory && !input.goals.empty()) {
        const std::vector<Goal> goals = work.measurements().goals(trajectory->id);
        for (std::int64_t g : input.goals) {
            const bool ours = std::any_of(goals.begin(), goals.end(), [g](const Goal& x) { return x.id.value == g; });
            if (!ours) check.fail("goals", "goal " + std::to_string(g) + " is not a goal of this trajectory");
            s.goals.push_back(GoalId{g});
        }
    }
    std::vector<SignalKind> signals;
    for (const std::string& text : input.signals)
        if (const auto k = check.code("signals", text, parse_signal_kind, signal_kind_codes())) signals.push_back(*k);
    check.throw_if_any();

    s.trajectory = trajectory->id;
    s.member = member->id;
    s.discipline = member->discipline;
    s.absence_reason = input.absence_reason;
    s.activities = input.activities;
    s.notes = input.notes;
    try {
        s.id = work.sessions().add(s);
    }
    catch (const Error& e) {
        if (e.code() != ErrorCode::conflict) throw;
        throw Error(ErrorCode::conflict, "member " + std::to_string(input.member) + " already logged a " +
                                             std::string(to_string(s.kind)) + " session for trajectory " +
                                             std::to_string(input.trajectory) + " on " + input.date);
    }
    for (SignalKind k : signals) work.sessions().add_signal({{}, s.trajectory, s.id, k, s.date, s.member, s.notes, {}});
    return s.id;
}

}  // namespace reable::app
