#include "reable/app/export_service.hpp"

#include "export_report.hpp"

#include "reable/error.hpp"
#include "reable/exports/codebook.hpp"
#include "reable/exports/fhir_writer.hpp"
#include "reable/exports/record_stream.hpp"

#include <chrono>
#include <fstream>
#include <set>

namespace reable::app {

std::string_view to_string(ExportKind kind)
{
    switch (kind) {
    case ExportKind::outcomes: return "outcomes";
    case ExportKind::codebook: return "codebook";
    case ExportKind::fhir: return "fhir";
    case ExportKind::report: return "report";
    }
    return "outcomes";
}

std::optional<ExportKind> parse_export_kind(std::string_view text)
{
    for (ExportKind k : {ExportKind::outcomes, ExportKind::codebook, ExportKind::fhir, ExportKind::report})
        if (to_string(k) == text) return k;
    return std::nullopt;
}

namespace {

using exports::ExportOptions;

ExportFile codebook_file(const ExportContext& c, bool json)
{
    return {json ? "codebook.json" : "codebook.csv", json ? "application/json" : "text/csv; charset=utf-8",
            [&registry = c.registry, options = c.options, json](storage::UnitOfWork& work, std::ostream& out) {
                const auto columns = exports::wide_columns(work.exports().column_sources(options.filter), registry,
                                                           options.dates);
                const auto entries = exports::codebook(registry, columns, options.dates);
                if (json) exports::write_codebook_json(entries, out);
                else exports::write_codebook_csv(entries, out);
                return static_cast<std::uint64_t>(entries.size());
            }};
}

ExportFile fhir_file(const ExportContext& c, exports::FhirType type)
{
    return {std::string(exports::file_name(type)), "application/fhir+ndjson",
            [&c, type](storage::UnitOfWork& work, std::ostream& out) {
                exports::FhirWriter writer(c.registry, c.options.dates, {{type, &out}});
                // Each resource type needs only some of a trajectory's rows.
                using exports::FhirType;
                const exports::RecordParts parts{
                    .values = type == FhirType::observation || type == FhirType::care_team,
                    .scores_only = true,  // Observations carry the scores; the items are not exported
                    .decisions = false,
                    .sessions = type == FhirType::encounter || type == FhirType::care_team,
                    .goals = type == FhirType::goal};
                exports::RecordStream stream(work.exports(), c.options.filter, parts, c.key);
                exports::TrajectoryRecord record;
                while (stream.next(record)) writer.write(record);
                const auto counts = writer.counts();
                const auto found = counts.find(type);
                return static_cast<std::uint64_t>(found == counts.end() ? 0 : found->second);
            }};
}

}  // namespace

std::vector<ExportFile> export_files(ExportKind kind, const ExportContext& c)
{
    std::vector<ExportFile> files;
    switch (kind) {
    case ExportKind::outcomes:
        files.push_back({"outcomes_long.csv", "text/csv; charset=utf-8",
                         [&c](storage::UnitOfWork& work, std::ostream& out) {
                             return exports::write_long_csv(work.exports(), c.key, c.options, out, c.progress).rows;
                         }});
        files.push_back({"outcomes_wide.csv", "text/csv; charset=utf-8",
                         [&c](storage::UnitOfWork& work, std::ostream& out) {
                             return exports::write_wide_csv(work.exports(), c.registry, c.key, c.options, out).rows;
                         }});
        files.push_back(codebook_file(c, false));
        files.push_back(codebook_file(c, true));
        break;
    case ExportKind::codebook:
        files.push_back(codebook_file(c, false));
        files.push_back(codebook_file(c, true));
        break;
    case ExportKind::fhir:
        for (exports::FhirType t : exports::k_fhir_types) files.push_back(fhir_file(c, t));
        break;
    case ExportKind::report:
        append_report_files(files, c);
        break;
    }
    return files;
}

std::vector<std::string> measured_instruments(storage::UnitOfWork& work, const protocol::Registry& registry,
                                              const storage::ExportFilter& filter)
{
    std::set<std::string> ids;
    for (const storage::ExportColumnSource& s : work.exports().column_sources(filter))
        if (const protocol::Instrument* i = exports::find_instrument(registry, s.instrument_id, s.instrument_version);
            i && i->primary_score)
            ids.insert(s.instrument_id);
    return {ids.begin(), ids.end()};
}

std::int64_t record_export_start(storage::UnitOfWork& work, ExportKind kind, const ExportOptions& options,
                                 const domain::AuditEvent& audit, Instant now, bool log)
{
    storage::ExportRun run;
    run.started_at = format_utc(now);
    run.user_name = audit.username;
    run.user_role = audit.user_role;
    run.kind = std::string(to_string(kind));
    run.filters_json = exports::filters_json(options);
    run.status = "streaming";
    const std::int64_t id = work.exports().add_run(run);
    if (!log) return id;
    domain::AuditEvent event = audit;
    event.at = format_utc(now);
    event.action = domain::AuditAction::read;
    event.data = "export:" + run.kind + " run " + std::to_string(id);
    event.result = domain::AuditResult::success;
    work.audit().append(event);
    return id;
}

void record_export_end(storage::UnitOfWork& work, std::int64_t run, bool complete, const exports::Manifest& manifest,
                       Instant now)
{
    work.exports().finish_run(run, complete ? "complete" : "aborted", format_utc(now),
                              complete ? exports::to_json(manifest) : "{}");
}

namespace {

std::int64_t begin_export(storage::Database& db, ExportKind kind, const ExportOptions& options,
                          const domain::AuditEvent& audit, Instant now)
{
    const auto work = db.write();
    const std::int64_t id = record_export_start(*work, kind, options, audit, now);
    work->commit();
    return id;
}

void finish_export(storage::Database& db, std::int64_t run, bool complete, const exports::Manifest& manifest,
                   Instant now)
{
    const auto work = db.write();
    record_export_end(*work, run, complete, manifest, now);
    work->commit();
}

}  // namespace

exports::Manifest base_manifest(storage::UnitOfWork& work, const protocol::Registry& registry, ExportKind kind,
                                const ExportOptions& options, const domain::AuditEvent& audit,
                                const exports::PseudonymKey& key, Instant now)
{
    exports::Manifest m;
    m.kind = std::string(to_string(kind));
    m.created_at = format_utc(now);
    m.user = audit.username;
    m.role = audit.user_role;
    m.options = options;
    m.key_fingerprint = key.fingerprint();
    m.trajectories = work.exports().count_trajectories(options.filter);
    m.clients = work.exports().count_clients(options.filter);
    m.measured = work.exports().column_sources(options.filter);
    if (options.filter.area)
        if (const auto area = work.organisation().area(*options.filter.area)) m.area_name = area->name;
    if (options.filter.team)
        if (const auto team = work.organisation().team(*options.filter.team)) m.team_name = team->name;
    for (const protocol::Policy& p : registry.policies()) m.policies.emplace_back(p.id, p.version);
    for (const protocol::TrajectoryTemplate& t : registry.trajectories()) m.templates.emplace_back(t.id, t.version);
    return m;
}

exports::Manifest export_to_directory(storage::Database& db, ExportKind kind, const ExportContext& context,
                                      const domain::AuditEvent& audit, const std::filesystem::path& directory,
                                      Instant now)
{
    std::filesystem::create_directories(directory);
    const std::int64_t run = begin_export(db, kind, context.options, audit, now);
    exports::Manifest manifest;
    std::vector<std::filesystem::path> written;
    try {
        const auto work = db.read();
        manifest = base_manifest(*work, context.registry, kind, context.options, audit, context.key, now);
        ExportContext local = context;  // the files' writers refer to it while they run
        local.instruments = measured_instruments(*work, context.registry, context.options.filter);
        for (const ExportFile& file : export_files(kind, local)) {
            const std::filesystem::path part = directory / (file.name + ".part");
            std::filesystem::create_directories(part.parent_path());
            written.push_back(part);
            std::ofstream out(part, std::ios::binary | std::ios::trunc);
            if (!out) throw Error(ErrorCode::storage_failure, "cannot write " + part.string());
            exports::DigestingStream digest(out);
            const auto started = std::chrono::steady_clock::now();
            const std::uint64_t rows = file.write(*work, digest);
            const std::string sha = digest.sha256();
            out.close();
            if (!out) throw Error(ErrorCode::storage_failure, "writing " + part.string() + " failed (disk full?)");
            manifest.files.push_back({file.name, file.media_type, digest.bytes(), rows, sha,
                                      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()});
        }
        for (const std::filesystem::path& part : written) {
            std::filesystem::path final_name = part;
            final_name.replace_extension();  // drop ".part"
            std::filesystem::rename(part, final_name);
        }
        std::ofstream(directory / "manifest.json", std::ios::binary | std::ios::trunc) << exports::to_json(manifest) << '\n';
    }
    catch (...) {
        for (const std::filesystem::path& part : written) std::filesystem::remove(part);
        finish_export(db, run, false, manifest, now);
        throw;
    }
    finish_export(db, run, true, manifest, now);
    return manifest;
}

}  // namespace reable::app
