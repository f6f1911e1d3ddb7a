#pragma once

// Group commit for the audit events of reads and refusals. A request that only reads still has to
// leave a durable audit line before its answer goes out; one fsync per read would cap the server
// at the disk's sync rate. So request threads hand their events to this writer, which appends
// everything that is waiting in one transaction (one fsync), and wakes them when it is on disk.
// Writes that succeed append their events in their own transaction instead, so the change and its
// audit line commit together.

#include "reable/domain/audit.hpp"
#include "reable/storage/database.hpp"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace reable::server {

class AuditWriter {
public:
    /// `write_gate`: the lock every writer in the process takes around its write transaction.
    AuditWriter(std::unique_ptr<storage::Database> db, std::mutex& write_gate);
    ~AuditWriter();
    AuditWriter(const AuditWriter&) = delete;
    AuditWriter& operator=(const AuditWriter&) = delete;

    /// Appends the events and returns once they are committed. Throws Error{storage_failure} when
    /// the batch could not be written: the caller must then not answer with the data.
    void append(std::vector<domain::AuditEvent> events);

    std::uint64_t batches() const;
    std::uint64_t events() const;

private:
    void run();

    std::unique_ptr<storage::Database> m_db;
    std::mutex& m_write_gate;
    mutable std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_done;
    std::vector<domain::AuditEvent> m_pending;
    std::uint64_t m_next_ticket = 1;   ///< the ticket of the next batch to be collected
    std::uint64_t m_processed = 0;     ///< batches up to this ticket are done (durable, or in m_failed)
    std::set<std::uint64_t> m_failed;  ///< tickets of batches that could not be written
    std::uint64_t m_batches = 0;
    std::uint64_t m_events = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace reable::server
