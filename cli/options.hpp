#pragma once

#include "reable/clock.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/database.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <type_traits>

namespace reable::cli {

/// Options every command shares.
struct GlobalOptions {
    std::string protocols_dir;  ///< --protocols or REABLE_PROTOCOLS; empty: the configuration's, else the shipped set
    std::string db_path;        ///< --db or REABLE_DB; empty: the configuration's, else ./reable.db
    std::string config_path;    ///< --config or REABLE_CONFIG; empty: ./reable.json when it exists
    std::string today;          ///< --today or REABLE_TODAY: a fixed date for reproducible runs and tests
};

/// The protocol root in effect: --protocols, else REABLE_PROTOCOLS, else the configuration's, else
/// the shipped protocols.
std::string protocols_root(const GlobalOptions& global);

/// Loads and validates the whole protocol set; throws Error{protocol_invalid} listing every issue.
protocol::Registry load_protocols(const GlobalOptions& global);

/// The database in effect: --db, else REABLE_DB, else the configuration's "database", else
/// reable.db in the current folder.
std::filesystem::path database_path(const GlobalOptions& global);

/// Opens the database for a command that reads or writes records: it must exist and have the
/// newest schema (otherwise the error says to run `reable db migrate`).
std::unique_ptr<storage::Database> open_database(const GlobalOptions& global);

/// Opens the database for `reable db …`: any schema version, created when `create` is set.
std::unique_ptr<storage::Database> open_database_for_admin(const GlobalOptions& global, bool create);

/// The clock in effect: today in Europe/Amsterdam, or the fixed --today date.
std::unique_ptr<Clock> clock_of(const GlobalOptions& global);

/// Runs `work` in one write transaction on the current database and commits it; if `work`
/// throws, nothing is written.
template <class Work>
auto in_write_transaction(const GlobalOptions& global, Work&& work)
{
    const auto db = open_database(global);
    const auto unit = db->write();
    if constexpr (std::is_void_v<decltype(work(*unit))>) {
        work(*unit);
        unit->commit();
    }
    else {
        auto result = work(*unit);
        unit->commit();
        return result;
    }
}

/// Runs `work` in one read transaction (one consistent snapshot).
template <class Work>
auto in_read_transaction(const GlobalOptions& global, Work&& work)
{
    const auto db = open_database(global);
    const auto unit = db->read();
    return work(*unit);
}

}  // namespace reable::cli
