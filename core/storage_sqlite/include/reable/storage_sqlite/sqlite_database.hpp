#pragma once

#include "reable/storage/database.hpp"

#include <filesystem>
#include <memory>

namespace reable::storage_sqlite {

/// How a commit reaches the disk. `full` (the default): when commit() returns, the transaction is
/// in the WAL file on disk and survives a power cut. `normal`: it survives a crash of the program
/// but may be lost with the last transactions on a power cut; only for bulk jobs that can be rerun.
enum class Durability { full, normal };

struct SqliteOptions {
    Durability durability = Durability::full;
    /// Create the file when it does not exist (only `reable db migrate` and tests do this).
    bool create = false;
};

/// Opens a Reable database: WAL journal, foreign keys on, the durability asked for. Refuses a file
/// that is not a Reable database and one whose schema is newer than this program. Does not
/// migrate. Throws Error{not_found} when the file does not exist and `create` is false.
std::unique_ptr<storage::Database> open_sqlite(const std::filesystem::path& path, SqliteOptions options = {});

/// Opens and requires the newest schema: the call every command except `db …` uses. Throws
/// Error{precondition_failed} naming `reable db migrate` when migrations are pending.
std::unique_ptr<storage::Database> open_current_sqlite(const std::filesystem::path& path,
                                                       SqliteOptions options = {});

}  // namespace reable::storage_sqlite
