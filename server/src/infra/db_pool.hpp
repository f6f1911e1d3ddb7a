#pragma once

// SQLite connections for the request threads. A connection serves one thread at a time; WAL lets
// the readers run side by side while one writer commits.

#include "reable/storage/database.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace reable::server {

class DatabasePool {
public:
    DatabasePool(std::filesystem::path path, storage_sqlite::SqliteOptions options, std::size_t max_connections);

    /// A connection for the current request, returned to the pool when the lease ends.
    class Lease {
    public:
        Lease(DatabasePool& pool, std::unique_ptr<storage::Database> db) : m_pool(&pool), m_db(std::move(db)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = default;
        ~Lease();
        storage::Database& operator*() { return *m_db; }
        storage::Database* operator->() { return m_db.get(); }

    private:
        DatabasePool* m_pool;
        std::unique_ptr<storage::Database> m_db;
    };

    /// Opens a new connection when none is idle and fewer than the maximum exist; otherwise waits.
    Lease lease();

    /// Held by whoever runs a write transaction in this process. SQLite allows one writer at a
    /// time anyway; waiting here wakes the next writer as soon as the lock is free, where SQLite's
    /// busy handler would poll with sleeps of up to 100 ms (long tails under concurrent writes).
    std::mutex& write_gate() { return m_write_gate; }

private:
    void give_back(std::unique_ptr<storage::Database> db);

    std::filesystem::path m_path;
    storage_sqlite::SqliteOptions m_options;
    std::size_t m_max;
    std::size_t m_open = 0;
    std::vector<std::unique_ptr<storage::Database>> m_idle;
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::mutex m_write_gate;
};

}  // namespace reable::server
