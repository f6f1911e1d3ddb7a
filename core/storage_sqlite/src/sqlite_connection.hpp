#pragma once

// A small RAII layer over the sqlite3 C API: one connection, prepared statements cached by their
// SQL text (Poco::Data re-prepares a reused statement on every execute, which costs 5x on insert
// loops; see toolchain.md). Only the SQLite adapter includes this file.

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace reable::storage_sqlite {

/// One prepared statement. Bind with 1-based positions, step, read columns, reset.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bind_null(index);
    }

    /// Runs one step: true when a row is available, false when done. Throws Error{storage_failure}
    /// or, for a constraint violation, Error{conflict}.
    bool step();
    /// Runs a statement that returns no rows and resets it.
    void run();
    /// Clears bindings and rewinds, ready for the next use.
    void reset();

    bool is_null(int column) const;
    std::int64_t integer(int column) const;
    std::string text(int column) const;
    std::optional<std::int64_t> optional_integer(int column) const;
    std::optional<std::string> optional_text(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// Resets a cached statement when the scope that used it ends, also on an exception.
class StatementUse {
public:
    explicit StatementUse(Statement& s) : m_statement(s) {}
    ~StatementUse() { m_statement.reset(); }
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;
    Statement* operator->() { return &m_statement; }
    Statement& operator*() { return m_statement; }

private:
    Statement& m_statement;
};

enum class OpenMode { read_write_create, read_write, read_only };

/// One connection. Not thread-safe: one connection per thread.
class Connection {
public:
    Connection(const std::filesystem::path& path, OpenMode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more statements without results (DDL, PRAGMA, BEGIN …).
    void execute(std::string_view sql);
    /// A statement prepared once per connection and reused; wrap its use in StatementUse.
    Statement& cached(std::string_view sql);
    /// Runs a query returning one integer (e.g. a PRAGMA); nullopt when it returns no row.
    std::optional<std::int64_t> query_integer(std::string_view sql);
    std::string query_text(std::string_view sql);
    std::int64_t last_insert_id() const;
    int changes() const;
    sqlite3* handle() { return m_db; }
    const std::filesystem::path& path() const { return m_path; }

private:
    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

/// Throws the Error that fits an SQLite result code; `what` says what was being done.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, std::string_view what);

}  // namespace reable::storage_sqlite
