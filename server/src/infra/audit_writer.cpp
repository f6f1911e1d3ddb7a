#include "infra/audit_writer.hpp"

#include "reable/error.hpp"

namespace reable::server {

AuditWriter::AuditWriter(std::unique_ptr<storage::Database> db, std::mutex& write_gate)
    : m_db(std::move(db)), m_write_gate(write_gate), m_thread([this] { run(); })
{}

AuditWriter::~AuditWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_work.notify_all();
    m_thread.join();
}

void AuditWriter::append(std::vector<domain::AuditEvent> events)
{
    if (events.empty()) return;
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = m_next_ticket;  // the batch these events will be written in
    for (auto& e : events) m_pending.push_back(std::move(e));
    m_work.notify_one();
    m_done.wait(lock, [&] { return m_processed >= ticket; });
    if (m_failed.count(ticket) > 0) throw Error(ErrorCode::storage_failure, "the audit log could not be written");
}

void AuditWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_work.wait(lock, [&] { return m_stopping || !m_pending.empty(); });
        if (m_pending.empty()) return;  // stopping with nothing left to write
        std::vector<domain::AuditEvent> batch;
        batch.swap(m_pending);
        const std::uint64_t ticket = m_next_ticket++;
        lock.unlock();
        bool ok = true;
        try {
            const std::lock_guard gate(m_write_gate);
            const auto work = m_db->write();
            for (auto& e : batch) work->audit().append(std::move(e));
            work->commit();
        } catch (const std::exception&) {
            ok = false;
        }
        lock.lock();
        m_processed = ticket;
        if (ok) {
            ++m_batches;
            m_events += batch.size();
        } else {
            m_failed.insert(ticket);
        }
        m_done.notify_all();
    }
}

std::uint64_t AuditWriter::batches() const
{
    const std::lock_guard lock(m_mutex);
    return m_batches;
}

std::uint64_t AuditWriter::events() const
{
    const std::lock_guard lock(m_mutex);
    return m_events;
}

}  // namespace reable::server
