// Evaluator exports over HTTP: each file of an export streamed on its own (memory stays flat),
// recorded as an export run before the first byte leaves and completed with its manifest after
// the last. For the evaluator role only.

#include "api/report_cache.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "http/problem.hpp"
#include "http/request_context.hpp"

#include "reable/app/audit_service.hpp"
#include "reable/app/export_service.hpp"

#include <charconv>
#include <memory>

namespace reable::server {

namespace {

using domain::Role;

const std::set<Role> k_evaluator{Role::evaluator};

const std::vector<QueryParam> k_export_query{
    {"from", "only trajectories started on or after (YYYY-MM-DD)"},
    {"to", "only trajectories started on or before (YYYY-MM-DD)"},
    {"area", "only clients of this area (id)"},
    {"team", "only trajectories this team serves (id)"},
    {"dates", "days (since the trajectory start, the default) or month (YYYY-MM)"},
    {"min_cell", "report: suppress cells with fewer clients (1-100, default 5)"}};

app::ExportKind export_kind(const RequestContext& ctx)
{
    const std::string& text = ctx.param("kind");
    if (const auto kind = app::parse_export_kind(text)) return *kind;
    throw Error(ErrorCode::not_found, "no export \"" + text + "\"; known: outcomes, codebook, fhir, report");
}

/// What makes two reports the same: their filters, date mode, smallest cell and day.
std::string report_key(const ExportState& state)
{
    const exports::ExportOptions& o = state.options;
    const auto day = [](const std::optional<calendar::Date>& d) { return d ? calendar::format_iso_date(*d) : std::string(); };
    return day(o.filter.from) + "|" + day(o.filter.to) + "|" + (o.filter.area ? std::to_string(o.filter.area->value) : "") +
           "|" + (o.filter.team ? std::to_string(o.filter.team->value) : "") + "|" +
           (o.dates == exports::DateMode::month ? "month" : "days") + "|" + std::to_string(state.report.min_cell) + "|" +
           day(o.as_of);
}

std::shared_ptr<ExportState> prepare(RequestContext& ctx, app::ExportKind kind)
{
    auto state = std::make_shared<ExportState>();
    exports::ExportOptions& o = state->options;
    o.filter.from = ctx.query_date("from");
    o.filter.to = ctx.query_date("to");
    if (o.filter.from && o.filter.to && *o.filter.to < *o.filter.from)
        throw BadRequest("to: " + calendar::format_iso_date(*o.filter.to) + " is before from " +
                             calendar::format_iso_date(*o.filter.from),
                         {{"to", "before from"}});
    storage::UnitOfWork& work = ctx.work();
    if (const auto area = ctx.query_id("area")) {
        o.filter.area = domain::AreaId{*area};
        if (!work.organisation().area(*o.filter.area))
            throw Error(ErrorCode::invalid_input, "area: area " + std::to_string(*area) + " does not exist");
    }
    if (const auto team = ctx.query_id("team")) {
        o.filter.team = domain::TeamId{*team};
        if (!work.organisation().team(*o.filter.team))
            throw Error(ErrorCode::invalid_input, "team: team " + std::to_string(*team) + " does not exist");
    }
    if (const auto dates = ctx.query("dates")) {
        if (*dates != "days" && *dates != "month")
            throw BadRequest("dates: \"" + *dates + "\" is not allowed; use days or month", {{"dates", "days or month"}});
        o.dates = *dates == "month" ? exports::DateMode::month : exports::DateMode::days;
    }
    if (const auto min_cell = ctx.query("min_cell")) {
        int n = 0;
        const auto [end, ec] = std::from_chars(min_cell->data(), min_cell->data() + min_cell->size(), n);
        if (ec != std::errc() || end != min_cell->data() + min_cell->size() || n < 1 || n > 100)
            throw BadRequest("min_cell: \"" + *min_cell + "\" is not a whole number from 1 to 100",
                             {{"min_cell", "1 to 100"}});
        state->report.min_cell = n;
    }
    o.as_of = ctx.server.clock.today();
    state->report.tariff_per_hour = ctx.server.tariff_per_hour;
    // A report with these filters computed today, with no write since, is the same report.
    const std::uint64_t generation = ctx.server.data_generation.load();
    const std::string key = report_key(*state);
    if (kind == app::ExportKind::report)
        if (auto cached = ctx.server.reports.find(key, generation, ReportCache::Clock::now())) return cached;
    state->context = std::make_unique<app::ExportContext>(app::ExportContext{
        ctx.server.registry, ctx.server.pseudonym_key, o, state->report, {},
        app::measured_instruments(work, ctx.server.registry, o.filter)});
    state->files = app::export_files(kind, *state->context);
    if (kind == app::ExportKind::report) ctx.server.reports.store(key, generation, ReportCache::Clock::now(), state);
    return state;
}

Response list_files(RequestContext& ctx)
{
    const app::ExportKind kind = export_kind(ctx);
    const auto state = prepare(ctx, kind);
    json::CompactWriter out;
    out.begin_object().key("kind").value(app::to_string(kind)).key("files").begin_array();
    for (const app::ExportFile& f : state->files)
        out.begin_object()
            .key("name")
            .value(f.name)
            .key("media_type")
            .value(f.media_type)
            .key("href")
            .value("/api/v1/exports/" + std::string(app::to_string(kind)) + "/" + f.name)
            .end_object();
    out.end_array().end_object();
    return views::json(out);
}

Response stream_file(RequestContext& ctx)
{
    const app::ExportKind kind = export_kind(ctx);
    const auto state = prepare(ctx, kind);
    const std::string& name = ctx.param("file");
    const app::ExportFile* file = nullptr;
    std::string known;
    for (const app::ExportFile& f : state->files) {
        if (f.name == name) file = &f;
        known += (known.empty() ? "" : ", ") + f.name;
    }
    if (!file) throw Error(ErrorCode::not_found, "export " + std::string(app::to_string(kind)) + " has no file \"" +
                                                     name + "\"; its files: " + known);
    const std::string data = "export:" + std::string(app::to_string(kind)) + "/" + name;
    ctx.audit(domain::AuditAction::read, data);
    const domain::AuditEvent who = app::audit_event(ctx.principal(), ctx.now(), domain::AuditAction::read, data,
                                                    "GET " + ctx.route.pattern, std::nullopt,
                                                    domain::AuditResult::success);
    // The run is on record (committed) before the first byte leaves.
    std::int64_t run = 0;
    ctx.server.writes.run([&](storage::UnitOfWork& batch) {
        run = app::record_export_start(batch, kind, state->options, who, ctx.now(), false);
    });
    exports::Manifest manifest =
        app::base_manifest(ctx.work(), ctx.server.registry, kind, state->options, who, ctx.server.pseudonym_key, ctx.now());

    Response r;
    r.content_type = file->media_type;
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
    r.headers.emplace_back("Reable-Export-Run", "/api/v1/export-runs/" + std::to_string(run));
    ServerContext& server = ctx.server;
    const Instant now = ctx.now();
    r.stream = [state, file, manifest, run, &server, now](std::ostream& out, storage::UnitOfWork& work) mutable {
        bool complete = false;
        try {
            exports::DigestingStream digest(out);
            const std::uint64_t rows = file->write(work, digest);
            digest.flush();
            if (!out) throw Error(ErrorCode::storage_failure, "the reader went away");
            manifest.files.push_back({file->name, file->media_type, digest.bytes(), rows, digest.sha256()});
            complete = true;
        } catch (...) {
            server.writes.run([&](storage::UnitOfWork& batch) { app::record_export_end(batch, run, false, manifest, now); });
            throw;
        }
        server.writes.run([&](storage::UnitOfWork& batch) { app::record_export_end(batch, run, complete, manifest, now); });
    };
    return r;
}

Response show_run(RequestContext& ctx)
{
    const std::int64_t id = ctx.id("id");
    const auto run = ctx.work().exports().run(id);
    if (!run) throw Error(ErrorCode::not_found, "export run " + std::to_string(id) + " does not exist");
    json::CompactWriter out;
    out.begin_object();
    out.key("id").value(run->id).key("kind").value(run->kind).key("status").value(run->status);
    out.key("started_at").value(run->started_at).key("finished_at").optional(run->finished_at);
    out.key("user").value(run->user_name).key("role").value(run->user_role);
    out.key("filters").raw(run->filters_json).key("manifest").raw(run->manifest_json);
    out.end_object();
    return views::json(out);
}

}  // namespace

void add_export_routes(Router& router)
{
    router.add({.method = "GET", .pattern = "/api/v1/exports/{kind}",
                .summary = "The files of an export (outcomes, codebook, fhir, report) for the given filters",
                .tag = "exports", .roles = k_evaluator, .query = k_export_query,
                .response_schema = "ExportFileList", .handler = list_files});
    router.add({.method = "GET", .pattern = "/api/v1/exports/{kind}/{file}",
                .summary = "One file of a pseudonymised export, streamed; the Reable-Export-Run header names "
                           "the run whose manifest (with the file's SHA-256) is complete once the body is",
                .tag = "exports", .roles = k_evaluator, .query = k_export_query,
                .response_schema = "text/plain", .handler = stream_file});
    router.add({.method = "GET", .pattern = "/api/v1/export-runs/{id}",
                .summary = "An export run: who, when, filters, status and its manifest", .tag = "exports",
                .roles = k_evaluator, .response_schema = "ExportRun", .handler = show_run});
}

}  // namespace reable::server
