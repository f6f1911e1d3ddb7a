#pragma once

// Group commit for writes. With synchronous=FULL every commit waits for the disk, so one
// transaction per request caps writes at the disk's sync rate. Requests hand their work to this
// batcher; its thread runs everything waiting in one transaction, each request between a
// savepoint and its release (a failing request is rolled back to its savepoint, alone), then
// commits once and wakes them all. A request's answer still leaves only after its commit.

#include "reable/storage/database.hpp"

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace reable::server {

class WriteBatcher {
public:
    using Job = std::function<void(storage::UnitOfWork&)>;

    /// `write_gate`: the lock every writer in the process takes around its write transaction.
    WriteBatcher(std::unique_ptr<storage::Database> db, std::mutex& write_gate, std::size_t max_batch = 64);
    ~WriteBatcher();
    WriteBatcher(const WriteBatcher&) = delete;
    WriteBatcher& operator=(const WriteBatcher&) = delete;

    /// Runs `job` in the next batch and returns once that batch is committed. Rethrows what the
    /// job threw (its changes undone); Error{storage_failure} when the commit itself failed.
    void run(const Job& job);

private:
    struct Ticket {
        const Job* job = nullptr;
        bool done = false;
        std::exception_ptr error;
    };
    void loop();

    std::unique_ptr<storage::Database> m_db;
    std::mutex& m_write_gate;
    std::size_t m_max_batch;
    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_done;
    std::vector<Ticket*> m_pending;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace reable::server
