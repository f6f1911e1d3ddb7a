#include "reable/app/demo_seed.hpp"

#include "reable/app/client_service.hpp"
#include "reable/app/measurement_service.hpp"
#include "reable/app/organisation_service.hpp"
#include "reable/app/session_service.hpp"
#include "reable/app/trajectory_service.hpp"
#include "reable/app/user_service.hpp"
#include "reable/domain/bsn.hpp"
#include "reable/domain/decision.hpp"
#include "reable/error.hpp"
#include "reable/schedule/schedule.hpp"

#include <array>
#include <random>
#include <set>

namespace reable::app {

using namespace domain;

namespace {

constexpr std::string_view k_municipality = "GM0014";
constexpr std::array k_team_names{"WIJ Oost", "WIJ West", "WIJ Noord"};
constexpr std::array k_areas{"Oosterparkwijk", "Vinkhuizen", "Selwerd", "Beijum", "Lewenborg", "Paddepoel"};
constexpr std::array k_first_names{"Anna", "Maria", "Johanna", "Grietje", "Hendrika", "Jan", "Hendrik", "Klaas",
                                   "Pieter", "Geert", "Trijntje", "Albert", "Willem", "Aaltje", "Roelof", "Jantje"};
constexpr std::array k_family_names{"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
                                    "Bos", "Vos", "Dijkstra", "Kuipers", "Hoekstra", "Postma", "Wiersma", "Zijlstra"};
constexpr std::array k_activities{"opstaan uit stoel", "traplopen", "samen stofzuigen", "bed verschonen",
                                  "boodschappenlijst maken", "wandelen buiten", "balansoefeningen",
                                  "was ophangen", "keuken schoonmaken", "krachtoefeningen benen"};
constexpr std::array k_goals{"Zelf de was doen", "Zelf boodschappen doen", "Veilig de trap op en af",
                             "Zelf stofzuigen", "Weer naar de markt lopen", "Zelf het bed verschonen"};
/// Why a client dropped out: the free text the team writes, and the code evaluators get.
struct DropoutReason {
    const char* text;
    const char* code;
};
constexpr std::array k_dropout_reasons{DropoutReason{"hospital admission", "admission"},
                                       DropoutReason{"moved to a care home", "care_home"},
                                       DropoutReason{"no longer motivated", "motivation"},
                                       DropoutReason{"deceased", "deceased"},
                                       DropoutReason{"too ill to continue", "health"},
                                       DropoutReason{"does not want to continue", "declined_further"}};

/// The policy the synthetic decisions name: a shipped one, so that a reader can look it up.
constexpr std::string_view k_seed_policy = "groningen-precedence";
/// What the synthetic decisions store as the engine's inputs and result, so that nobody mistakes
/// them for engine output.
constexpr std::string_view k_synthetic_json = R"({"synthetic": true})";

/// Random choices from the fully specified std::mt19937_64 only: no std distributions, whose
/// results differ between standard libraries.
class Dice {
public:
    explicit Dice(std::uint64_t seed) : m_engine(seed) {}
    /// A whole number from `low` to `high`, both included.
    int between(int low, int high)
    {
        return low + static_cast<int>(m_engine() % static_cast<std::uint64_t>(high - low + 1));
    }
    bool chance(int percent) { return between(1, 100) <= percent; }
    template <class Array>
    auto pick(const Array& a) -> decltype(a[0])
    {
        return a[static_cast<std::size_t>(between(0, static_cast<int>(a.size()) - 1))];
    }

private:
    std::mt19937_64 m_engine;
};

std::string fictitious_bsn(Dice& dice, std::set<std::string>& used)
{
    for (;;) {
        std::string digits;
        int sum = 0;
        for (int i = 0; i < 8; ++i) {
            const int d = dice.between(i == 0 ? 1 : 0, 9);
            digits += static_cast<char>('0' + d);
            sum += (9 - i) * d;
        }
        const int check = sum % 11;  // 9·d1 + … + 2·d8 − d9 must be divisible by 11
        if (check == 10) continue;
        digits += static_cast<char>('0' + check);
        if (used.insert(digits).second) return digits;
    }
}

std::string iso(calendar::Date d) { return calendar::format_iso_date(d); }

struct Team {
    std::array<std::int64_t, 4> members{};  ///< by discipline, in the order of k_disciplines
};

std::vector<Team> make_teams(storage::UnitOfWork& work)
{
    register_municipality(work, std::string(k_municipality), "Groningen", {k_areas.begin(), k_areas.end()});
    std::vector<Team> teams;
    for (const char* name : k_team_names) {
        const TeamId team = add_team(work, std::string(k_municipality), name);
        Team t;
        for (std::size_t i = 0; i < k_disciplines.size(); ++i)
            t.members[i] = add_member(work, team.value,
                                      std::string(name).substr(4) + " " + std::string(dutch_name(k_disciplines[i])),
                                      std::string(to_string(k_disciplines[i])))
                               .value;
        teams.push_back(t);
    }
    return teams;
}

ClientId make_client(storage::UnitOfWork& work, const Clock& clock, Dice& dice, std::set<std::string>& bsns)
{
    ClientInput in;
    in.bsn = fictitious_bsn(dice, bsns);
    const bool female = dice.chance(65);
    in.sex = female ? "female" : "male";
    in.name = std::string(female ? "Mevr. " : "Dhr. ") + dice.pick(k_first_names)[0] + ". " + dice.pick(k_family_names);
    const calendar::Date birth = clock.today() - date::days(dice.between(65 * 365, 95 * 365));
    in.birth_date = iso(birth);
    in.municipality = std::string(k_municipality);
    in.area = dice.pick(k_areas);
    const bool couple = dice.chance(35);
    in.household = couple ? "couple" : "single";
    in.household_size = couple ? "2" : "1";
    in.dwelling = dice.chance(55) ? "apartment" : dice.chance(70) ? "single_family_house" : "sheltered_housing";
    in.rooms_in_use = std::to_string(dice.between(2, 5));
    in.rooms_not_in_use = std::to_string(dice.between(0, 2));
    in.pets = std::to_string(dice.chance(25) ? 1 : 0);
    if (couple) in.carers.push_back("partner:" + std::to_string(dice.between(10, 40)) + ":lives_in");
    if (dice.chance(50)) in.carers.push_back((dice.chance(50) ? "daughter:" : "son:") + std::to_string(dice.between(1, 8)));
    return add_client(work, clock, in);
}

/// A worked example of the instrument that scores without error: realistic values, valid by
/// construction, since every example is checked when the protocols load.
std::vector<scoring::RawItem> example_values(const protocol::Instrument& instrument, Dice& dice)
{
    std::vector<const protocol::Example*> usable;
    for (const protocol::Example& e : instrument.examples)
        if (!e.expect_error) usable.push_back(&e);
    if (usable.empty()) return {};
    const protocol::Example& e = *usable[static_cast<std::size_t>(dice.between(0, static_cast<int>(usable.size()) - 1))];
    std::vector<scoring::RawItem> items;
    for (const auto& [id, values] : e.items) {
        scoring::RawItem item{id, {}};
        for (const protocol::ExampleValue& v : values) item.values.push_back({v.is_number, v.number, v.text});
        items.push_back(std::move(item));
    }
    return items;
}

/// How a seeded trajectory went, as far as the decisions on household help need to know.
struct Course {
    calendar::Date training_end;
    std::optional<calendar::Date> dropped_out_on;  ///< when the client dropped out (on or before today)
};

/// Sessions, tests, goals and state changes of one trajectory, up to today or the dropout.
Course live_trajectory(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock, Dice& dice,
                       const Trajectory& t, const Team& team, SeedSummary& summary)
{
    const protocol::TrajectoryTemplate& plan = registry.trajectory(t.template_id, t.template_version);
    const calendar::Date today = clock.today();
    const calendar::Date training_end = schedule::training_end(plan, t.start);
    const std::vector<schedule::PlannedOccasion> occasions = schedule::plan_occasions(plan, t.start);
    calendar::Date end = training_end;
    for (const schedule::PlannedOccasion& o : occasions) end = std::max(end, o.latest);
    std::optional<calendar::Date> dropout;
    if (dice.chance(8)) dropout = t.start + date::days(dice.between(7, (training_end - t.start).count()));
    const calendar::Date last_day = std::min({today, dropout.value_or(end), end});
    auto member_of = [&](Discipline d) { return team.members[static_cast<std::size_t>(d)]; };

    move_trajectory(work, clock, t.id.value, "intake", iso(t.start), "");
    if (t.start + date::days(7) <= last_day) move_trajectory(work, clock, t.id.value, "training", iso(t.start + date::days(7)), "");

    std::vector<GoalId> goals;
    for (int g = dice.between(1, 3); g > 0; --g) {
        goals.push_back(add_goal(work, clock, t.id.value, dice.pick(k_goals), std::to_string(dice.between(5, 10)),
                                 iso(t.start)));
        ++summary.goals;
    }

    for (const schedule::PlannedSession& p : schedule::plan_sessions(plan, t.start)) {
        if (p.date > last_day) break;
        SessionInput s;
        s.trajectory = t.id.value;
        s.member = member_of(p.discipline);
        s.date = iso(p.date);
        s.minutes = std::to_string(std::max(5, p.minutes + dice.between(-10, 10)));
        s.kind = std::string(to_string(p.kind));
        const int roll = dice.between(1, 100);
        s.attendance = roll <= 86 ? "attended" : roll <= 93 ? "cancelled" : "no_show";
        if (s.attendance != "attended") s.absence_reason = roll <= 93 ? "ziek" : "niet thuis";
        s.activities = {dice.pick(k_activities), dice.pick(k_activities)};
        if (s.activities[0] == s.activities[1]) s.activities.pop_back();
        if (!goals.empty() && dice.chance(40)) s.goals = {goals[static_cast<std::size_t>(dice.between(0, static_cast<int>(goals.size()) - 1))].value};
        if (s.attendance == "attended" && dice.chance(2)) {
            static constexpr std::array kinds{"caregiver_overload", "loneliness", "cognitive_decline", "fall",
                                              "financial_trouble", "unsafe_home"};
            s.signals = {dice.pick(kinds)};
        }
        try {
            log_session(work, clock, s);
            ++summary.sessions;
            summary.signals += static_cast<int>(s.signals.size());
        }
        catch (const Error& e) {
            // Two plans of one discipline on the same day are one visit: skip the second.
            if (e.code() != ErrorCode::conflict) throw;
        }
    }

    for (const schedule::PlannedOccasion& o : occasions) {
        const calendar::Date day = std::min(o.target + date::days(dice.between(-2, 5)), today);
        if (o.target > last_day || day < t.start || dice.chance(8)) continue;
        const protocol::Occasion& occasion = *plan.find_occasion(o.occasion_id);
        for (const protocol::OccasionInstrument& oi : occasion.instruments) {
            if (oi.disciplines.empty() || dice.chance(5)) continue;
            TestInput test;
            test.trajectory = t.id.value;
            test.member = member_of(oi.disciplines.front());
            test.occasion = occasion.id;
            test.instrument = oi.instrument;
            test.date = iso(day);
            test.items = example_values(registry.instrument(oi.instrument), dice);
            if (test.items.empty()) continue;
            record_test(work, registry, clock, test);
            ++summary.tests;
        }
        for (GoalId g : goals)
            if (occasion.id == "intake" || occasion.id == "week_14" || occasion.id == "final")
                rate_goal(work, registry, clock, g.value, occasion.id, std::to_string(dice.between(2, 9)),
                          std::to_string(dice.between(2, 9)), iso(day));
    }

    if (dropout && *dropout <= today) {
        const DropoutReason& reason = dice.pick(k_dropout_reasons);
        move_trajectory(work, clock, t.id.value, "dropped_out", iso(*dropout), reason.text, reason.code);
        return {training_end, dropout};
    }
    if (training_end <= today && t.start + date::days(7) <= today)
        move_trajectory(work, clock, t.id.value, "follow_up", iso(training_end), "");
    if (end < today) move_trajectory(work, clock, t.id.value, "closed", iso(end), "");
    return {training_end, std::nullopt};
}

/// Minutes of household help per week a client asks for: 90 to 240, in steps of 15 or of 5.
int requested_minutes(Dice& dice)
{
    return dice.chance(50) ? 90 + 15 * dice.between(0, 10) : 90 + 5 * dice.between(0, 30);
}

/// `percent` of `minutes`, in whole minutes, at least 1.
int share_of(int minutes, int percent) { return std::max(1, minutes * percent / 100); }

/// The synthetic decisions on household help of one seeded client (see seed_demo).
class SyntheticDecisions {
public:
    SyntheticDecisions(storage::UnitOfWork& work, const protocol::Registry& registry, calendar::Date today,
                       SeedSummary& summary)
        : m_work(work), m_policy(registry.policy(k_seed_policy)), m_today(today), m_summary(summary)
    {
    }

    /// Records one decision with the computed outcome equal to the final one (no override).
    void add(ClientId client, MeldingId melding, std::optional<TrajectoryId> trajectory, DecisionKind kind,
             calendar::Date on, Outcome outcome, std::optional<int> minutes = std::nullopt)
    {
        RecordedDecision d;
        d.client = client;
        d.melding = melding;
        d.trajectory = trajectory;
        d.kind = kind;
        d.decided_on = on;
        d.policy_id = m_policy.id;
        d.policy_version = m_policy.version;
        d.choice = Choice::not_asked;
        d.computed_outcome = outcome;
        d.outcome = outcome;
        if (minutes) {
            d.computed_minutes = std::to_string(*minutes);
            d.minutes_per_week = d.computed_minutes;
        }
        if (grants_household_help(outcome)) d.starts_on = on;
        d.inputs_json = std::string(k_synthetic_json);
        d.result_json = std::string(k_synthetic_json);
        m_work.decisions().add(d);
        ++m_summary.decisions;
    }

    /// The reassessment at the end of the training, and for some clients without household help
    /// then, a later grant 2 to 20 months on (when that is not after today).
    void after_training(Dice& dice, ClientId client, MeldingId melding, TrajectoryId trajectory,
                        calendar::Date training_end, int asked)
    {
        const int roll = dice.between(1, 100);
        if (roll <= 45) {
            add(client, melding, trajectory, DecisionKind::reassessment, training_end, Outcome::no_hh_needed);
            const bool later = dice.chance(10);
            const calendar::Date when = calendar::add_months_clamped(training_end, dice.between(2, 20));
            const int minutes = share_of(asked, dice.between(50, 110));
            if (later && when <= m_today)
                add(client, melding, trajectory, DecisionKind::reassessment, when, Outcome::hh_granted, minutes);
        }
        else if (roll <= 80) {
            add(client, melding, trajectory, DecisionKind::reassessment, training_end, Outcome::hh_granted,
                share_of(asked, dice.between(40, 90)));
        }
        else {
            add(client, melding, trajectory, DecisionKind::reassessment, training_end, Outcome::hh_granted,
                asked + 15 * dice.between(0, 4));
        }
    }

    /// The reassessment on the day of a dropout: household help for about half.
    void after_dropout(Dice& dice, ClientId client, MeldingId melding, TrajectoryId trajectory, calendar::Date on,
                       int asked)
    {
        const bool granted = dice.chance(50);
        const int minutes = share_of(asked, dice.between(60, 110));
        if (granted)
            add(client, melding, trajectory, DecisionKind::reassessment, on, Outcome::hh_granted, minutes);
        else
            add(client, melding, trajectory, DecisionKind::reassessment, on, Outcome::no_hh_needed);
    }

private:
    storage::UnitOfWork& m_work;
    const protocol::Policy& m_policy;
    calendar::Date m_today;
    SeedSummary& m_summary;
};

}  // namespace

SeedSummary seed_demo(storage::Database& db, const protocol::Registry& registry, const Clock& clock,
                      const SeedOptions& options)
{
    if (options.clients < 1 || options.clients > 100000)
        throw Error(ErrorCode::invalid_input,
                    "--clients: " + std::to_string(options.clients) + " is not allowed; allowed: 1 to 100000");
    const auto work = db.write();
    if (work->clients().count() > 0)
        throw Error(ErrorCode::precondition_failed, "the demo seed needs an empty database; this one has clients");
    Dice dice(options.seed);
    // The requested minutes and the decisions come from a second stream of the same seed, so that
    // they draw nothing from the first: the rest of the cohort stays as it was before they existed.
    Dice facts(options.seed ^ 0x9e3779b97f4a7c15ULL);
    const std::vector<Team> teams = make_teams(*work);
    SeedSummary summary;
    SyntheticDecisions decisions(*work, registry, clock.today(), summary);
    std::set<std::string> bsns;
    const std::vector<protocol::TrajectoryTemplate>& templates = registry.trajectories();
    for (int i = 0; i < options.clients; ++i) {
        const ClientId client = make_client(*work, clock, dice, bsns);
        ++summary.clients;
        const protocol::TrajectoryTemplate& plan =
            dice.chance(70) ? registry.trajectory("groningen-14w-2y")
                            : templates[static_cast<std::size_t>(dice.between(0, static_cast<int>(templates.size()) - 1))];
        // Starts spread over the last 30 months, or 27 to 36 months ago for complete trajectories.
        const int days_ago = options.complete_only ? dice.between(820, 1095) : dice.between(0, 912);
        const calendar::Date start = clock.today() - date::days(days_ago);
        // The melding 2 to 4 weeks before the start; the first decision (reablement first) a few
        // days before the start, after the onderzoek and the aanvraag.
        const int received_before = dice.between(14, 28);
        const int decided_before = dice.between(2, 6);
        const calendar::Date received = start - date::days(received_before);
        const calendar::Date decided = start - date::days(decided_before);
        const calendar::Date onderzoek = received + date::days(dice.between(5, received_before - decided_before - 3));
        const calendar::Date aanvraag = onderzoek + date::days(dice.between(0, 2));
        const int asked = requested_minutes(facts);
        const MeldingId melding = add_melding(*work, clock, client.value, iso(received), std::to_string(asked));
        ++summary.meldingen;
        update_melding(*work, clock, melding.value, iso(onderzoek), iso(aanvraag), iso(decided));
        decisions.add(client, melding, std::nullopt, DecisionKind::initial, decided, Outcome::reablement_first);
        const Team& team = teams[static_cast<std::size_t>(i) % teams.size()];
        TrajectoryStartInput in;
        in.client = client.value;
        in.template_id = plan.id;
        in.template_version = plan.version;
        in.start = iso(start);
        in.melding = melding.value;
        in.members = {team.members.begin(), team.members.end()};
        const TrajectoryId id = start_trajectory(*work, registry, in);
        ++summary.trajectories;
        const Course course = live_trajectory(*work, registry, clock, dice, *work->trajectories().find(id), team, summary);
        if (course.dropped_out_on) {
            ++summary.dropouts;
            decisions.after_dropout(facts, client, melding, id, *course.dropped_out_on, asked);
        }
        else if (course.training_end <= clock.today()) {
            decisions.after_training(facts, client, melding, id, course.training_end, asked);
        }
    }
    work->commit();
    return summary;
}

namespace {

/// One demo user: who, with which role, bound to which team's member of which discipline.
struct DemoUserSpec {
    const char* username;
    const char* display_name;
    Role role;
    std::size_t team = 0;  ///< index into k_team_names, for team members
    Discipline discipline = Discipline::physiotherapist;
};

const std::array k_demo_users{
    DemoUserSpec{"beheer", "Beheerder (demo)", Role::administrator},
    DemoUserSpec{"fysio", "Fysiotherapeut Oost (demo)", Role::team_member, 0, Discipline::physiotherapist},
    DemoUserSpec{"ergo", "Ergotherapeut Oost (demo)", Role::team_member, 0, Discipline::ergotherapist},
    DemoUserSpec{"hulp", "Huishoudelijk hulp Oost (demo)", Role::team_member, 0, Discipline::household_helper},
    DemoUserSpec{"maatschappelijk", "Maatschappelijk werker Oost (demo)", Role::team_member, 0,
                 Discipline::social_worker},
    DemoUserSpec{"wij", "Toegangsmedewerker WIJ (demo)", Role::access_assessor},
    DemoUserSpec{"onderzoeker", "Onderzoeker (demo)", Role::evaluator},
    DemoUserSpec{"fysio2", "Fysiotherapeut West (demo)", Role::team_member, 1, Discipline::physiotherapist},
};

}  // namespace

std::vector<User> seed_demo_users(storage::UnitOfWork& work, Instant now)
{
    const std::optional<Municipality> municipality = work.organisation().municipality_by_code(k_municipality);
    std::array<std::optional<domain::Team>, k_team_names.size()> teams{};
    for (std::size_t i = 0; i < k_team_names.size() && municipality; ++i)
        teams[i] = work.organisation().team_by_name(municipality->id, k_team_names[i]);
    if (!municipality || !teams[0] || !teams[1])
        throw Error(ErrorCode::precondition_failed,
                    "the demo users belong to the demo teams, which this database does not have; seed the demo "
                    "data first (reable demo seed)");

    std::string taken;
    for (const DemoUserSpec& spec : k_demo_users)
        if (work.users().by_username(spec.username)) taken += (taken.empty() ? "" : ", ") + std::string(spec.username);
    if (!taken.empty())
        throw Error(ErrorCode::conflict, "the demo users exist already (" + taken + "); they are added only once");

    std::vector<User> out;
    for (const DemoUserSpec& spec : k_demo_users) {
        UserInput in;
        in.username = spec.username;
        in.display_name = spec.display_name;
        in.role = std::string(to_string(spec.role));
        in.password = std::string(k_demo_password);
        if (spec.role == Role::team_member) {
            for (const Member& m : work.organisation().members(teams[spec.team]->id))
                if (m.discipline == spec.discipline && m.active) in.member = m.id.value;
            if (!in.member)
                throw Error(ErrorCode::precondition_failed, std::string(k_team_names[spec.team]) + " has no active " +
                                                                std::string(to_string(spec.discipline)) +
                                                                " for the demo user " + spec.username);
        }
        if (spec.role == Role::access_assessor) in.municipality = municipality->code;
        out.push_back(*work.users().find(add_user(work, now, in)));
    }
    return out;
}

}  // namespace reable::app
