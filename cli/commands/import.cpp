#include "commands/import.hpp"

#include "local_operator.hpp"
#include "reable/app/session_import.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <set>

#include <unistd.h>

namespace reable::cli {
namespace {

/// A one-line bar on standard error, redrawn in place; only when standard error is a terminal,
/// so that logs and pipes get no control characters.
class ProgressBar {
public:
    ProgressBar() : m_enabled(::isatty(STDERR_FILENO) == 1) {}
    ~ProgressBar()
    {
        if (m_drawn) std::cerr << '\n';
    }
    void update(std::uint64_t done, std::uint64_t total)
    {
        if (!m_enabled || total == 0) return;
        const int percent = static_cast<int>(done * 100 / total);
        if (percent == m_percent) return;
        m_percent = percent;
        const int filled = percent * 40 / 100;
        std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(40 - filled), ' ') << "] " << percent << "%" << std::flush;
        m_drawn = true;
    }

private:
    bool m_enabled;
    bool m_drawn = false;
    int m_percent = -1;
};

void run_import_sessions(const GlobalOptions& global, const std::string& file)
{
    const auto clock = clock_of(global);
    const auto db = open_database(global);
    app::ImportSummary summary;
    {
        ProgressBar bar;
        summary = app::import_sessions(*db, *clock, file,
                                       [&bar](std::uint64_t done, std::uint64_t total) { bar.update(done, total); });
    }
    // import_sessions commits its own transaction; the audit lines (one per client) follow in a
    // second one, before anything is reported.
    {
        const auto work = db->write();
        std::set<domain::ClientId> clients;
        for (const domain::TrajectoryId trajectory : summary.trajectories)
            clients.insert(work->trajectories().find(trajectory)->client);
        for (const domain::ClientId client : clients)
            audit_client(*work, domain::AuditAction::create, "session import", "cli: import sessions", client);
        work->commit();
    }
    std::cout << "imported " << summary.sessions << (summary.sessions == 1 ? " session" : " sessions") << " and "
              << summary.signals << (summary.signals == 1 ? " signal" : " signals") << " from " << file << '\n';
}

}  // namespace

void setup_import(CLI::App& app, const GlobalOptions& global)
{
    auto file = std::make_shared<std::string>();
    CLI::App* import = app.add_subcommand("import", "Import records from files, all or nothing");
    import->require_subcommand(1);
    CLI::App* sessions = import->add_subcommand(
        "sessions", std::string("Import sessions from a CSV with a header row; columns: ") + app::k_session_columns);
    sessions->add_option("file", *file, "The CSV file")->required();
    sessions->callback([&global, file] { run_import_sessions(global, *file); });
}

}  // namespace reable::cli
