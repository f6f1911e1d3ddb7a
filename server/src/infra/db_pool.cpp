#include "infra/db_pool.hpp"

namespace reable::server {

DatabasePool::DatabasePool(std::filesystem::path path, storage_sqlite::SqliteOptions options,
                           std::size_t max_connections)
    : m_path(std::move(path)), m_options(options), m_max(max_connections)
{}

DatabasePool::Lease::~Lease()
{
    if (m_db) m_pool->give_back(std::move(m_db));
}

DatabasePool::Lease DatabasePool::lease()
{
    std::unique_lock lock(m_mutex);
    m_returned.wait(lock, [&] { return !m_idle.empty() || m_open < m_max; });
    if (!m_idle.empty()) {
        auto db = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(*this, std::move(db));
    }
    ++m_open;
    lock.unlock();
    try {
        return Lease(*this, storage_sqlite::open_current_sqlite(m_path, m_options));
    } catch (...) {
        const std::lock_guard relock(m_mutex);
        --m_open;
        m_returned.notify_one();
        throw;
    }
}

void DatabasePool::give_back(std::unique_ptr<storage::Database> db)
{
    const std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(db));
    m_returned.notify_one();
}

}  // namespace reable::server
