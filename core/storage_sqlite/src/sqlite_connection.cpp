#include "sqlite_connection.hpp"

#include "reable/error.hpp"

namespace reable::storage_sqlite {

void throw_sqlite_error(sqlite3* db, int rc, std::string_view what)
{
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int primary = rc & 0xff;
    // A constraint names a rule of the data (unique, foreign key, check): the caller's request
    // contradicts what is stored. Everything else is a failure of the storage itself.
    const ErrorCode code = primary == SQLITE_CONSTRAINT ? ErrorCode::conflict : ErrorCode::storage_failure;
    throw Error(code, std::string(what) + ": " + detail);
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &m_stmt, nullptr);
    if (rc != SQLITE_OK) throw_sqlite_error(db, rc, "preparing a statement");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement& Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) throw_sqlite_error(m_db, rc, "binding a value");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    const int rc =
        sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) throw_sqlite_error(m_db, rc, "binding a value");
    return *this;
}

Statement& Statement::bind_null(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) throw_sqlite_error(m_db, rc, "binding a value");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_sqlite_error(m_db, sqlite3_extended_errcode(m_db), "writing to the database");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

std::string Statement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::optional<std::int64_t> Statement::optional_integer(int column) const
{
    if (is_null(column)) return std::nullopt;
    return integer(column);
}

std::optional<std::string> Statement::optional_text(int column) const
{
    if (is_null(column)) return std::nullopt;
    return text(column);
}

Connection::Connection(const std::filesystem::path& path, OpenMode mode) : m_path(path)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case OpenMode::read_write_create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case OpenMode::read_write: flags |= SQLITE_OPEN_READWRITE; break;
    case OpenMode::read_only: flags |= SQLITE_OPEN_READONLY; break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close_v2(m_db);
        throw Error(ErrorCode::storage_failure, "cannot open the database " + path.string() + ": " + detail);
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Connection::~Connection()
{
    m_cache.clear();  // statements must be finalized before the connection closes
    sqlite3_close_v2(m_db);
}

void Connection::execute(std::string_view sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string detail = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw Error((rc & 0xff) == SQLITE_CONSTRAINT ? ErrorCode::conflict : ErrorCode::storage_failure,
                    "database statement failed: " + detail);
    }
}

Statement& Connection::cached(std::string_view sql)
{
    auto it = m_cache.find(std::string(sql));
    if (it == m_cache.end()) it = m_cache.emplace(std::string(sql), std::make_unique<Statement>(m_db, sql)).first;
    return *it->second;
}

std::optional<std::int64_t> Connection::query_integer(std::string_view sql)
{
    Statement s(m_db, sql);
    if (!s.step()) return std::nullopt;
    return s.integer(0);
}

std::string Connection::query_text(std::string_view sql)
{
    Statement s(m_db, sql);
    return s.step() ? s.text(0) : std::string();
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(m_db); }

int Connection::changes() const { return sqlite3_changes(m_db); }

}  // namespace reable::storage_sqlite
