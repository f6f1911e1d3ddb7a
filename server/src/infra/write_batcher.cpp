#include "infra/write_batcher.hpp"

#include "reable/error.hpp"

#include <algorithm>

namespace reable::server {

WriteBatcher::WriteBatcher(std::unique_ptr<storage::Database> db, std::mutex& write_gate, std::size_t max_batch)
    : m_db(std::move(db)), m_write_gate(write_gate), m_max_batch(max_batch), m_thread([this] { loop(); })
{}

WriteBatcher::~WriteBatcher()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_work.notify_all();
    m_thread.join();
}

void WriteBatcher::run(const Job& job)
{
    Ticket ticket{&job, false, nullptr};
    std::unique_lock lock(m_mutex);
    m_pending.push_back(&ticket);
    m_work.notify_one();
    m_done.wait(lock, [&] { return ticket.done; });
    if (ticket.error) std::rethrow_exception(ticket.error);
}

void WriteBatcher::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_work.wait(lock, [&] { return m_stopping || !m_pending.empty(); });
        if (m_pending.empty()) return;
        const std::size_t n = std::min(m_pending.size(), m_max_batch);
        std::vector<Ticket*> batch(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(n));
        m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(n));
        lock.unlock();
        try {
            const std::lock_guard gate(m_write_gate);
            const auto work = m_db->write();
            for (Ticket* t : batch) {
                work->savepoint();
                try {
                    (*t->job)(*work);
                    work->release_savepoint();
                } catch (...) {
                    t->error = std::current_exception();
                    work->rollback_to_savepoint();
                }
            }
            work->commit();
        } catch (...) {
            // The transaction failed as a whole (BEGIN, a savepoint or the commit): nothing of the
            // batch was written, so every request in it fails.
            const auto failure = std::make_exception_ptr(
                Error(ErrorCode::storage_failure, "the change could not be written to the database"));
            for (Ticket* t : batch)
                if (!t->error) t->error = failure;
        }
        lock.lock();
        for (Ticket* t : batch) t->done = true;
        m_done.notify_all();
    }
}

}  // namespace reable::server
