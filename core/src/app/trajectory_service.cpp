#include "reable/app/trajectory_service.hpp"

#include "reable/app/input_check.hpp"

#include <algorithm>

namespace reable::app {

using namespace domain;

namespace {

const protocol::TrajectoryTemplate* find_template(const protocol::Registry& registry, InputCheck& check,
                                                  const TrajectoryStartInput& input)
{
    try {
        return input.template_version.empty() ? &registry.trajectory(input.template_id)
                                              : &registry.trajectory(input.template_id, input.template_version);
    }
    catch (const Error& e) {
        check.fail("template", e.what());
        return nullptr;
    }
}

std::vector<CareAssignment> read_team(storage::UnitOfWork& work, InputCheck& check,
                                      const std::vector<std::int64_t>& members)
{
    std::vector<CareAssignment> team;
    for (std::int64_t id : members) {
        const std::optional<Member> m = work.organisation().member(MemberId{id});
        if (!m) {
            check.fail("members", "there is no member " + std::to_string(id));
            continue;
        }
        if (!m->active) check.fail("members", "member " + std::to_string(id) + " (" + m->name + ") is not active");
        const bool taken = std::any_of(team.begin(), team.end(),
                                       [&](const CareAssignment& a) { return a.discipline == m->discipline; });
        if (taken)
            check.fail("members", "two members of discipline " + std::string(to_string(m->discipline)) +
                                      "; a trajectory has one per discipline");
        else
            team.push_back({m->discipline, m->id});
    }
    return team;
}

}  // namespace

Trajectory require_trajectory(storage::UnitOfWork& work, std::int64_t trajectory)
{
    if (std::optional<Trajectory> t = work.trajectories().find(TrajectoryId{trajectory})) return *t;
    throw Error(ErrorCode::not_found, "there is no trajectory " + std::to_string(trajectory));
}

TrajectoryId start_trajectory(storage::UnitOfWork& work, const protocol::Registry& registry,
                              const TrajectoryStartInput& input)
{
    InputCheck check("the trajectory");
    Trajectory t;
    const std::optional<Client> client = work.clients().find(ClientId{input.client});
    if (!client) check.fail("client", "there is no client " + std::to_string(input.client));
    const protocol::TrajectoryTemplate* plan = find_template(registry, check, input);
    if (const auto start = check.date("start", input.start)) {
        t.start = *start;
        if (client && *start < client->birth_date) check.fail("start", "is before the client was born");
    }
    if (input.melding) {
        const std::optional<Melding> m = work.clients().melding(MeldingId{*input.melding});
        if (!m || m->client != ClientId{input.client})
            check.fail("melding", "melding " + std::to_string(*input.melding) + " is not a melding of this client");
        else
            t.melding = m->id;
    }
    t.team = read_team(work, check, input.members);
    check.throw_if_any();

    for (const Trajectory& other : work.trajectories().for_client(client->id))
        if (!is_final(other.state))
            throw Error(ErrorCode::conflict, "client " + std::to_string(input.client) + " already has trajectory " +
                                                 std::to_string(other.id.value) + " in state " +
                                                 std::string(to_string(other.state)) +
                                                 "; close it or record the dropout first");
    t.client = client->id;
    t.template_id = plan->id;
    t.template_version = plan->version;
    t.state = TrajectoryState::referred;
    return work.trajectories().add(t);
}

void move_trajectory(storage::UnitOfWork& work, const Clock& clock, std::int64_t trajectory,
                     const std::string& to_state, const std::string& on, const std::string& reason,
                     const std::string& reason_code)
{
    Trajectory t = require_trajectory(work, trajectory);
    InputCheck check("the step");
    const std::optional<TrajectoryState> to =
        check.code("state", to_state, parse_trajectory_state,
                   "intake, training, follow_up, closed, dropped_out");
    const std::optional<calendar::Date> day = check.date("date", on, clock.today());
    if (day && *day < t.start)
        check.fail("date", InputCheck::quoted(on) + " is before the trajectory started on " +
                               calendar::format_iso_date(t.start));
    std::optional<EndReason> code;
    if (!reason_code.empty()) code = check.code("reason_code", reason_code, parse_end_reason, end_reason_codes());
    check.throw_if_any();
    if (*to == TrajectoryState::referred)
        throw Error(ErrorCode::precondition_failed, "a trajectory cannot go back to referred");

    // Closing from follow-up completes the trajectory; closing any earlier is an early closure.
    const Closure closure = *to == TrajectoryState::dropped_out                                  ? Closure::dropout
                            : *to == TrajectoryState::closed && t.state != TrajectoryState::follow_up ? Closure::early
                                                                                                      : Closure::completed;
    check_transition(t.state, *to, closure, reason);
    if (code && closure == Closure::completed) {
        InputCheck refuse("the step");
        refuse.fail("reason_code", InputCheck::quoted(reason_code) + " is not allowed with a step to " + to_state +
                                       "; a reason code goes only with dropped_out or an early closure");
        refuse.throw_if_any();
    }
    const Transition step{t.state, *to, *day, reason};
    t.state = *to;
    if (is_final(*to)) {
        t.ended_on = *day;
        t.closure = closure;
        t.end_reason = reason;
        t.end_reason_code = code;
    }
    work.trajectories().record_transition(t, step);
}

TrajectoryView view_trajectory(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock,
                               std::int64_t trajectory)
{
    TrajectoryView v;
    v.trajectory = require_trajectory(work, trajectory);
    const Trajectory& t = v.trajectory;
    v.plan = &registry.trajectory(t.template_id, t.template_version);
    v.history = work.trajectories().history(t.id);
    v.results = work.measurements().results(t.id);
    v.goals = work.measurements().goals(t.id);
    v.ratings = work.measurements().ratings(t.id);
    v.signals = work.sessions().signals(t.id);

    std::vector<schedule::AttendedSession> attended;
    v.sessions = work.sessions().for_trajectory(t.id);
    for (const Session& s : v.sessions) {
        ++v.sessions_logged;
        v.minutes_logged += s.minutes;
        if (s.attendance == Attendance::attended) attended.push_back({s.date, s.discipline});
    }
    const calendar::Date today = clock.today();
    const calendar::Date up_to = t.ended_on ? std::min(*t.ended_on, today) : today;
    v.adherence = schedule::adherence(schedule::plan_sessions(*v.plan, t.start), attended, up_to);

    for (const schedule::PlannedOccasion& planned : schedule::plan_occasions(*v.plan, t.start)) {
        OccasionLine line;
        line.occasion = v.plan->find_occasion(planned.occasion_id);
        line.planned = planned;
        // An occasion is done once the visit took place, i.e. any of its instruments has a result
        // (on the day of the first); instruments not recorded then are listed as missing.
        std::optional<calendar::Date> done_on;
        for (const protocol::OccasionInstrument& oi : line.occasion->instruments) {
            const auto result = std::find_if(v.results.begin(), v.results.end(), [&](const TestResult& r) {
                return r.occasion == planned.occasion_id && r.instrument_id == oi.instrument;
            });
            if (result == v.results.end()) {
                line.missing.push_back(oi.instrument);
                continue;
            }
            line.recorded.push_back(oi.instrument);
            done_on = done_on ? std::min(*done_on, result->tested_on) : result->tested_on;
        }
        line.state = schedule::occasion_state(planned, done_on, today,
                                              v.plan->grace_days.value, t.ended_on);
        v.occasions.push_back(std::move(line));
    }
    return v;
}

}  // namespace reable::app
