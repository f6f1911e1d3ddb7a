#include "commands/db.hpp"

#include "reable/error.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace reable::cli {
namespace {

struct DbOptions {
    std::string file;
    bool yes = false;
};

void run_migrate(const GlobalOptions& global)
{
    const auto db = open_database_for_admin(global, true);
    const int applied = db->migrate();
    const storage::SchemaStatus status = db->status();
    std::cout << database_path(global).string() << ": ";
    if (applied == 0)
        std::cout << "already at schema version " << status.version << "; nothing to do\n";
    else
        std::cout << "applied " << applied << (applied == 1 ? " migration" : " migrations") << "; schema version "
                  << status.version << '\n';
}

void run_status(const GlobalOptions& global)
{
    const auto db = open_database_for_admin(global, false);
    const storage::SchemaStatus status = db->status();
    std::cout << "Database        " << database_path(global).string() << '\n'
              << "Schema version  " << status.version << " of " << status.latest
              << (status.pending.empty() ? " (up to date)" : " (migrations pending)") << '\n';
    for (const storage::AppliedMigration& m : status.applied)
        std::cout << "  applied  " << m.name << "  " << m.applied_at << '\n';
    for (const std::string& name : status.pending) std::cout << "  pending  " << name << '\n';
    if (!status.pending.empty())
        std::cout << "Run `reable db migrate --db " << database_path(global).string() << "` to apply them.\n";
}

void run_backup(const GlobalOptions& global, const DbOptions& options)
{
    const auto db = open_database_for_admin(global, false);
    db->backup(options.file);
    std::cout << "backed up " << database_path(global).string() << " to " << options.file
              << " (integrity check: ok)\n";
}

void run_restore(const GlobalOptions& global, const DbOptions& options)
{
    if (!options.yes)
        throw Error(ErrorCode::precondition_failed, "restore replaces every record in " +
                                                        database_path(global).string() + " with those in " +
                                                        options.file + "; add --yes to confirm");
    const auto db = open_database_for_admin(global, false);
    db->restore(options.file);
    std::cout << "restored " << database_path(global).string() << " from " << options.file
              << " (integrity check: ok)\n";
}

}  // namespace

void setup_db(CLI::App& app, const GlobalOptions& global)
{
    CLI::App* db = app.add_subcommand("db", "Create, migrate, back up and restore the database");
    db->require_subcommand(1);
    auto options = std::make_shared<DbOptions>();

    db->add_subcommand("migrate", "Create the database if needed and apply pending schema migrations")
        ->callback([&global] { run_migrate(global); });
    db->add_subcommand("status", "Show the schema version and the applied and pending migrations")
        ->callback([&global] { run_status(global); });

    CLI::App* backup = db->add_subcommand("backup", "Copy the live database to a new file and verify the copy");
    backup->add_option("file", options->file, "The backup file to create (must not exist)")->required();
    backup->callback([&global, options] { run_backup(global, *options); });

    CLI::App* restore =
        db->add_subcommand("restore", "Replace the database's contents with a verified backup");
    restore->add_option("file", options->file, "The backup file")->required();
    restore->add_flag("--yes", options->yes, "Confirm that every current record is replaced");
    restore->callback([&global, options] { run_restore(global, *options); });
}

}  // namespace reable::cli
