// Benchmark (not a test; run with `cmake --build build --target bench`): logging sessions through
// the core services against raw sqlite3 prepared-statement inserts of the same rows, in the same
// run, on the same schema and settings (WAL, synchronous=FULL, one transaction each).
// Goal: the services reach at least 0.5x the raw rows per second.

#include "reable/app/client_service.hpp"
#include "reable/app/demo_seed.hpp"
#include "reable/app/protocol_set.hpp"
#include "reable/app/organisation_service.hpp"
#include "reable/app/session_service.hpp"
#include "reable/domain/bsn.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

using namespace reable;

namespace {

constexpr int k_trajectories = 1000;
constexpr int k_days = 250;  // x 4 members = 1000 sessions per trajectory

const FixedClock k_clock{*calendar::parse_iso_date("2026-11-23")};

/// A migrated database with one team of four members and k_trajectories clients, each with a trajectory.
std::unique_ptr<storage::Database> prepared_database(const std::filesystem::path& path)
{
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    auto db = storage_sqlite::open_sqlite(path, {.create = true});
    db->migrate();
    auto work = db->write();
    app::register_municipality(*work, "GM0014", "Groningen", {"Oost"});
    const auto team = app::add_team(*work, "GM0014", "Team Oost");
    for (const char* d : {"ergotherapist", "physiotherapist", "household_helper", "social_worker"})
        app::add_member(*work, team.value, std::string("member ") + d, d);
    long candidate = 100000000;
    for (int i = 0; i < k_trajectories; ++i) {
        while (domain::Bsn::problem(std::to_string(++candidate))) {
        }
        app::ClientInput c;
        c.bsn = std::to_string(candidate);
        c.name = "client " + std::to_string(i);
        c.birth_date = "1940-05-01";
        c.sex = i % 2 ? "male" : "female";
        c.municipality = "GM0014";
        c.area = "Oost";
        domain::Trajectory t;
        t.client = app::add_client(*work, k_clock, c);
        t.template_id = "groningen-14w-2y";
        t.template_version = "1.0.0";
        t.start = *calendar::parse_iso_date("2024-01-01");
        t.state = domain::TrajectoryState::training;
        work->trajectories().add(t);
    }
    work->commit();
    return db;
}

std::vector<app::SessionInput> session_rows()
{
    std::vector<app::SessionInput> rows;
    rows.reserve(static_cast<std::size_t>(k_trajectories) * k_days * 4);
    const calendar::Date start = *calendar::parse_iso_date("2024-01-01");
    for (int t = 1; t <= k_trajectories; ++t)
        for (int d = 0; d < k_days; ++d)
            for (int m = 1; m <= 4; ++m) {
                app::SessionInput in;
                in.trajectory = t;
                in.member = m;
                in.date = calendar::format_iso_date(start + date::days(d));
                in.minutes = "45";
                in.kind = "training";
                in.activities = {"opstaan uit stoel", "traplopen"};
                in.notes = "goed gegaan";
                rows.push_back(std::move(in));
            }
    return rows;
}

double seconds_since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// The same rows with the sqlite3 C API: one prepared statement, bound and stepped per row.
double raw_inserts(const std::filesystem::path& path, const std::vector<app::SessionInput>& rows)
{
    prepared_database(path).reset();
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
                 "PRAGMA cache_size = -65536", nullptr,
                 nullptr, nullptr);
    const char* disciplines[] = {"", "ergotherapist", "physiotherapist", "household_helper", "social_worker"};
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO session (trajectory_id, member_id, discipline, session_date, minutes, kind, "
                       "attendance, absence_reason, activities, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       -1, &insert, nullptr);
    const auto t0 = std::chrono::steady_clock::now();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (const app::SessionInput& r : rows) {
        const std::string activities = r.activities[0] + "\n" + r.activities[1];
        sqlite3_bind_int64(insert, 1, r.trajectory);
        sqlite3_bind_int64(insert, 2, r.member);
        sqlite3_bind_text(insert, 3, disciplines[r.member], -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 4, r.date.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(insert, 5, std::stoi(r.minutes));
        sqlite3_bind_text(insert, 6, r.kind.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 7, r.attendance.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 8, "", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 9, activities.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 10, r.notes.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(insert) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
        sqlite3_reset(insert);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double elapsed = seconds_since(t0);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return elapsed;
}

/// The same rows through app::log_session: every rule checked, one unit of work.
double service_inserts(const std::filesystem::path& path, const std::vector<app::SessionInput>& rows)
{
    auto db = prepared_database(path);
    const auto t0 = std::chrono::steady_clock::now();
    auto work = db->write();
    for (const app::SessionInput& r : rows) app::log_session(*work, k_clock, r);
    work->commit();
    return seconds_since(t0);
}

/// Seeds `clients` clients with complete two-year trajectories through the services; returns seconds.
double seed_cohort(const std::filesystem::path& path, int clients, app::SeedSummary& summary)
{
    std::filesystem::remove(path);
    auto db = storage_sqlite::open_sqlite(path, {.create = true});
    db->migrate();
    const protocol::Registry registry = app::load_registry(REABLE_SOURCE_PROTOCOLS_DIR);
    const auto t0 = std::chrono::steady_clock::now();
    summary = app::seed_demo(*db, registry, k_clock, {.clients = clients, .seed = 7, .complete_only = true});
    return seconds_since(t0);
}

/// Every table of a Reable database, parents before children.
constexpr const char* k_tables[] = {"municipality",   "area",        "team",          "member",
                                    "client",         "client_identity", "informal_carer", "melding",
                                    "trajectory",     "trajectory_member", "trajectory_transition", "copm_goal",
                                    "copm_rating",    "session",     "session_goal",  "signal",
                                    "test_result"};

/// Inserts every row of `from` into a fresh database with raw sqlite3 prepared statements, one
/// transaction, the same settings: "raw inserts of the same rows" as the seed wrote. The rows are
/// read into memory first; only the inserts are timed. Returns seconds; `rows` gets the count.
double raw_copy(const std::filesystem::path& from, const std::filesystem::path& to, std::size_t& rows)
{
    std::filesystem::remove(to);
    storage_sqlite::open_sqlite(to, {.create = true})->migrate();
    sqlite3* src = nullptr;
    sqlite3_open(from.c_str(), &src);
    std::vector<std::pair<std::string, std::vector<std::vector<sqlite3_value*>>>> tables;
    rows = 0;
    for (const char* table : k_tables) {
        sqlite3_stmt* select = nullptr;
        sqlite3_prepare_v2(src, (std::string("SELECT * FROM ") + table).c_str(), -1, &select, nullptr);
        auto& [name, data] = tables.emplace_back(table, std::vector<std::vector<sqlite3_value*>>{});
        while (sqlite3_step(select) == SQLITE_ROW) {
            std::vector<sqlite3_value*> row;
            for (int c = 0; c < sqlite3_column_count(select); ++c) row.push_back(sqlite3_value_dup(sqlite3_column_value(select, c)));
            data.push_back(std::move(row));
        }
        rows += data.size();
        sqlite3_finalize(select);
    }
    sqlite3_close(src);

    sqlite3* db = nullptr;
    sqlite3_open(to.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
                 "PRAGMA cache_size = -65536", nullptr, nullptr, nullptr);
    const auto t0 = std::chrono::steady_clock::now();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (auto& [name, data] : tables) {
        if (data.empty()) continue;
        std::string sql = "INSERT INTO " + name + " VALUES (?";
        for (std::size_t c = 1; c < data.front().size(); ++c) sql += ", ?";
        sqlite3_stmt* insert = nullptr;
        sqlite3_prepare_v2(db, (sql + ")").c_str(), -1, &insert, nullptr);
        for (const auto& row : data) {
            for (std::size_t c = 0; c < row.size(); ++c) sqlite3_bind_value(insert, static_cast<int>(c) + 1, row[c]);
            if (sqlite3_step(insert) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double elapsed = seconds_since(t0);
    sqlite3_close(db);
    for (auto& [name, data] : tables)
        for (auto& row : data)
            for (sqlite3_value* v : row) sqlite3_value_free(v);
    return elapsed;
}

}  // namespace

/// Optional argument: the number of clients to seed (default 10,000); "--seed-only" skips the
/// one-million-session part.
int main(int argc, char** argv)
{
    const int seed_clients = argc > 1 ? std::atoi(argv[1]) : 10000;
    const bool seed_only = argc > 2 && std::string(argv[2]) == "--seed-only";
    const auto dir = std::filesystem::temp_directory_path() / "reable-bench";
    std::filesystem::create_directories(dir);
    if (!seed_only) {
    const std::vector<app::SessionInput> rows = session_rows();
    const double n = static_cast<double>(rows.size());

    const double raw = raw_inserts(dir / "raw.db", rows);
    const double services = service_inserts(dir / "services.db", rows);
    std::printf("Logging %zu sessions in one transaction (WAL, synchronous=FULL):\n", rows.size());
    std::printf("  raw sqlite3 prepared inserts   %10.0f rows/s  (%.2f s)\n", n / raw, raw);
    std::printf("  core services (log_session)    %10.0f rows/s  (%.2f s)  = %.2fx raw (goal: >= 0.5x)\n",
                n / services, services, raw / services);
    }

    app::SeedSummary seeded;
    const double seeding = seed_cohort(dir / "seed.db", seed_clients, seeded);
    std::size_t seeded_rows = 0;
    const double raw_seed = raw_copy(dir / "seed.db", dir / "seed-raw.db", seeded_rows);
    const double r = static_cast<double>(seeded_rows);
    std::printf("Seeding %d clients with complete trajectories (%d sessions, %d test results, %d goals, %d "
                "signals; %zu rows in all):\n",
                seed_clients, seeded.sessions, seeded.tests, seeded.goals, seeded.signals, seeded_rows);
    std::printf("  raw sqlite3 prepared inserts of the same rows %10.0f rows/s  (%.2f s)\n", r / raw_seed, raw_seed);
    std::printf("  core services (demo seed)                     %10.0f rows/s  (%.2f s)  = %.2fx raw (goal: >= 0.5x)\n",
                r / seeding, seeding, raw_seed / seeding);
    std::filesystem::remove_all(dir);
    return 0;
}
