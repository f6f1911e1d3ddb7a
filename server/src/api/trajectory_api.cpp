// Trajectories and the work on them: sessions, tests, goals, signals, the agenda, CSV import.

#include "api/access_rules.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "http/problem.hpp"

#include "reable/app/agenda_service.hpp"
#include "reable/app/client_service.hpp"
#include "reable/app/measurement_service.hpp"
#include "reable/app/organisation_service.hpp"
#include "reable/app/session_import.hpp"
#include "reable/app/session_service.hpp"
#include "reable/app/trajectory_service.hpp"
#include "reable/csv_reader.hpp"
#include "reable/exports/client_plot.hpp"
#include "reable/scoring/json_io.hpp"

#include <Poco/TemporaryFile.h>

#include <fstream>
#include <sstream>
#include <set>

namespace reable::server {

namespace {

using domain::AuditAction;
using domain::Role;

/// The client's name, for lists a care worker scans by name (the user may see the client).
std::string client_name(RequestContext& ctx, domain::ClientId client)
{
    const auto identity = ctx.work().clients().identity(client);
    return identity ? identity->name : std::string();
}

Response list_trajectories(RequestContext& ctx)
{
    storage::TrajectoryQuery query;
    query.page = ctx.page();
    if (const auto client = ctx.query_id("client")) query.client = domain::ClientId{*client};
    if (const auto area = ctx.query_id("area")) query.area = domain::AreaId{*area};
    if (const auto team = ctx.query_id("team")) query.team = domain::TeamId{*team};
    query.started_from = ctx.query_date("from");
    query.started_to = ctx.query_date("to");
    if (const auto status = ctx.query("status")) {
        if (*status == "active")
            query.open_only = true;
        else if (const auto state = domain::parse_trajectory_state(*status))
            query.state = *state;
        else
            throw BadRequest("status: \"" + *status +
                                 "\" is not allowed; allowed: active, referred, intake, training, follow_up, closed, "
                                 "dropped_out",
                             {{"status", "unknown status"}});
    }
    app::scope_query(ctx.principal(), query);
    const storage::PageOf<domain::Trajectory> page = ctx.work().trajectories().page(query);
    const auto write = [&](views::CompactWriter& w, const domain::Trajectory& t) {
        ctx.record_client_access(t.client, AuditAction::read, "trajectory list");
        w.begin_object();
        views::trajectory_fields(w, t);
        w.key("client_name").value(client_name(ctx, t.client));
        w.end_object();
    };
    return views::json(views::list(page.items, write, page.total, query.page));
}

Response start_trajectory(RequestContext& ctx)
{
    JsonBody body = ctx.json();
    app::TrajectoryStartInput in;
    in.client = body.required_integer("client_id");
    in.template_id = body.required_text("template_id");
    in.template_version = body.text("template_version").value_or("");
    in.start = body.required_text("start_date");
    if (const auto m = body.integer("melding_id")) in.melding = *m;
    in.members = body.integer_list("member_ids");
    body.finish();
    ctx.access_client(domain::ClientId{in.client}, AuditAction::create, "trajectory");
    const domain::TrajectoryId id = app::start_trajectory(ctx.work(), ctx.server.registry, in);
    return views::json(views::one(views::trajectory, *ctx.work().trajectories().find(id)), 201);
}

Response get_trajectory(RequestContext& ctx)
{
    const domain::Trajectory t = accessible_trajectory(ctx, AuditAction::read, "trajectory");
    // One "today" for the occasions' status and the week, even across midnight.
    const FixedClock today(ctx.server.clock.today());
    const app::TrajectoryView view = app::view_trajectory(ctx.work(), ctx.server.registry, today, t.id.value);
    const std::optional<domain::ClientIdentity> who = ctx.work().clients().identity(t.client);
    views::CompactWriter w;
    views::trajectory_view(w, view, who ? who->name : std::string(), today.today());
    return views::json(w);
}

/// The primary score of an instrument on this trajectory over time, as SVG (Dutch by default).
Response plot(RequestContext& ctx)
{
    const std::string lang = ctx.query("lang").value_or("nl");
    const std::optional<exports::PlotLanguage> language = exports::plot_language_from_string(lang);
    if (!language)
        throw BadRequest("lang: \"" + lang + "\" is not allowed; allowed: nl, en", {{"lang", "nl or en"}});
    const domain::Trajectory t = accessible_trajectory(ctx, AuditAction::read, "trajectory plot");
    const protocol::Instrument& instrument = exports::plotted_instrument(ctx.server.registry, ctx.param("instrument"));
    const domain::Client client = app::require_client(ctx.work(), t.client.value);
    std::optional<analysis::ClientScorePlot> drawn = exports::trajectory_score_plot(
        ctx.work(), instrument, {t.id, t.start, client.sex, client.birth_date}, *language);
    if (!drawn)
        throw Error(ErrorCode::not_found, "trajectory " + std::to_string(t.id.value) + " has no numeric " +
                                              instrument.id + " result to plot");
    drawn->title += (*language == exports::PlotLanguage::nl ? " — traject " : " — trajectory ") +
                    std::to_string(t.id.value);
    return Response{200, "image/svg+xml; charset=utf-8", analysis::render(*drawn), {}};
}

Response move(RequestContext& ctx)
{
    const domain::Trajectory t = accessible_trajectory(ctx, AuditAction::update, "trajectory");
    JsonBody body = ctx.json();
    const std::string to = body.required_text("to");
    const std::string on = body.required_text("on");
    const std::string reason = body.text("reason").value_or("");
    const std::string reason_code = body.text("reason_code").value_or("");
    body.finish();
    app::move_trajectory(ctx.work(), ctx.server.clock, t.id.value, to, on, reason, reason_code);
    return views::json(views::one(views::trajectory, *ctx.work().trajectories().find(t.id)));
}

Response list_sessions(RequestContext& ctx)
{
    const domain::Trajectory t = accessible_trajectory(ctx, AuditAction::read, "session");
    return views::json(views::list(ctx.work().sessions().for_trajectory(t.id), views::session));
}

Response log_session(RequestContext& ctx)
{
    const domain::Trajectory t = accessible_trajectory(ctx, AuditAction::create, "session");
    JsonBody body = ctx.json();
    app::SessionInput in;
    in.trajectory = t.id.value;
    in.member = own_member(ctx, body.integer("member_id"));
    in.date = body.required_text("date");
    in.minutes = std::to_string(body.required_integer("minutes"));
    in.kind = body.text("kind").value_or(in.kind);
    in.attendance = body.text("attendance").value_or(in.attendance);
    in.absence_reason = body.text("absence_reason").value_or("");
    in.activities = body.text_list("activities");
    in.goals = body.integer_list("goal_ids");
    in.notes = body.text("notes").value_or("");
    in.signals = body.text_list("signals");
    body.finish();
    const domain::SessionId id = app::log_session(ctx.work(), ctx.server.clock, in);
    views::CompactWriter w;
    w.begin_object().key("id").value(id.value).key("trajectory_id").value(t.id.value).end_object();
    return views::json(w, 201);
}

Response record_test(RequestContext& ctx)
{
    const domain::Trajectory t = accessible_trajectory(ctx, AuditAction::create, "test_result");
    JsonBody body = ctx.json();
    app::TestInput in;
    in.trajectory = t.id.value;
    in.member = own_member(ctx, body.integer("member_id"));
    in.occasion = body.required_text("occasion");
    in.instrument = body.required_text("instrument");
    in.date = body.required_text("date");
    const std::optional<std::string> items = body.raw("items");
    if (!items) body.required_text("items");  // reports it as missing
    body.finish();
    in.items = scoring::read_scoring_input("{\"items\": " + *items + "}").items;
    const domain::TestResult result = app::record_test(ctx.work(), ctx.server.registry, ctx.server.clock, in);
    return views::json(views::one(views::test_result, result), 201);
}

Response add_goal(RequestContext& ctx)
{
    const domain::Trajectory t = accessible_trajectory(ctx, AuditAction::create, "goal");
    JsonBody body = ctx.json();
    const std::string problem = body.required_text("problem");
    const std::int64_t importance = body.required_integer("importance");
    const std::string set_on = body.required_text("set_on");
    body.finish();
    const domain::GoalId id =
        app::add_goal(ctx.work(), ctx.server.clock, t.id.value, problem, std::to_string(importance), set_on);
    return views::json(views::one(views::goal, *ctx.work().measurements().goal(id)), 201);
}

/// Whether the user may see the client (for lists assembled from unscoped repository calls).
bool visible(RequestContext& ctx, domain::ClientId client)
{
    try {
        app::require_client_access(ctx.work(), ctx.principal(), client);
        return true;
    } catch (const Error& e) {
        if (e.code() == ErrorCode::forbidden) return false;
        throw;
    }
}

Response open_signals(RequestContext& ctx)
{
    std::vector<std::pair<domain::Signal, std::string>> shown;
    for (const domain::Signal& s : ctx.work().sessions().open_signals()) {
        const domain::Trajectory t = app::require_trajectory(ctx.work(), s.trajectory.value);
        if (!visible(ctx, t.client)) continue;
        ctx.record_client_access(t.client, AuditAction::read, "signal");
        shown.emplace_back(s, client_name(ctx, t.client));
    }
    const auto write = [](views::CompactWriter& w, const std::pair<domain::Signal, std::string>& line) {
        w.begin_object();
        views::signal_fields(w, line.first);
        w.key("client_name").value(line.second);
        w.end_object();
    };
    return views::json(views::list(shown, write));
}

Response agenda(RequestContext& ctx)
{
    const app::Principal& who = ctx.principal();
    const std::int64_t member = ctx.query_id("member").value_or(who.member->id.value);
    const domain::Member m = app::require_member(ctx.work(), member);
    if (m.team != who.member->team)
        throw Error(ErrorCode::forbidden, "member " + std::to_string(member) + " is not in your team");
    const calendar::Date from = ctx.query_date("from").value_or(ctx.server.clock.today());
    const calendar::Date to = ctx.query_date("to").value_or(from + date::days{6});
    if (to < from || (to - from).count() > 92)
        throw BadRequest("to: the range must run forwards and span at most 92 days", {{"to", "bad range"}});
    const auto write = [&](views::CompactWriter& w, const app::AgendaLine& line) {
        ctx.record_client_access(app::require_trajectory(ctx.work(), line.trajectory.value).client, AuditAction::read,
                                 "agenda");
        w.begin_object()
            .key("date").value(calendar::format_iso_date(line.date))
            .key("member_id").value(line.member.value)
            .key("member_name").value(line.member_name)
            .key("discipline").value(to_string(line.discipline))
            .key("trajectory_id").value(line.trajectory.value)
            .key("client_name").value(line.client_name)
            .key("what").value(line.what)
            .key("status").value(line.status);
        if (line.session_kind) {
            w.key("session_kind").value(to_string(*line.session_kind)).key("minutes").value(line.minutes);
        } else {
            w.key("occasion").value(line.occasion).key("instruments").begin_array();
            for (const std::string& i : line.instruments) w.value(i);
            w.end_array();
            w.key("earliest").value(calendar::format_iso_date(*line.earliest));
            w.key("latest").value(calendar::format_iso_date(*line.latest));
        }
        w.end_object();
    };
    return views::json(
        views::list(app::agenda(ctx.work(), ctx.server.registry, ctx.server.clock, member, from, to), write));
}

/// The trajectory ids a session CSV names (column "trajectory"), to check them all before importing.
std::set<std::int64_t> csv_trajectories(const std::string& text)
{
    std::istringstream in(text);
    CsvReader reader(in);
    CsvRow row;
    std::optional<std::size_t> column;
    std::set<std::int64_t> out;
    while (reader.next(row)) {
        if (!column) {
            for (std::size_t i = 0; i < row.fields.size(); ++i)
                if (row.fields[i] == "trajectory") column = i;
            if (!column) throw Error(ErrorCode::invalid_input, "line 1: the CSV has no column \"trajectory\"; columns: " +
                                                                   std::string(app::k_session_columns));
            continue;
        }
        if (*column >= row.fields.size()) continue;  // the import itself reports the short row
        try {
            out.insert(std::stoll(row.fields[*column]));
        } catch (const std::exception&) {
            // not a number: the import reports it with its line
        }
    }
    return out;
}

Response import_sessions(RequestContext& ctx)
{
    // Every trajectory in the file must be one the user's team serves, before anything is written.
    for (const std::int64_t id : csv_trajectories(ctx.body())) {
        const auto t = ctx.work().trajectories().find(domain::TrajectoryId{id});
        if (!t) continue;  // reported by the import with its line
        ctx.access_client(t->client, AuditAction::create, "session import");
    }
    ctx.finish_work();  // the import runs its own transactions on its own connection
    Poco::TemporaryFile file;
    {
        std::ofstream out(file.path(), std::ios::binary);
        out << ctx.body();
    }
    auto db = ctx.server.pool.lease();
    const std::lock_guard gate(ctx.server.pool.write_gate());
    const app::ImportSummary summary = app::import_sessions(*db, ctx.server.clock, file.path());
    views::CompactWriter w;
    w.begin_object()
        .key("sessions").value(static_cast<std::int64_t>(summary.sessions))
        .key("signals").value(static_cast<std::int64_t>(summary.signals))
        .end_object();
    return views::json(w, 201);
}

}  // namespace

void add_trajectory_routes(Router& router)
{
    router.add({.method = "GET", .pattern = "/api/v1/trajectories",
                .summary = "Trajectories the user may see, filtered by status, client, area, team and start date",
                .tag = "trajectories", .roles = k_care, .audit_data = "trajectory list",
                .query = {{"status", "active (not closed or dropped out), or one state"},
                          {"client", "client id"}, {"area", "area id"}, {"team", "team id"},
                          {"from", "started on or after, YYYY-MM-DD"}, {"to", "started on or before, YYYY-MM-DD"}},
                .response_schema = "TrajectoryPage", .handler = list_trajectories});
    router.add({.method = "POST", .pattern = "/api/v1/trajectories",
                .summary = "Start a trajectory from a template with its care team", .tag = "trajectories",
                .roles = k_assessor, .writes = true, .audit_data = "trajectory",
                .request_schema = "TrajectoryInput", .response_schema = "Trajectory", .success_status = 201,
                .handler = start_trajectory});
    router.add({.method = "GET", .pattern = "/api/v1/trajectories/{id}",
                .summary = "A trajectory with its occasions, test results and scores, goals, adherence and signals",
                .tag = "trajectories", .roles = k_care, .audit_data = "trajectory",
                .response_schema = "TrajectoryView", .handler = get_trajectory});
    router.add({.method = "GET", .pattern = "/api/v1/trajectories/{id}/plots/{instrument}",
                .summary = "The primary score of an instrument on this trajectory over time as SVG, with the "
                           "client's norm band and the meaningful change around the baseline",
                .tag = "trajectories", .roles = k_care, .audit_data = "trajectory plot",
                .query = {{"lang", "nl (default) or en: the words drawn in the plot"}},
                .response_schema = "image/svg+xml", .handler = plot});
    router.add({.method = "POST", .pattern = "/api/v1/trajectories/{id}/transitions",
                .summary = "Move a trajectory to its next state (intake, training, follow_up, closed, dropped_out)",
                .tag = "trajectories", .roles = k_care, .writes = true, .audit_data = "trajectory",
                .request_schema = "TransitionInput", .response_schema = "Trajectory", .handler = move});
    router.add({.method = "GET", .pattern = "/api/v1/trajectories/{id}/sessions",
                .summary = "The sessions logged on a trajectory", .tag = "sessions", .roles = k_care,
                .audit_data = "session", .response_schema = "SessionList", .handler = list_sessions});
    router.add({.method = "POST", .pattern = "/api/v1/trajectories/{id}/sessions",
                .summary = "Log one of your own sessions, with the signals it raised", .tag = "sessions",
                .roles = k_team, .writes = true, .audit_data = "session", .request_schema = "SessionInput",
                .response_schema = "Created", .success_status = 201, .handler = log_session});
    router.add({.method = "POST", .pattern = "/api/v1/trajectories/{id}/tests",
                .summary = "Record and score a test at one of the trajectory's occasions", .tag = "tests",
                .roles = k_team, .writes = true, .audit_data = "test_result", .request_schema = "TestInput",
                .response_schema = "TestResult", .success_status = 201, .handler = record_test});
    router.add({.method = "POST", .pattern = "/api/v1/trajectories/{id}/goals",
                .summary = "Set a COPM goal", .tag = "tests", .roles = k_team, .writes = true,
                .audit_data = "goal", .request_schema = "GoalInput", .response_schema = "Goal",
                .success_status = 201, .handler = add_goal});
    router.add({.method = "GET", .pattern = "/api/v1/signals",
                .summary = "Open signals (caregiver overload, loneliness, decline …) on the user's clients",
                .tag = "sessions", .roles = k_care, .audit_data = "signal", .response_schema = "SignalList",
                .handler = open_signals});
    router.add({.method = "GET", .pattern = "/api/v1/agenda",
                .summary = "Planned sessions and measurement occasions of a member of your team",
                .tag = "sessions", .roles = k_team, .audit_data = "agenda",
                .query = {{"member", "member id (default: you)"}, {"from", "YYYY-MM-DD (default: today)"},
                          {"to", "YYYY-MM-DD (default: from + 6 days)"}},
                .response_schema = "AgendaList", .handler = agenda});
    router.add({.method = "POST", .pattern = "/api/v1/imports/sessions",
                .summary = "Import sessions from CSV (columns as `reable import sessions`); all or nothing",
                .tag = "sessions", .roles = k_team, .writes = true, .own_transaction = true,
                .audit_data = "session import",
                .request_schema = "text/csv", .response_schema = "ImportSummary", .success_status = 201,
                .handler = import_sessions});
}

}  // namespace reable::server
