// Online backup and restore, each verified with PRAGMA integrity_check.

#include "reable/error.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"
#include "storage_fixture.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace reable;
using reable::testing::error_of;
using reable::testing::StorageFixture;

TEST_CASE("a backup holds the data at the time it was taken and restores it")
{
    StorageFixture f;
    {
        auto work = f.db->write();
        f.add_client(*work, 0);
        work->commit();
    }
    const auto backup = f.scratch.path("backup.db");
    f.db->backup(backup);
    CHECK(std::filesystem::exists(backup));
    CHECK_FALSE(std::filesystem::exists(backup.string() + "-wal"));

    {
        auto work = f.db->write();
        f.add_client(*work, 1);
        work->commit();
    }
    CHECK(f.db->read()->clients().count() == 2);

    f.db->restore(backup);
    CHECK(f.db->read()->clients().count() == 1);
    // The restored database is fully usable and survives a reopen.
    {
        auto work = f.db->write();
        f.add_client(*work, 2);
        work->commit();
    }
    f.db.reset();
    auto reopened = storage_sqlite::open_current_sqlite(f.path);
    CHECK(reopened->read()->clients().count() == 2);
}

TEST_CASE("backup refuses to overwrite a file")
{
    StorageFixture f;
    const std::string existing = f.scratch.write("taken.db", "x");
    CHECK(error_of([&] { f.db->backup(existing); }) ==
          "conflict: the backup file " + existing + " already exists; choose a new file name");
}

TEST_CASE("restore refuses a missing, foreign or damaged file and leaves the database as it was")
{
    StorageFixture f;
    {
        auto work = f.db->write();
        f.add_client(*work, 0);
        work->commit();
    }
    const auto missing = f.scratch.path("missing.db");
    CHECK(error_of([&] { f.db->restore(missing); }) ==
          "not_found: the backup file " + missing.string() + " does not exist");

    const auto foreign = f.scratch.path("foreign.db");
    reable::testing::raw_sql(foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    CHECK(error_of([&] { f.db->restore(foreign); }) ==
          "precondition_failed: " + foreign.string() + " is not a Reable database");

    // A backup with pages overwritten in the middle.
    const auto damaged = f.scratch.path("damaged.db");
    f.db->backup(damaged);
    {
        std::fstream file(damaged, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(4096 * 3);
        const std::string garbage(4096 * 2, '\x5a');
        file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    CHECK(error_of([&] { f.db->restore(damaged); }) != "no error");

    CHECK(f.db->read()->clients().count() == 1);
}
