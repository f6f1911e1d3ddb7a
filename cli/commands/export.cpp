#include "commands/export.hpp"

#include "local_operator.hpp"
#include "reable/app/export_service.hpp"
#include "reable/error.hpp"
#include "reable/exports/client_plot.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace reable::cli {
namespace {

struct ExportCommandOptions {
    std::string out;
    std::string from;
    std::string to;
    std::string area;  ///< an id or a name
    std::string team;
    std::string dates = "days";
    std::string key_file;
    std::string tariff;
    int min_cell = 5;
    bool quiet = false;
    // client-plot
    std::string pseudonym;
    std::string instrument;
};

std::optional<calendar::Date> date_option(const std::string& name, const std::string& text)
{
    if (text.empty()) return std::nullopt;
    if (const auto d = calendar::parse_iso_date(text)) return d;
    throw Error(ErrorCode::invalid_input, name + ": \"" + text + "\" is not a date; expected YYYY-MM-DD");
}

/// The key beside the database unless --key-file says otherwise: never inside the database file.
std::filesystem::path key_path(const GlobalOptions& global, const ExportCommandOptions& o)
{
    if (!o.key_file.empty()) return o.key_file;
    std::filesystem::path db = database_path(global);
    return db.concat(".pseudonym-key");
}

exports::ExportOptions export_options(const GlobalOptions& global, const ExportCommandOptions& o)
{
    exports::ExportOptions options;
    options.filter.from = date_option("--from", o.from);
    options.filter.to = date_option("--to", o.to);
    if (options.filter.from && options.filter.to && *options.filter.to < *options.filter.from)
        throw Error(ErrorCode::invalid_input, "--to: " + o.to + " is before --from " + o.from);
    options.dates = o.dates == "month" ? exports::DateMode::month : exports::DateMode::days;
    options.as_of = clock_of(global)->today();
    return options;
}

/// A progress bar on standard error when it is a terminal: "exporting  42% (42,000 of 100,000)".
exports::Progress progress_bar(bool quiet)
{
    if (quiet || ::isatty(STDERR_FILENO) == 0) return {};
    return [last = -1](std::size_t done, std::size_t total) mutable {
        const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
        if (percent == last) return;
        last = percent;
        const int filled = percent / 4;
        std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(25 - filled), ' ') << "] " << percent << "% (" << done
                  << " of " << total << " trajectories)" << (done == total ? "\n" : "") << std::flush;
    };
}

bool all_digits(const std::string& text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

/// --area and --team take an id or a name; a name must name exactly one.
void resolve_area_and_team(const GlobalOptions& global, const ExportCommandOptions& o, exports::ExportOptions& options)
{
    in_read_transaction(global, [&](storage::UnitOfWork& work) {
        auto& organisation = work.organisation();
        if (!o.area.empty()) {
            std::vector<domain::Area> found;
            for (const domain::Municipality& m : organisation.municipalities())
                for (const domain::Area& a : organisation.areas(m.id))
                    if (a.name == o.area || (all_digits(o.area) && std::to_string(a.id.value) == o.area))
                        found.push_back(a);
            if (found.size() != 1)
                throw Error(ErrorCode::not_found,
                            "--area: " + std::string(found.empty() ? "no" : "more than one") + " area \"" + o.area +
                                "\" (give its id or its name; see `reable municipality list`)");
            options.filter.area = found.front().id;
        }
        if (!o.team.empty()) {
            std::vector<domain::Team> found;
            for (const domain::Team& t : organisation.teams())
                if (t.name == o.team || (all_digits(o.team) && std::to_string(t.id.value) == o.team)) found.push_back(t);
            if (found.size() != 1)
                throw Error(ErrorCode::not_found, "--team: " + std::string(found.empty() ? "no" : "more than one") +
                                                      " team \"" + o.team + "\" (give its id or its name; see `reable team list`)");
            options.filter.team = found.front().id;
        }
        return 0;
    });
}

void run_export(const GlobalOptions& global, app::ExportKind kind, const ExportCommandOptions& o)
{
    exports::ExportOptions options = export_options(global, o);
    app::ReportSettings report;
    if (!o.tariff.empty()) {
        report.tariff_per_hour = Decimal::parse(o.tariff);
        if (!report.tariff_per_hour || report.tariff_per_hour->micros() <= 0)
            throw Error(ErrorCode::invalid_input,
                        "--tariff: \"" + o.tariff + "\" is not an amount in euro per hour, such as 32.50");
    }
    report.min_cell = o.min_cell;
    const protocol::Registry registry = load_protocols(global);
    const auto db = open_database(global);
    resolve_area_and_team(global, o, options);
    const exports::PseudonymKey key = exports::PseudonymKey::load_or_create(key_path(global, o));
    const Instant now = std::chrono::system_clock::now();
    const domain::AuditEvent audit =
        operator_event(now, domain::AuditAction::read, "export", "cli: export " + std::string(app::to_string(kind)));
    const app::ExportContext context{registry, key, options, report, progress_bar(o.quiet), {}};
    const auto t0 = std::chrono::steady_clock::now();
    const exports::Manifest m = app::export_to_directory(*db, kind, context, audit, o.out, now);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "exported " << m.trajectories << (m.trajectories == 1 ? " trajectory" : " trajectories") << " of "
              << m.clients << (m.clients == 1 ? " client" : " clients") << " to " << o.out << " in "
              << static_cast<long>(seconds * 1000) << " ms (pseudonym key " << m.key_fingerprint << ")\n";
    for (const exports::ManifestFile& f : m.files)
        std::cout << "  " << f.name << "  " << f.rows << " rows, " << f.bytes << " bytes in "
                  << static_cast<long>(f.seconds * 1000) << " ms, sha256 " << f.sha256 << '\n';
    std::cout << "  manifest.json\n";
}

void run_client_plot(const GlobalOptions& global, const ExportCommandOptions& o)
{
    const protocol::Registry registry = load_protocols(global);
    const exports::PseudonymKey key = exports::PseudonymKey::load_or_create(key_path(global, o));
    const std::string svg = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const exports::ClientPlotResult plot = exports::client_score_plot(work, registry, key, o.pseudonym, o.instrument);
        audit_client(work, domain::AuditAction::read, "export:client_plot", "cli: export client-plot", plot.client);
        return plot.svg;
    });
    std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
    out << svg;
    if (!out.flush()) throw Error(ErrorCode::storage_failure, "cannot write " + o.out);
    std::cout << "wrote " << o.out << '\n';
}

void add_filters(CLI::App* command, ExportCommandOptions& o)
{
    command->add_option("--out", o.out, "Folder to write the files and manifest.json into (created if needed)")
        ->required();
    command->add_option("--from", o.from, "Only trajectories started on or after this date (YYYY-MM-DD)");
    command->add_option("--to", o.to, "Only trajectories started on or before this date (YYYY-MM-DD)");
    command->add_option("--area", o.area, "Only clients living in this area (its name or id)");
    command->add_option("--team", o.team, "Only trajectories this team serves (its name or id)");
    command->add_option("--dates", o.dates, "How dates are written: days since the trajectory start, or year-month")
        ->check(CLI::IsMember({"days", "month"}))
        ->capture_default_str();
    command->add_option("--key-file", o.key_file,
                        "The pseudonym key (created on first use, mode 0600); default: the database path + "
                        ".pseudonym-key. Keep it apart from the exports: whoever has it can link pseudonyms "
                        "to clients");
    command->add_flag("--quiet", o.quiet, "No progress bar");
}

}  // namespace

void setup_export(CLI::App& app, const GlobalOptions& global)
{
    auto o = std::make_shared<ExportCommandOptions>();
    CLI::App* group = app.add_subcommand(
        "export", "Pseudonymised exports for evaluators: no BSN, name, address, birth date or free text; every "
                  "export is audit-logged and writes a manifest with the SHA-256 of each file");
    group->require_subcommand(1);
    const std::vector<std::pair<app::ExportKind, std::string>> kinds{
        {app::ExportKind::outcomes, "Outcomes as tidy long CSV and wide CSV (one row per client and trajectory), "
                                    "with the codebook"},
        {app::ExportKind::codebook, "The codebook alone (CSV and JSON): every variable with labels, type, unit, "
                                    "allowed values and source"},
        {app::ExportKind::fhir, "FHIR R4 Bulk Data NDJSON: Patient (pseudonym), EpisodeOfCare, CareTeam, "
                                "Encounter, Observation, Goal"},
        {app::ExportKind::report, "Cohort indicators (JSON, CSV), Kaplan-Meier steps and SVG plots, by area and "
                                  "team; cells under --min-cell clients suppressed"},
    };
    for (const auto& [kind, help] : kinds) {
        CLI::App* command = group->add_subcommand(std::string(app::to_string(kind)), help);
        add_filters(command, *o);
        if (kind == app::ExportKind::report) {
            command->add_option("--tariff", o->tariff, "Euro per hour of household help, to cost the minutes avoided");
            command->add_option("--min-cell", o->min_cell, "Suppress cells with fewer clients than this")
                ->check(CLI::Range(1, 100))
                ->capture_default_str();
        }
        command->callback([&global, o, kind = kind] { run_export(global, kind, *o); });
    }
    CLI::App* plot = group->add_subcommand(
        "client-plot", "One client's score over time as SVG, with the norm band and the meaningful-change lines");
    plot->add_option("--pseudonym", o->pseudonym, "The client's pseudonym (from an export)")->required();
    plot->add_option("--instrument", o->instrument, "Instrument id (its primary score is plotted)")->required();
    plot->add_option("--out", o->out, "The SVG file to write")->required();
    plot->add_option("--key-file", o->key_file, "The pseudonym key; default: the database path + .pseudonym-key");
    plot->callback([&global, o] { run_client_plot(global, *o); });
}

}  // namespace reable::cli
