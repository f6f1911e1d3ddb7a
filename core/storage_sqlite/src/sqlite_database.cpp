#include "reable/storage_sqlite/sqlite_database.hpp"

#include "migrations.hpp"
#include "reable/error.hpp"
#include "sqlite_connection.hpp"
#include "unit_of_work.hpp"

#include <filesystem>

namespace reable::storage_sqlite {
namespace {

/// 'RBLE': marks a file as a Reable database, so that restore and open refuse other SQLite files.
constexpr std::int64_t k_application_id = 0x52424C45;

int latest_version() { return migrations().empty() ? 0 : migrations().back().version; }

std::string migrate_hint(const std::filesystem::path& path)
{
    return "run `reable db migrate --db " + path.string() + "`";
}

/// Runs the backup API from `from` into `to` in one pass and checks the result.
void copy_database(sqlite3* from, sqlite3* to, std::string_view what)
{
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) throw_sqlite_error(to, sqlite3_errcode(to), what);
    const int step = sqlite3_backup_step(backup, -1);
    const int finish = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE) throw_sqlite_error(to, step, what);
    if (finish != SQLITE_OK) throw_sqlite_error(to, finish, what);
}

/// PRAGMA integrity_check must answer exactly "ok"; anything else lists the damage.
void require_intact(Connection& db, std::string_view what)
{
    const std::string verdict = db.query_text("PRAGMA integrity_check");
    if (verdict != "ok")
        throw Error(ErrorCode::storage_failure, std::string(what) + " failed its integrity check: " + verdict);
}

/// Checks that `db` is a Reable database this program can read. A new, empty file passes.
void require_reable(Connection& db, const std::filesystem::path& path)
{
    const std::int64_t app = db.query_integer("PRAGMA application_id").value_or(0);
    const std::int64_t version = db.query_integer("PRAGMA user_version").value_or(0);
    const bool empty = db.query_integer("SELECT count(*) FROM sqlite_schema").value_or(0) == 0;
    if (app != k_application_id && !(app == 0 && version == 0 && empty))
        throw Error(ErrorCode::precondition_failed, path.string() + " is not a Reable database");
    if (version > latest_version())
        throw Error(ErrorCode::precondition_failed,
                    path.string() + " has schema version " + std::to_string(version) +
                        ", newer than this program's " + std::to_string(latest_version()) +
                        "; use a newer version of Reable");
}

class SqliteDatabase final : public storage::Database {
public:
    SqliteDatabase(const std::filesystem::path& path, SqliteOptions options)
        : m_db(path, options.create ? OpenMode::read_write_create : OpenMode::read_write)
    {
        m_db.execute("PRAGMA busy_timeout = 5000");
        require_reable(m_db, path);
        // WAL: readers never block the writer. Foreign keys are off by default in SQLite.
        // synchronous=FULL in WAL mode syncs the log at every commit: an acknowledged write is on disk.
        m_db.execute("PRAGMA journal_mode = WAL");
        m_db.execute("PRAGMA foreign_keys = ON");
        // 64 MiB of page cache (the default is 2 MiB): a large import then stays in memory until it
        // commits instead of spilling uncommitted pages to the WAL over and over.
        m_db.execute("PRAGMA cache_size = -65536");
        m_db.execute(options.durability == Durability::full ? "PRAGMA synchronous = FULL"
                                                            : "PRAGMA synchronous = NORMAL");
    }

    std::unique_ptr<storage::UnitOfWork> write() override { return std::make_unique<SqliteUnitOfWork>(m_db, true); }
    std::unique_ptr<storage::UnitOfWork> read() override { return std::make_unique<SqliteUnitOfWork>(m_db, false); }

    storage::SchemaStatus status() override
    {
        storage::SchemaStatus out;
        out.version = static_cast<int>(m_db.query_integer("PRAGMA user_version").value_or(0));
        out.latest = latest_version();
        if (out.version > 0) {
            Statement s(m_db.handle(), "SELECT version, name, applied_at FROM schema_migration ORDER BY version");
            while (s.step()) out.applied.push_back({static_cast<int>(s.integer(0)), s.text(1), s.text(2)});
        }
        for (const Migration& m : migrations())
            if (m.version > out.version) out.pending.emplace_back(m.name);
        return out;
    }

    std::uint64_t size_bytes() override
    {
        std::uint64_t total = 0;
        for (const std::filesystem::path& p : {m_db.path(), std::filesystem::path(m_db.path().string() + "-wal")}) {
            std::error_code ec;
            const auto size = std::filesystem::file_size(p, ec);
            if (!ec) total += size;
        }
        return total;
    }

    int migrate() override
    {
        int applied = 0;
        for (const Migration& m : migrations()) {
            const auto current = m_db.query_integer("PRAGMA user_version").value_or(0);
            if (m.version <= current) continue;
            // The migration, its bookkeeping row and the new user_version commit together or not at all.
            m_db.execute("BEGIN IMMEDIATE");
            try {
                if (m.version == 1) {
                    m_db.execute("PRAGMA application_id = " + std::to_string(k_application_id));
                    m_db.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                 "applied_at TEXT NOT NULL) STRICT");
                }
                m_db.execute(m.sql);
                Statement record(m_db.handle(),
                                 "INSERT INTO schema_migration (version, name, applied_at) "
                                 "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
                record.bind(1, m.version).bind(2, m.name);
                record.run();
                m_db.execute("PRAGMA user_version = " + std::to_string(m.version));
                m_db.execute("COMMIT");
            }
            catch (const Error& e) {
                sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
                throw Error(ErrorCode::storage_failure,
                            "migration " + std::string(m.name) + " failed and was rolled back: " + e.what());
            }
            ++applied;
        }
        return applied;
    }

    void backup(const std::filesystem::path& target) override
    {
        if (std::filesystem::exists(target))
            throw Error(ErrorCode::conflict, "the backup file " + target.string() +
                                                 " already exists; choose a new file name");
        {
            Connection copy(target, OpenMode::read_write_create);
            copy_database(m_db.handle(), copy.handle(), "backing up the database");
            // A backup is one self-contained file: no -wal file next to it.
            copy.execute("PRAGMA journal_mode = DELETE");
            require_intact(copy, "the backup " + target.string());
        }
    }

    void restore(const std::filesystem::path& source) override
    {
        if (!std::filesystem::exists(source))
            throw Error(ErrorCode::not_found, "the backup file " + source.string() + " does not exist");
        Connection backup(source, OpenMode::read_only);
        require_intact(backup, "the backup " + source.string());
        if (backup.query_integer("PRAGMA application_id").value_or(0) != k_application_id)
            throw Error(ErrorCode::precondition_failed, source.string() + " is not a Reable database");
        require_reable(backup, source);
        copy_database(backup.handle(), m_db.handle(), "restoring the database");
        require_intact(m_db, "the restored database");
    }

    Connection& connection() { return m_db; }

private:
    Connection m_db;
};

}  // namespace

std::unique_ptr<storage::Database> open_sqlite(const std::filesystem::path& path, SqliteOptions options)
{
    if (!options.create && !std::filesystem::exists(path))
        throw Error(ErrorCode::not_found,
                    "the database " + path.string() + " does not exist; create it with `reable db migrate --db " +
                        path.string() + "`");
    return std::make_unique<SqliteDatabase>(path, options);
}

std::unique_ptr<storage::Database> open_current_sqlite(const std::filesystem::path& path, SqliteOptions options)
{
    std::unique_ptr<storage::Database> db = open_sqlite(path, options);
    const storage::SchemaStatus status = db->status();
    if (status.version < status.latest)
        throw Error(ErrorCode::precondition_failed, "the database " + path.string() + " has schema version " +
                                                        std::to_string(status.version) + " of " +
                                                        std::to_string(status.latest) + "; " + migrate_hint(path));
    return db;
}

}  // namespace reable::storage_sqlite
