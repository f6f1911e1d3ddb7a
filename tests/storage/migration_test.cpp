// Migrations, schema status and the checks made on opening a database, on real SQLite files.

#include "reable/error.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"
#include "storage_fixture.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

using namespace reable;
using reable::testing::error_of;
using reable::testing::raw_sql;
using reable::testing::Scratch;

namespace {

std::string pragma(const std::filesystem::path& path, const std::string& name)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &s, nullptr);
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

}  // namespace

TEST_CASE("migrating an empty database applies every migration in order, once")
{
    Scratch scratch;
    const auto path = scratch.path("new.db");
    auto db = storage_sqlite::open_sqlite(path, {.create = true});

    storage::SchemaStatus before = db->status();
    CHECK(before.version == 0);
    CHECK(before.latest == 7);
    CHECK(before.pending == std::vector<std::string>{"0001_organisation_and_clients", "0002_trajectories_and_sessions",
                                                     "0003_onderzoek_and_decisions", "0004_users_tokens_audit",
                                                     "0005_signal_trajectory_index", "0006_export_facts",
                                                     "0007_melding_deadline_order"});

    CHECK(db->migrate() == 7);
    storage::SchemaStatus after = db->status();
    CHECK(after.version == 7);
    CHECK(after.pending.empty());
    REQUIRE(after.applied.size() == 7);
    CHECK(after.applied[0].name == "0001_organisation_and_clients");
    CHECK(after.applied[1].version == 2);
    CHECK(after.applied[1].applied_at.size() == 20);  // 2026-11-23T15:40:05Z
    CHECK(after.applied[2].name == "0003_onderzoek_and_decisions");
    CHECK(after.applied[3].name == "0004_users_tokens_audit");
    CHECK(after.applied[4].name == "0005_signal_trajectory_index");
    CHECK(after.applied[5].name == "0006_export_facts");
    CHECK(after.applied[6].name == "0007_melding_deadline_order");

    CHECK(db->migrate() == 0);
    db.reset();
    CHECK(pragma(path, "journal_mode") == "wal");
    CHECK(pragma(path, "user_version") == "7");
}

TEST_CASE("opening sets WAL, foreign keys and full durability")
{
    reable::testing::StorageFixture f;
    auto work = f.db->write();
    // A foreign key to a missing area is refused: foreign keys are on.
    domain::Client c;
    c.birth_date = *calendar::parse_iso_date("1940-01-01");
    c.area = domain::AreaId{999};
    CHECK(error_of([&] { work->clients().add(c, {domain::Bsn::parse("123456782"), "X"}); })
              .rfind("conflict: writing to the database: FOREIGN KEY constraint failed", 0) == 0);
}

TEST_CASE("a database of the previous schema is migrated with its data intact")
{
    Scratch scratch;
    const auto path = scratch.path("saved.db");
    std::filesystem::copy_file(REABLE_TEST_DATA_DIR "/reable-schema-1.db", path);

    CHECK(error_of([&] { storage_sqlite::open_current_sqlite(path); }) ==
          "precondition_failed: the database " + path.string() +
              " has schema version 1 of 7; run `reable db migrate --db " + path.string() + "`");

    auto db = storage_sqlite::open_sqlite(path);
    CHECK(db->status().pending ==
          std::vector<std::string>{"0002_trajectories_and_sessions", "0003_onderzoek_and_decisions",
                                   "0004_users_tokens_audit", "0005_signal_trajectory_index",
                                   "0006_export_facts", "0007_melding_deadline_order"});
    CHECK(db->migrate() == 6);
    CHECK(db->status().version == 7);

    auto work = db->write();
    const auto client = work->clients().find(domain::ClientId{1});
    REQUIRE(client);
    CHECK(calendar::format_iso_date(client->birth_date) == "1941-03-12");
    REQUIRE(client->carers.size() == 1);
    CHECK(client->carers[0].relationship == "daughter");
    CHECK(work->clients().identity(domain::ClientId{1})->name == "Mevr. A. Jansen");
    CHECK(work->clients().meldingen(domain::ClientId{1}).size() == 1);
    // The new tables work on the migrated database, against the data it held.
    CHECK(work->trajectories().for_client(domain::ClientId{1}).empty());
    CHECK_FALSE(work->decisions().latest_findings(domain::ClientId{1}).has_value());
    domain::OnderzoekFindings findings;
    findings.client = domain::ClientId{1};
    findings.recorded_on = *calendar::parse_iso_date("2026-03-02");
    const domain::OnderzoekId found = work->decisions().add_findings(findings);
    CHECK(work->decisions().latest_findings(domain::ClientId{1})->id == found);
    domain::RecordedDecision decision;
    decision.client = domain::ClientId{1};
    decision.melding = work->clients().meldingen(domain::ClientId{1}).at(0).id;
    decision.decided_on = *calendar::parse_iso_date("2026-03-09");
    decision.inputs_json = "{}";
    decision.result_json = "{}";
    work->decisions().add(decision);
    CHECK(work->decisions().count() == 1);
}

TEST_CASE("a database newer than the program is refused")
{
    Scratch scratch;
    const auto path = scratch.path("future.db");
    storage_sqlite::open_sqlite(path, {.create = true})->migrate();
    raw_sql(path, "PRAGMA user_version = 8");
    CHECK(error_of([&] { storage_sqlite::open_sqlite(path); }) ==
          "precondition_failed: " + path.string() +
              " has schema version 8, newer than this program's 7; use a newer version of Reable");
}

TEST_CASE("a file that is not a Reable database is refused, and a missing one is not created")
{
    Scratch scratch;
    const auto other = scratch.path("other.db");
    raw_sql(other, "CREATE TABLE t (x)");
    CHECK(error_of([&] { storage_sqlite::open_sqlite(other); }) ==
          "precondition_failed: " + other.string() + " is not a Reable database");

    const auto missing = scratch.path("missing.db");
    CHECK(error_of([&] { storage_sqlite::open_sqlite(missing); }) ==
          "not_found: the database " + missing.string() + " does not exist; create it with `reable db migrate --db " +
              missing.string() + "`");
    CHECK_FALSE(std::filesystem::exists(missing));
}

TEST_CASE("a failing migration leaves the schema version where it was")
{
    Scratch scratch;
    const auto path = scratch.path("blocked.db");
    // A version-1 database with a table in the way of migration 2.
    std::filesystem::copy_file(REABLE_TEST_DATA_DIR "/reable-schema-1.db", path);
    raw_sql(path, "CREATE TABLE trajectory (x)");
    auto db = storage_sqlite::open_sqlite(path);
    CHECK(error_of([&] { db->migrate(); })
              .rfind("storage_failure: migration 0002_trajectories_and_sessions failed and was rolled back: ", 0) == 0);
    CHECK(db->status().version == 1);
    CHECK(db->status().applied.size() == 1);
}
