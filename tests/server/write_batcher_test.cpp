// Group commit of writes: requests share a transaction, and a failing one is undone alone.

#include "infra/write_batcher.hpp"

#include "support/scratch.hpp"

#include "reable/error.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace reable;

namespace {

void add_municipality(storage::UnitOfWork& work, int n)
{
    work.organisation().add_municipality({{}, "GM" + std::to_string(1000 + n), "Gemeente " + std::to_string(n)});
}

}  // namespace

TEST_CASE("requests in one write batch commit together, and the one that fails is rolled back alone")
{
    testing::Scratch scratch;
    const auto path = scratch.path("batch.db");
    storage_sqlite::open_sqlite(path, {.create = true})->migrate();
    std::mutex gate;
    server::WriteBatcher batcher(storage_sqlite::open_current_sqlite(path), gate);

    // Hold the writers' lock, so that the jobs queue up and run as one batch once it is free.
    std::unique_lock held(gate);
    std::atomic<int> failures{0};
    std::vector<std::thread> requests;
    for (int i = 1; i <= 6; ++i)
        requests.emplace_back([&, i] {
            try {
                batcher.run([i](storage::UnitOfWork& work) {
                    add_municipality(work, i);
                    // The third request writes, then fails: its row must not survive.
                    if (i == 3) throw Error(ErrorCode::conflict, "request 3 fails after writing");
                });
            } catch (const Error& e) {
                CHECK(e.code() == ErrorCode::conflict);
                ++failures;
            }
        });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let every request queue
    held.unlock();
    for (std::thread& t : requests) t.join();

    CHECK(failures == 1);
    auto db = storage_sqlite::open_current_sqlite(path);
    const auto work = db->read();
    const auto all = work->organisation().municipalities();
    CHECK(all.size() == 5);
    CHECK_FALSE(work->organisation().municipality_by_code("GM1003").has_value());
    CHECK(work->organisation().municipality_by_code("GM1006").has_value());
}
