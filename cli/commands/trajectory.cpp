#include "commands/trajectory.hpp"

#include "local_operator.hpp"
#include "reable/app/agenda_service.hpp"
#include "reable/app/measurement_service.hpp"
#include "reable/app/trajectory_service.hpp"
#include "reable/error.hpp"
#include "score_input.hpp"
#include "text_table.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <set>
#include <sstream>

namespace reable::cli {
namespace {

struct TrajectoryOptions {
    app::TrajectoryStartInput start;
    std::int64_t id = 0;
    std::string to_state;
    std::string date;
    std::string reason;
    std::string reason_code;
    app::TestInput test;
    std::vector<std::string> values;
    std::string problem;
    std::string importance;
    std::string occasion;
    std::string performance;
    std::string satisfaction;
    std::optional<std::int64_t> member;
    std::string from;
    std::string to;
};

/// The client whose record a trajectory belongs to; the trajectory exists (the command just used it).
domain::ClientId client_of(storage::UnitOfWork& work, domain::TrajectoryId trajectory)
{
    return work.trajectories().find(trajectory)->client;
}

std::string percent(int part, int whole)
{
    return whole == 0 ? "-" : std::to_string((part * 100 + whole / 2) / whole) + "%";
}

void print_view(std::ostream& out, const app::TrajectoryView& v, storage::UnitOfWork& work)
{
    const domain::Trajectory& t = v.trajectory;
    out << "Trajectory " << t.id << "  client " << t.client << " (" << work.clients().identity(t.client)->name
        << ")\n  " << v.plan->reference() << " — " << v.plan->label.en << "\n  started "
        << calendar::format_iso_date(t.start) << ", state " << domain::to_string(t.state);
    if (t.ended_on)
        out << " on " << calendar::format_iso_date(*t.ended_on) << " (" << domain::to_string(*t.closure)
            << (t.end_reason_code ? ", " + std::string(domain::to_string(*t.end_reason_code)) : "")
            << (t.end_reason.empty() ? "" : ": " + t.end_reason) << ")";
    out << "\n\nCare team\n";
    for (const domain::CareAssignment& a : t.team)
        out << "  " << domain::to_string(a.discipline) << "  " << work.organisation().member(a.member)->name
            << " (member " << a.member << ")\n";

    out << "\nMeasurement occasions\n";
    Table occasions;
    occasions.row({"occasion", "target", "window", "status", "recorded", "not recorded"});
    for (const app::OccasionLine& o : v.occasions) {
        std::string status(schedule::to_string(o.state.status));
        if (o.state.deviation_days && *o.state.deviation_days != 0)
            status += " (" + std::to_string(*o.state.deviation_days) + " days" +
                      (o.state.within_window ? ")" : ", outside the window)");
        auto list = [](const std::vector<std::string>& ids) {
            std::string joined;
            for (const std::string& id : ids) joined += (joined.empty() ? "" : ", ") + id;
            return joined;
        };
        occasions.row({o.occasion->id, calendar::format_iso_date(o.planned.target),
                       calendar::format_iso_date(o.planned.earliest) + " to " +
                           calendar::format_iso_date(o.planned.latest),
                       status, list(o.recorded), o.recorded.empty() ? "" : list(o.missing)});
    }
    occasions.print(out, "  ");

    out << "\nAdherence (attended of planned sessions to date)\n";
    for (const schedule::Adherence& a : v.adherence)
        out << "  " << domain::to_string(a.discipline) << "  " << a.attended << " of " << a.planned << "  "
            << percent(a.attended, a.planned) << '\n';
    out << "  " << v.sessions_logged << " sessions logged, " << v.minutes_logged << " minutes\n";

    if (!v.results.empty()) {
        out << "\nTest results\n";
        Table results;
        for (const domain::TestResult& r : v.results)
            results.row({calendar::format_iso_date(r.tested_on), r.occasion, r.instrument_id + " " + r.instrument_version,
                         r.total.value_or("-")});
        results.print(out, "  ");
    }
    if (!v.goals.empty()) {
        out << "\nCOPM goals\n";
        for (const domain::Goal& g : v.goals) {
            out << "  " << g.id << "  " << g.problem << " (importance " << g.importance << ")";
            for (const domain::GoalRating& r : v.ratings)
                if (r.goal == g.id) out << "  " << r.occasion << ": P" << r.performance << " S" << r.satisfaction;
            out << '\n';
        }
    }
    if (!v.signals.empty()) {
        out << "\nSignals\n";
        for (const domain::Signal& s : v.signals)
            out << "  " << calendar::format_iso_date(s.raised_on) << "  " << domain::to_string(s.kind)
                << (s.handled_on ? "  handled" : "  open") << '\n';
    }
    if (!v.history.empty()) {
        out << "\nHistory\n";
        for (const domain::Transition& h : v.history)
            out << "  " << calendar::format_iso_date(h.on) << "  " << domain::to_string(h.from) << " → "
                << domain::to_string(h.to) << (h.reason.empty() ? "" : "  (" + h.reason + ")") << '\n';
    }
}

void run_start(const GlobalOptions& global, const TrajectoryOptions& o)
{
    const protocol::Registry registry = load_protocols(global);
    const domain::TrajectoryId id = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const domain::TrajectoryId started = app::start_trajectory(work, registry, o.start);
        audit_client(work, domain::AuditAction::create, "trajectory", "cli: trajectory start",
                     domain::ClientId{o.start.client});
        return started;
    });
    std::cout << "trajectory " << id << " started on " << o.start.start << " (state referred)\n";
}

void run_show(const GlobalOptions& global, const TrajectoryOptions& o)
{
    const protocol::Registry registry = load_protocols(global);
    const auto clock = clock_of(global);
    // A write unit of work so that the audit line commits with the read (a read transaction
    // cannot append); the text is printed only after that commit.
    const std::string text = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const app::TrajectoryView view = app::view_trajectory(work, registry, *clock, o.id);
        std::ostringstream out;
        print_view(out, view, work);
        audit_client(work, domain::AuditAction::read, "trajectory", "cli: trajectory show", view.trajectory.client);
        return out.str();
    });
    std::cout << text;
}

void run_move(const GlobalOptions& global, const TrajectoryOptions& o, const std::string& to_state,
              const std::string& command)
{
    const auto clock = clock_of(global);
    in_write_transaction(global, [&](storage::UnitOfWork& work) {
        app::move_trajectory(work, *clock, o.id, to_state, o.date, o.reason, o.reason_code);
        audit_client(work, domain::AuditAction::update, "trajectory", "cli: trajectory " + command,
                     client_of(work, domain::TrajectoryId{o.id}));
    });
    std::cout << "trajectory " << o.id << " is now " << to_state << '\n';
}

void run_test_record(const GlobalOptions& global, TrajectoryOptions o)
{
    const protocol::Registry registry = load_protocols(global);
    const auto clock = clock_of(global);
    o.test.items = collect_input(o.values).items;
    const domain::TestResult r = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        domain::TestResult recorded = app::record_test(work, registry, *clock, o.test);
        audit_client(work, domain::AuditAction::create, "test_result", "cli: test record",
                     client_of(work, domain::TrajectoryId{o.test.trajectory}));
        return recorded;
    });
    std::cout << "recorded " << r.instrument_id << " " << r.instrument_version << " at " << r.occasion
              << (r.total ? "; total " + *r.total : "") << '\n';
}

void run_goal_add(const GlobalOptions& global, const TrajectoryOptions& o)
{
    const auto clock = clock_of(global);
    const domain::GoalId id = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const domain::GoalId added = app::add_goal(work, *clock, o.id, o.problem, o.importance, o.date);
        audit_client(work, domain::AuditAction::create, "goal", "cli: goal add",
                     client_of(work, domain::TrajectoryId{o.id}));
        return added;
    });
    std::cout << "goal " << id << " added\n";
}

void run_goal_rate(const GlobalOptions& global, const TrajectoryOptions& o)
{
    const protocol::Registry registry = load_protocols(global);
    const auto clock = clock_of(global);
    in_write_transaction(global, [&](storage::UnitOfWork& work) {
        app::rate_goal(work, registry, *clock, o.id, o.occasion, o.performance, o.satisfaction, o.date);
        audit_client(work, domain::AuditAction::create, "goal", "cli: goal rate",
                     client_of(work, work.measurements().goal(domain::GoalId{o.id})->trajectory));
    });
    std::cout << "goal " << o.id << " rated at " << o.occasion << '\n';
}

calendar::Date date_option(const std::string& text, const char* flag)
{
    if (const auto d = calendar::parse_iso_date(text)) return *d;
    throw Error(ErrorCode::invalid_input,
                std::string(flag) + ": \"" + text + "\" is not a date; use YYYY-MM-DD with a day that exists");
}

void run_schedule(const GlobalOptions& global, const TrajectoryOptions& o)
{
    const protocol::Registry registry = load_protocols(global);
    const auto clock = clock_of(global);
    const calendar::Date from = o.from.empty() ? clock->today() : date_option(o.from, "--from");
    const calendar::Date to = o.to.empty() ? from + date::days(13) : date_option(o.to, "--to");
    // A write unit of work, for the audit lines (see run_show).
    const std::string text = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const auto lines = app::agenda(work, registry, *clock, o.member, from, to);
        std::ostringstream out;
        std::set<domain::ClientId> shown;
        out << "Agenda " << calendar::format_iso_date(from) << " to " << calendar::format_iso_date(to) << '\n';
        Table t;
        t.row({"date", "member", "client", "trajectory", "what", "status"});
        for (const app::AgendaLine& l : lines)
            t.row({calendar::format_iso_date(l.date), l.member_name, l.client_name, std::to_string(l.trajectory.value),
                   l.what, l.status});
        for (const app::AgendaLine& l : lines) shown.insert(client_of(work, l.trajectory));
        for (const domain::ClientId client : shown)
            audit_client(work, domain::AuditAction::read, "agenda", "cli: schedule", client);
        if (lines.empty())
            out << "  nothing planned\n";
        else
            t.print(out, "  ");
        return out.str();
    });
    std::cout << text;
}

}  // namespace

void setup_trajectory(CLI::App& app, const GlobalOptions& global)
{
    auto o = std::make_shared<TrajectoryOptions>();

    CLI::App* trajectory = app.add_subcommand("trajectory", "Reablement trajectories started from a template");
    trajectory->require_subcommand(1);
    CLI::App* start = trajectory->add_subcommand("start", "Start a trajectory for a client from a template");
    start->add_option("--client", o->start.client, "Client id")->required();
    start->add_option("--template", o->start.template_id, "Template id, e.g. groningen-14w-2y")->required();
    start->add_option("--template-version", o->start.template_version, "Template version (default: the newest)");
    start->add_option("--start", o->start.start, "Start date, YYYY-MM-DD")->required();
    start->add_option("--melding", o->start.melding, "The melding the trajectory answers");
    start->add_option("--member", o->start.members, "A member of the care team (one per discipline); repeatable");
    start->callback([&global, o] { run_start(global, *o); });

    CLI::App* show = trajectory->add_subcommand("show", "Show a trajectory: occasions, adherence, results, history");
    show->add_option("trajectory", o->id, "Trajectory id")->required();
    show->callback([&global, o] { run_show(global, *o); });

    CLI::App* move = trajectory->add_subcommand("move", "Move to the next state: intake, training or follow_up");
    move->add_option("trajectory", o->id, "Trajectory id")->required();
    move->add_option("state", o->to_state, "intake, training or follow_up")->required();
    move->add_option("--date", o->date, "Day of the step, YYYY-MM-DD")->required();
    move->callback([&global, o] { run_move(global, *o, o->to_state, "move"); });

    CLI::App* close = trajectory->add_subcommand(
        "close", "Close a trajectory: completed after the follow-up, or early (with --reason)");
    close->add_option("trajectory", o->id, "Trajectory id")->required();
    close->add_option("--date", o->date, "Day of closure, YYYY-MM-DD")->required();
    close->add_option("--reason", o->reason, "Why it closes early");
    close->add_option("--reason-code", o->reason_code,
                      "Coded reason of an early closure: " + domain::end_reason_codes());
    close->callback([&global, o] { run_move(global, *o, "closed", "close"); });

    CLI::App* dropout = trajectory->add_subcommand("dropout", "Record that the client dropped out");
    dropout->add_option("trajectory", o->id, "Trajectory id")->required();
    dropout->add_option("--date", o->date, "Day of the dropout, YYYY-MM-DD")->required();
    dropout->add_option("--reason", o->reason, "Why the client dropped out")->required();
    dropout->add_option("--reason-code", o->reason_code,
                        "Coded reason of the dropout: " + domain::end_reason_codes());
    dropout->callback([&global, o] { run_move(global, *o, "dropped_out", "dropout"); });

    CLI::App* test = app.add_subcommand("test", "Test results at measurement occasions");
    test->require_subcommand(1);
    CLI::App* record = test->add_subcommand("record", "Score and store a test taken at an occasion");
    record->add_option("--trajectory", o->test.trajectory, "Trajectory id")->required();
    record->add_option("--member", o->test.member, "Member who took the test")->required();
    record->add_option("--occasion", o->test.occasion, "Occasion id, e.g. intake or week_14")->required();
    record->add_option("--instrument", o->test.instrument, "Instrument id, e.g. sppb")->required();
    record->add_option("--date", o->test.date, "Test date, YYYY-MM-DD")->required();
    record->add_option("values", o->values, "item=value (repeat an item for trials), a JSON file, or - for stdin");
    record->callback([&global, o] { run_test_record(global, *o); });

    CLI::App* goal = app.add_subcommand("goal", "COPM goals with initial and follow-up ratings");
    goal->require_subcommand(1);
    CLI::App* g_add = goal->add_subcommand("add", "Add a goal to a trajectory");
    g_add->add_option("--trajectory", o->id, "Trajectory id")->required();
    g_add->add_option("--problem", o->problem, "The occupational problem, in the client's words")->required();
    g_add->add_option("--importance", o->importance, "1 to 10")->required();
    g_add->add_option("--date", o->date, "Day the goal was set, YYYY-MM-DD")->required();
    g_add->callback([&global, o] { run_goal_add(global, *o); });
    CLI::App* g_rate = goal->add_subcommand("rate", "Rate a goal's performance and satisfaction at an occasion");
    g_rate->add_option("goal", o->id, "Goal id")->required();
    g_rate->add_option("--occasion", o->occasion, "Occasion id")->required();
    g_rate->add_option("--performance", o->performance, "1 to 10")->required();
    g_rate->add_option("--satisfaction", o->satisfaction, "1 to 10")->required();
    g_rate->add_option("--date", o->date, "Day of the rating, YYYY-MM-DD")->required();
    g_rate->callback([&global, o] { run_goal_rate(global, *o); });

    CLI::App* schedule = app.add_subcommand("schedule", "Agenda of planned sessions and measurement occasions");
    schedule->add_option("--member", o->member, "Only this member's agenda");
    schedule->add_option("--from", o->from, "First day (default: today)");
    schedule->add_option("--to", o->to, "Last day (default: 13 days after --from)");
    schedule->callback([&global, o] { run_schedule(global, *o); });
}

}  // namespace reable::cli
