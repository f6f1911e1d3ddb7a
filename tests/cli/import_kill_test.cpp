// A process killed in the middle of an import leaves the database intact and without any of the
// partial import: the import is one transaction, and SQLite's WAL discards an uncommitted one.

#include "reable/storage_sqlite/sqlite_database.hpp"
#include "run_cli.hpp"
#include "storage/storage_fixture.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

using namespace reable;

namespace {

/// Sessions for one trajectory: every day from 1985 for four members and five kinds, all valid.
std::string big_csv(const reable::testing::Scratch& scratch, int days)
{
    const auto path = scratch.path("big.csv");
    std::ofstream out(path);
    out << "trajectory,member,date,minutes,kind,activities\n";
    const char* kinds[] = {"training", "assessment", "home_visit", "phone", "team_meeting"};
    calendar::Date d = *calendar::parse_iso_date("1985-01-01");
    for (int i = 0; i < days; ++i, d += date::days(1))
        for (int member = 1; member <= 4; ++member)
            for (const char* kind : kinds)
                out << "1," << member << ',' << calendar::format_iso_date(d) << ",45," << kind << ",oefenen\n";
    return path.string();
}

}  // namespace

TEST_CASE("killing reable in the middle of an import leaves the database intact and unchanged")
{
    reable::testing::StorageFixture f;
    {
        auto work = f.db->write();
        domain::Trajectory t;
        t.client = f.add_client(*work);
        t.template_id = "groningen-14w-2y";
        t.template_version = "1.0.0";
        t.start = *calendar::parse_iso_date("1985-01-01");
        work->trajectories().add(t);
        work->commit();
    }
    f.db.reset();
    const std::string csv = big_csv(f.scratch, 15000);  // 300,000 rows
    const std::string wal = f.path.string() + "-wal";
    const auto wal_size = [&] { return std::filesystem::exists(wal) ? std::filesystem::file_size(wal) : 0; };
    const auto wal_before = wal_size();

    std::vector<std::string> args{REABLE_CLI_PATH, "--db", f.path.string(), "--today", "2026-11-23",
                                  "import",        "sessions", csv};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, REABLE_CLI_PATH, nullptr, nullptr, argv.data(), environ) == 0);

    // Wait until the import has written several megabytes of uncommitted pages, then kill it.
    bool killed = false;
    for (int i = 0; i < 20000; ++i) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) break;  // finished before it could be killed
        if (wal_size() > wal_before + 4'000'000) {
            ::kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE_MESSAGE(killed, "the import ended before it could be killed; make the file bigger");

    // Reopening recovers from the WAL: the database checks out and has none of the import.
    auto db = storage_sqlite::open_current_sqlite(f.path);
    reable::testing::raw_sql(f.path, "PRAGMA integrity_check");
    CHECK(db->read()->sessions().count() == 0);
    db.reset();
    const auto check = reable::testing::run_cli({"db", "backup", f.scratch.path("after.db").string(), "--db",
                                                 f.path.string()});
    CHECK(check.out.find("(integrity check: ok)") != std::string::npos);
}
