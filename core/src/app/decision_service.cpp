// Deciding on a request: gathers the facts the rules read from the store, runs the pure engine,
// and records the result with a snapshot of everything it read, so that a decision can be
// explained later exactly as it was taken, whatever changed since.

#include "reable/app/decision_service.hpp"

#include "reable/app/input_check.hpp"
#include "reable/decision/json_io.hpp"
#include "reable/error.hpp"

#include "../json_support.hpp"

#include <algorithm>
#include <map>

namespace reable::app {
namespace {

using decision::TestFact;
using decision::TrajectoryEnd;

domain::Client client_or_throw(storage::UnitOfWork& work, std::int64_t id)
{
    auto client = work.clients().find(domain::ClientId{id});
    if (!client) throw Error(ErrorCode::not_found, "no client " + std::to_string(id));
    return *client;
}

/// The value of one score in a stored result: a number, or the state that replaced it.
std::optional<TestFact> score_of(const domain::TestResult& r, const std::string& score)
{
    std::vector<json::Problem> problems;
    auto doc = json::parse_document(r.scores_json, problems);
    if (!doc || !json::is_object(*doc)) return std::nullopt;
    auto scores = json::as_object(*doc)->getObject("scores");
    if (!scores || !scores->has(score)) return std::nullopt;
    const json::Var v = scores->get(score);
    TestFact fact{r.instrument_id, r.instrument_version, score, r.tested_on, std::nullopt, ""};
    if (json::is_number(v))
        fact.value = json::to_decimal(v);
    else
        fact.state = v.convert<std::string>();
    return fact;
}

bool newer(const domain::TestResult& a, const domain::TestResult& b)
{
    return a.tested_on != b.tested_on ? a.tested_on > b.tested_on : a.id > b.id;
}

/// The latest result of each (instrument, score) the policy reads, over all the client's trajectories.
std::vector<TestFact> latest_tests(const std::vector<domain::TestResult>& results, const protocol::Policy& policy)
{
    std::vector<std::pair<std::string, std::string>> wanted;
    if (policy.target_group.physical_test)
        wanted.emplace_back(policy.target_group.physical_test->instrument, policy.target_group.physical_test->score);
    std::vector<TestFact> facts;
    for (const auto& [instrument, score] : wanted) {
        const domain::TestResult* latest = nullptr;
        for (const domain::TestResult& r : results)
            if (r.instrument_id == instrument && (!latest || newer(r, *latest))) latest = &r;
        if (!latest) continue;
        if (auto fact = score_of(*latest, score)) facts.push_back(std::move(*fact));
    }
    return facts;
}

const domain::TestResult* result_at(const std::vector<domain::TestResult>& results, const std::string& instrument,
                                    const std::string& occasion)
{
    for (const domain::TestResult& r : results)
        if (r.instrument_id == instrument && r.occasion == occasion) return &r;
    return nullptr;
}

/// The re-test against the intake, judged with the instrument's own minimal important change.
void compare_retest(const protocol::Registry& registry, const protocol::ReassessmentRule& rule,
                    const std::vector<domain::TestResult>& results, TrajectoryEnd& end)
{
    const domain::TestResult* before = result_at(results, rule.instrument, rule.intake_occasion);
    const domain::TestResult* after = result_at(results, rule.instrument, rule.retest_occasion);
    if (!before || !after) {
        end.retest_detail =
            "no " + rule.instrument + " result at " + (before ? rule.retest_occasion : rule.intake_occasion);
        return;
    }
    auto a = score_of(*before, rule.score);
    auto b = score_of(*after, rule.score);
    for (const auto& [fact, occasion] : {std::pair{&a, &rule.intake_occasion}, std::pair{&b, &rule.retest_occasion}})
        if (!*fact || !(*fact)->value) {
            end.retest_detail = rule.instrument + " " + rule.score + " at " + *occasion + " has no score (" +
                                (*fact ? (*fact)->state : std::string("missing")) + ")";
            return;
        }
    const protocol::Instrument& instrument = registry.instrument(after->instrument_id, after->instrument_version);
    const protocol::Score* score = instrument.find_score(rule.score);
    const Decimal delta = *b->value - *a->value;
    const bool higher_better = !score || score->better == protocol::Better::higher;
    const bool improved = higher_better ? delta > Decimal() : delta < Decimal();
    const Decimal magnitude = delta < Decimal() ? -delta : delta;
    bool meaningful = improved;
    std::string threshold = "no minimal important change defined";
    for (const protocol::MinimalImportantChange& mic : instrument.changes) {
        if (!score || instrument.slot_id(mic.score) != score->id || mic.thresholds.empty()) continue;
        const protocol::Edge& at = mic.thresholds.front().at;
        meaningful = improved && (at.inclusive ? magnitude >= at.value : magnitude > at.value);
        threshold = "meaningful from " + at.value.to_string();
    }
    end.retest = meaningful                       ? TrajectoryEnd::Change::meaningful
                 : improved || delta == Decimal() ? TrajectoryEnd::Change::not_meaningful
                                                  : TrajectoryEnd::Change::declined;
    end.retest_detail = rule.instrument + " " + rule.score + " " + a->value->to_string() + " → " +
                        b->value->to_string() + " (" + (delta > Decimal() ? "+" : "") + delta.to_string() + "; " +
                        threshold + ")";
}

/// The end of the client's latest trajectory, when it is past its training or dropped out.
std::optional<std::pair<domain::TrajectoryId, TrajectoryEnd>> trajectory_end(storage::UnitOfWork& work,
                                                                             const protocol::Registry& registry,
                                                                             const protocol::Policy& policy,
                                                                             domain::ClientId client)
{
    auto trajectories = work.trajectories().for_client(client);
    if (trajectories.empty()) return std::nullopt;
    const domain::Trajectory& t = *std::max_element(trajectories.begin(), trajectories.end(),
                                                    [](const domain::Trajectory& a, const domain::Trajectory& b) {
                                                        return a.start != b.start ? a.start < b.start : a.id < b.id;
                                                    });
    using S = domain::TrajectoryState;
    if (t.state != S::follow_up && t.state != S::closed && t.state != S::dropped_out) return std::nullopt;
    TrajectoryEnd end;
    end.dropout = t.state == S::dropped_out;
    const auto results = work.measurements().results(t.id);
    const protocol::ReassessmentRule& rule = policy.reassessment;
    compare_retest(registry, rule, results, end);
    const auto ratings = work.measurements().ratings(t.id);
    for (const domain::Goal& goal : work.measurements().goals(t.id)) {
        ++end.goals;
        std::optional<int> before, after;
        for (const domain::GoalRating& r : ratings) {
            if (r.goal != goal.id) continue;
            if (r.occasion == rule.intake_occasion) before = r.performance;
            if (r.occasion == rule.retest_occasion) after = r.performance;
        }
        if (before && after && *after - *before >= rule.goal_min_gain.value) ++end.goals_met;
    }
    return std::pair{t.id, end};
}

const protocol::Policy& policy_for(storage::UnitOfWork& work, const protocol::Registry& registry,
                                   const DecideRequest& request)
{
    if (!request.policy.empty()) return registry.policy(request.policy);
    const auto earlier = work.decisions().for_client(domain::ClientId{request.client});
    if (!earlier.empty()) return registry.policy(earlier.back().policy_id);
    std::string known;
    for (const protocol::Policy& p : registry.policies())
        if (known.find(p.id) == std::string::npos) known += (known.empty() ? "" : ", ") + p.id;
    throw Error(ErrorCode::invalid_input,
                "policy: client " + std::to_string(request.client) +
                    " has no earlier decision to take the policy from; choose one of: " + known);
}

}  // namespace

domain::OnderzoekFindings record_findings(storage::UnitOfWork& work, const Clock& clock, const FindingsInput& input)
{
    client_or_throw(work, input.client);
    InputCheck check("the onderzoek findings");
    const calendar::Date today = clock.today();
    domain::OnderzoekFindings f = input.findings;
    f.client = domain::ClientId{input.client};
    f.recorded_on = today;
    if (!input.date.empty())
        if (auto d = check.date("date", input.date, today)) f.recorded_on = *d;
    if (!input.cognitive_screen.empty())
        f.cognitive_screen = check.integer("cognitive_screen", input.cognitive_screen, 0, 30);
    if (auto d = check.code("dementia", input.dementia, domain::parse_dementia, "none, mild, moderate, severe"))
        f.dementia = *d;
    if (!input.decline_since.empty()) f.decline_since = check.date("decline_since", input.decline_since, today);
    if (!input.reablement_wait_days.empty())
        f.reablement_wait_days = check.integer("reablement_wait_days", input.reablement_wait_days, 0, 3650);
    if (auto l = check.code("limitation", input.limitation, domain::parse_limitation, "none, some, much"))
        f.limitation = *l;
    if (f.does_medium_tasks && !f.does_light_tasks)
        check.fail("does_medium_tasks", "a client who does the medium tasks also does the light ones; set both");
    check.throw_if_any();
    f.id = work.decisions().add_findings(f);
    return f;
}

DecideResult decide(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock,
                    const DecideRequest& request)
{
    const domain::Client client = client_or_throw(work, request.client);
    InputCheck check("the decision");
    const auto choice = check.code("choice", request.choice, domain::parse_choice, "not_asked, accept, decline");
    check.throw_if_any();
    const protocol::Policy& policy = policy_for(work, registry, request);
    const protocol::HhNorms& norms = registry.norms(policy.norms);
    auto findings = work.decisions().latest_findings(client.id);
    if (!findings)
        throw Error(ErrorCode::precondition_failed,
                    "client " + std::to_string(request.client) +
                        " has no onderzoek findings; record them first (reable onderzoek record " +
                        std::to_string(request.client) + " …)",
                    {{"missing", "onderzoek findings"}});

    const calendar::Date today = clock.today();
    decision::DecisionInput in;
    in.date = today;
    in.age = calendar::age_at(client.birth_date, today);
    in.home.household_size = client.household_size;
    in.home.rooms_in_use = client.rooms_in_use;
    in.home.rooms_not_in_use = client.rooms_not_in_use;
    in.home.pets = client.pets > 0;
    in.findings = *findings;
    in.choice = *choice;
    std::vector<domain::TestResult> results;
    for (const domain::Trajectory& t : work.trajectories().for_client(client.id)) {
        auto r = work.measurements().results(t.id);
        results.insert(results.end(), r.begin(), r.end());
    }
    in.tests = latest_tests(results, policy);
    std::optional<domain::TrajectoryId> trajectory;
    if (auto end = trajectory_end(work, registry, policy, client.id)) {
        trajectory = end->first;
        in.trajectory_end = end->second;
    }

    DecideResult out;
    out.decision = decision::decide(policy, norms, in);
    const decision::Decision& d = out.decision;

    domain::RecordedDecision& r = out.record;
    r.client = client.id;
    r.trajectory = trajectory;
    r.kind = in.trajectory_end ? domain::DecisionKind::reassessment : domain::DecisionKind::initial;
    r.decided_on = today;
    r.policy_id = policy.id;
    r.policy_version = policy.version;
    r.norm_id = d.norm_id;
    r.norm_version = d.norm_version;
    r.choice = *choice;
    r.computed_outcome = d.outcome;
    if (d.hh && domain::grants_household_help(d.outcome)) r.computed_minutes = d.hh->minutes_per_week.to_string();
    r.band = d.hh && domain::grants_household_help(d.outcome) ? d.hh->band : "";
    r.needs_motivation = d.needs_motivation;
    r.outcome = d.outcome;
    r.minutes_per_week = r.computed_minutes;
    r.motivation = request.motivation;

    // An override changes what the beschikking states; the computed values stay on record.
    if (!request.outcome.empty())
        if (auto o = check.code("outcome", request.outcome, domain::parse_outcome, domain::outcome_codes()))
            r.outcome = *o;
    std::optional<Decimal> minutes;
    if (!request.minutes.empty()) {
        minutes = Decimal::parse(request.minutes);
        if (!minutes || *minutes <= Decimal() || *minutes > Decimal::from_int(10080) ||
            !minutes->is_multiple_of(Decimal::from_scaled(1, 1)))
            check.fail("minutes",
                       InputCheck::quoted(request.minutes) +
                           " is not allowed; allowed: minutes per week from 0.1 to 10080, at most one decimal");
        else
            r.minutes_per_week = minutes->to_string();
    }
    if ((!request.outcome.empty() || !request.minutes.empty()) && request.motivation.empty())
        check.fail("motivation",
                   "required when overriding the computed outcome or minutes: write why (Awb 3:46, 4:84)");
    if (!request.minutes.empty() && !domain::grants_household_help(r.outcome))
        check.fail("minutes", "only an outcome of hh_granted or temporary_hh has minutes; the outcome is " +
                                  std::string(domain::to_string(r.outcome)));
    if (domain::grants_household_help(r.outcome) && !r.minutes_per_week)
        check.fail("minutes", "required: the outcome " + std::string(domain::to_string(r.outcome)) +
                                  " must state the minutes per week");
    check.throw_if_any();
    if (!domain::grants_household_help(r.outcome)) r.minutes_per_week.reset();

    const int training_weeks = registry.trajectory(policy.trajectory).training_weeks.value;
    const decision::DecisionDates dates = decision::decision_dates(policy, training_weeks, r.outcome, today);
    r.starts_on = dates.starts_on;
    r.ends_on = dates.ends_on;
    r.review_on = dates.review_on;

    decision::Beschikking b;
    b.policy = &policy;
    b.decision = &out.decision;
    b.outcome = r.outcome;
    if (r.minutes_per_week) b.minutes_per_week = Decimal::parse(*r.minutes_per_week);
    b.motivation = r.motivation;
    b.choice = r.choice;
    b.decided_on = today;
    b.dates = dates;
    b.training_weeks = training_weeks;
    out.beschikking = decision::beschikking_text(b);
    out.allocation = decision::allocation(b);
    r.inputs_json = decision::inputs_json(in);
    r.result_json = decision::result_json(d, out.beschikking, out.allocation);
    if (request.dry_run) return out;

    for (domain::Melding m : work.clients().meldingen(client.id)) {
        if (m.decided_on) continue;
        r.melding = m.id;
        m.decided_on = today;
        work.clients().update_melding(m);
        break;
    }
    r.id = work.decisions().add(r);
    return out;
}

std::string stored_beschikking(const domain::RecordedDecision& record)
{
    std::vector<json::Problem> problems;
    auto doc = json::parse_document(record.result_json, problems);
    if (!doc || !json::is_object(*doc) || !json::as_object(*doc)->has("beschikking"))
        throw Error(ErrorCode::storage_failure, "decision " + std::to_string(record.id.value) +
                                                    " has no readable beschikking in its stored result");
    return json::as_object(*doc)->getValue<std::string>("beschikking");
}

domain::RecordedDecision find_decision(storage::UnitOfWork& work, std::int64_t id)
{
    auto d = work.decisions().find(domain::DecisionId{id});
    if (!d) throw Error(ErrorCode::not_found, "no decision " + std::to_string(id));
    return *d;
}

}  // namespace reable::app
