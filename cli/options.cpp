#include "options.hpp"

#include "reable/app/config.hpp"
#include "reable/app/protocol_set.hpp"
#include "reable/error.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"
#include "reable_cli_version.hpp"

namespace reable::cli {
namespace {

/// The configuration file in effect, if any: --config (must exist), else ./reable.json if present.
app::Config config_of(const GlobalOptions& global)
{
    if (!global.config_path.empty()) return app::load_config(global.config_path);
    if (std::filesystem::exists("reable.json")) return app::load_config("reable.json");
    return {};
}

storage_sqlite::SqliteOptions sqlite_options(const app::Config& config, bool create)
{
    storage_sqlite::SqliteOptions options;
    options.create = create;
    if (config.durability == "normal") options.durability = storage_sqlite::Durability::normal;
    return options;
}

}  // namespace

std::string protocols_root(const GlobalOptions& global)
{
    if (!global.protocols_dir.empty()) return global.protocols_dir;
    if (const app::Config config = config_of(global); config.protocols) return config.protocols->string();
    return std::string(REABLE_DEFAULT_PROTOCOLS_DIR);
}

protocol::Registry load_protocols(const GlobalOptions& global) { return app::load_registry(protocols_root(global)); }

std::filesystem::path database_path(const GlobalOptions& global)
{
    if (!global.db_path.empty()) return global.db_path;
    if (const app::Config config = config_of(global); config.database) return *config.database;
    return "reable.db";
}

std::unique_ptr<storage::Database> open_database(const GlobalOptions& global)
{
    return storage_sqlite::open_current_sqlite(database_path(global), sqlite_options(config_of(global), false));
}

std::unique_ptr<storage::Database> open_database_for_admin(const GlobalOptions& global, bool create)
{
    return storage_sqlite::open_sqlite(database_path(global), sqlite_options(config_of(global), create));
}

std::unique_ptr<Clock> clock_of(const GlobalOptions& global)
{
    if (global.today.empty()) return std::make_unique<SystemClock>();
    const std::optional<calendar::Date> day = calendar::parse_iso_date(global.today);
    if (!day)
        throw Error(ErrorCode::invalid_input, "--today: \"" + global.today + "\" is not a date; use YYYY-MM-DD");
    return std::make_unique<FixedClock>(*day);
}

}  // namespace reable::cli
