#include "reable/app/measurement_service.hpp"

#include "reable/app/input_check.hpp"
#include "reable/app/trajectory_service.hpp"
#include "reable/scoring/engine.hpp"
#include "reable/scoring/json_io.hpp"

#include <algorithm>

namespace reable::app {

using namespace domain;

namespace {

std::string occasion_ids(const protocol::TrajectoryTemplate& plan)
{
    std::string out;
    for (const protocol::Occasion& o : plan.occasions) out += (out.empty() ? "" : ", ") + o.id;
    return out;
}

std::string joined(const std::vector<Discipline>& disciplines)
{
    std::string out;
    for (Discipline d : disciplines) out += (out.empty() ? "" : ", ") + std::string(to_string(d));
    return out;
}

/// The occasion of the trajectory's template, or a problem naming the ones it has.
const protocol::Occasion* find_occasion(InputCheck& check, const protocol::TrajectoryTemplate& plan,
                                        const std::string& occasion)
{
    const protocol::Occasion* found = plan.find_occasion(occasion);
    if (!found)
        check.fail("occasion", InputCheck::quoted(occasion) + " is not an occasion of " + plan.reference() +
                                   "; its occasions are: " + occasion_ids(plan));
    return found;
}

}  // namespace

TestResult record_test(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock,
                       const TestInput& input)
{
    const Trajectory t = require_trajectory(work, input.trajectory);
    const protocol::TrajectoryTemplate& plan = registry.trajectory(t.template_id, t.template_version);
    InputCheck check("the test");

    const protocol::Occasion* occasion = find_occasion(check, plan, input.occasion);
    const protocol::OccasionInstrument* planned = nullptr;
    if (occasion) {
        const auto it = std::find_if(occasion->instruments.begin(), occasion->instruments.end(),
                                     [&](const protocol::OccasionInstrument& oi) { return oi.instrument == input.instrument; });
        if (it != occasion->instruments.end())
            planned = &*it;
        else {
            std::string ids;
            for (const protocol::OccasionInstrument& oi : occasion->instruments) ids += (ids.empty() ? "" : ", ") + oi.instrument;
            check.fail("instrument", InputCheck::quoted(input.instrument) + " is not measured at " + occasion->id +
                                         "; planned there: " + ids);
        }
    }
    const std::optional<Member> member = work.organisation().member(MemberId{input.member});
    if (!member)
        check.fail("member", "there is no member " + std::to_string(input.member));
    else if (planned && std::find(planned->disciplines.begin(), planned->disciplines.end(), member->discipline) ==
                            planned->disciplines.end())
        check.fail("member", "a " + std::string(to_string(member->discipline)) + " may not record " +
                                 input.instrument + " at " + input.occasion + "; allowed: " +
                                 joined(planned->disciplines));
    const std::optional<calendar::Date> day = check.date("date", input.date, clock.today());
    if (day && *day < t.start)
        check.fail("date", InputCheck::quoted(input.date) + " is before the trajectory started on " +
                               calendar::format_iso_date(t.start));
    if (day && t.ended_on && *day > *t.ended_on)
        check.fail("date", InputCheck::quoted(input.date) + " is after the trajectory ended on " +
                               calendar::format_iso_date(*t.ended_on));
    check.throw_if_any();

    const protocol::Instrument& instrument = registry.instrument(input.instrument);
    const Client client = *work.clients().find(t.client);
    scoring::RawSubject raw_subject;
    raw_subject.birth_date = calendar::format_iso_date(client.birth_date);
    raw_subject.test_date = input.date;
    raw_subject.sex = std::string(to_string(client.sex));
    const scoring::Subject subject = scoring::read_subject(raw_subject, clock);
    const scoring::Observation observation = scoring::read_observation(instrument, input.items);
    const scoring::ScoreReport report = scoring::make_report(observation, subject, scoring::score(observation, subject));

    TestResult r;
    r.trajectory = t.id;
    r.occasion = input.occasion;
    r.instrument_id = instrument.id;
    r.instrument_version = instrument.version;
    r.member = member->id;
    r.discipline = member->discipline;
    r.tested_on = *day;
    r.inputs_json = scoring::to_json(input.items);
    r.scores_json = scoring::to_stored_json(report);
    for (const scoring::ScoreLine& line : report.scores)
        if (line.primary) r.total = line.shown.text;
    try {
        r.id = work.measurements().add_result(r);
    }
    catch (const Error& e) {
        if (e.code() != ErrorCode::conflict) throw;
        throw Error(ErrorCode::conflict, input.instrument + " is already recorded at " + input.occasion +
                                             " for trajectory " + std::to_string(input.trajectory));
    }
    return r;
}

GoalId add_goal(storage::UnitOfWork& work, const Clock& clock, std::int64_t trajectory, const std::string& problem,
                const std::string& importance, const std::string& set_on)
{
    const Trajectory t = require_trajectory(work, trajectory);
    InputCheck check("the goal");
    check.required("problem", problem);
    const std::optional<int> weight = check.integer("importance", importance, 1, 10);
    const std::optional<calendar::Date> day = check.date("date", set_on, clock.today());
    if (day && *day < t.start)
        check.fail("date", InputCheck::quoted(set_on) + " is before the trajectory started on " +
                               calendar::format_iso_date(t.start));
    check.throw_if_any();
    return work.measurements().add_goal({{}, t.id, problem, *weight, *day});
}

void rate_goal(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock, std::int64_t goal,
               const std::string& occasion, const std::string& performance, const std::string& satisfaction,
               const std::string& rated_on)
{
    const std::optional<Goal> found = work.measurements().goal(GoalId{goal});
    if (!found) throw Error(ErrorCode::not_found, "there is no goal " + std::to_string(goal));
    const Trajectory t = require_trajectory(work, found->trajectory.value);
    InputCheck check("the rating");
    find_occasion(check, registry.trajectory(t.template_id, t.template_version), occasion);
    const std::optional<int> p = check.integer("performance", performance, 1, 10);
    const std::optional<int> s = check.integer("satisfaction", satisfaction, 1, 10);
    const std::optional<calendar::Date> day = check.date("date", rated_on, clock.today());
    if (day && *day < found->set_on)
        check.fail("date", InputCheck::quoted(rated_on) + " is before the goal was set on " +
                               calendar::format_iso_date(found->set_on));
    check.throw_if_any();
    try {
        work.measurements().add_rating({found->id, occasion, *p, *s, *day});
    }
    catch (const Error& e) {
        if (e.code() != ErrorCode::conflict) throw;
        throw Error(ErrorCode::conflict, "goal " + std::to_string(goal) + " is already rated at " + occasion);
    }
}

}  // namespace reable::app
