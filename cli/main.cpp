// reable: the command-line front end. One parse, one catch: every command throws reable::Error
// and this file alone turns it into a message and an exit status.

#include "commands/audit.hpp"
#include "commands/export.hpp"
#include "commands/client.hpp"
#include "commands/db.hpp"
#include "commands/decision.hpp"
#include "commands/demo.hpp"
#include "commands/import.hpp"
#include "commands/organisation.hpp"
#include "commands/session.hpp"
#include "commands/trajectory.hpp"
#include "commands/user.hpp"
#include "commands/protocols.hpp"
#include "commands/score.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "reable/error.hpp"
#include "reable_cli_version.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

void print_error(const reable::Error& e)
{
    std::cerr << "reable: " << e.what() << '\n';
    // A single problem is already the message itself.
    const auto& details = e.details();
    if (details.size() == 1 && details[0].where + ": " + details[0].message == e.what()) return;
    for (const reable::ErrorDetail& d : details) std::cerr << "  " << d.where << ": " << d.message << '\n';
}

}  // namespace

int main(int argc, char** argv)
{
    using namespace reable::cli;
    CLI::App app{"Reable: reablement trajectories and exact scoring of physical tests and questionnaires", "reable"};
    app.set_version_flag("--version", std::string("reable ") + REABLE_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    GlobalOptions global;
    app.add_option("--protocols", global.protocols_dir,
                   "Protocol set to use (default: " REABLE_DEFAULT_PROTOCOLS_DIR ")")
        ->envname("REABLE_PROTOCOLS");
    app.add_option("--db", global.db_path, "Database file (default: the configuration's, else ./reable.db)")
        ->envname("REABLE_DB");
    app.add_option("--config", global.config_path, "Configuration file (default: ./reable.json when present)")
        ->envname("REABLE_CONFIG");
    app.add_option("--today", global.today, "Act as if today were this date (YYYY-MM-DD), for reproducible runs")
        ->envname("REABLE_TODAY");
    setup_protocols(app, global);
    setup_score(app, global);
    setup_db(app, global);
    setup_organisation(app, global);
    setup_client(app, global);
    setup_session(app, global);
    setup_import(app, global);
    setup_trajectory(app, global);
    setup_decision(app, global);
    setup_demo(app, global);
    setup_user(app, global);
    setup_audit(app, global);
    setup_export(app, global);

    try {
        app.parse(argc, argv);
        return exit_ok;
    }
    catch (const CLI::ParseError& e) {
        const int status = app.exit(e);
        return status == 0 ? exit_ok : exit_usage;
    }
    catch (const ExitWith& e) {
        return e.status;
    }
    catch (const reable::Error& e) {
        print_error(e);
        return exit_code_for(e.code());
    }
    catch (const std::exception& e) {
        std::cerr << "reable: internal error: " << e.what() << '\n';
        return exit_internal;
    }
}
