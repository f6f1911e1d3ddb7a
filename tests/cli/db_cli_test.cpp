// `reable db …` through the real binary on real database files.

#include "run_cli.hpp"
#include "support/scratch.hpp"

#include <doctest/doctest.h>

using reable::testing::run_cli;
using reable::testing::Scratch;

TEST_CASE("reable db migrate creates the database, status reports it, a second migrate does nothing")
{
    const Scratch scratch;
    const std::string db = scratch.path("reable.db").string();

    const auto missing = run_cli({"db", "status", "--db", db});
    CHECK(missing.exit_code == 66);
    CHECK(missing.err == "reable: the database " + db + " does not exist; create it with `reable db migrate --db " +
                             db + "`\n");

    const auto first = run_cli({"db", "migrate", "--db", db});
    CHECK(first.exit_code == 0);
    CHECK(first.out == db + ": applied 7 migrations; schema version 7\n");
    const auto again = run_cli({"db", "migrate", "--db", db});
    CHECK(again.out == db + ": already at schema version 7; nothing to do\n");

    const auto status = run_cli({"db", "status"}, "", {"REABLE_DB=" + db});
    CHECK(status.exit_code == 0);
    CHECK(status.out.find("Schema version  7 of 7 (up to date)") != std::string::npos);
    CHECK(status.out.find("applied  0002_trajectories_and_sessions") != std::string::npos);
    CHECK(status.out.find("applied  0003_onderzoek_and_decisions") != std::string::npos);
    CHECK(status.out.find("applied  0004_users_tokens_audit") != std::string::npos);
}

TEST_CASE("the database path comes from --db, else REABLE_DB, else the configuration file")
{
    const Scratch scratch;
    const std::string config = scratch.write("conf/reable.json", R"({"database": "data.db"})");
    const auto created = run_cli({"db", "migrate", "--config", config});
    CHECK(created.exit_code == 0);
    CHECK(std::filesystem::exists(scratch.path("conf/data.db")));  // relative to the configuration file

    const std::string bad = scratch.write("bad.json", R"({"database": 3, "colour": "red"})");
    const auto refused = run_cli({"db", "status", "--config", bad});
    CHECK(refused.exit_code == 65);
    CHECK(refused.err.find(bad + "#/database: must be a string") != std::string::npos);
    CHECK(refused.err.find(bad + "#/colour: unknown field; known: database, protocols, durability") !=
          std::string::npos);
}

TEST_CASE("reable db backup and restore, with the safeguards a user expects")
{
    const Scratch scratch;
    const std::string db = scratch.path("reable.db").string();
    const std::string copy = scratch.path("backup.db").string();
    REQUIRE(run_cli({"db", "migrate", "--db", db}).exit_code == 0);

    const auto backup = run_cli({"db", "backup", copy, "--db", db});
    CHECK(backup.exit_code == 0);
    CHECK(backup.out == "backed up " + db + " to " + copy + " (integrity check: ok)\n");

    const auto overwrite = run_cli({"db", "backup", copy, "--db", db});
    CHECK(overwrite.exit_code == 75);
    CHECK(overwrite.err == "reable: the backup file " + copy + " already exists; choose a new file name\n");

    const auto unconfirmed = run_cli({"db", "restore", copy, "--db", db});
    CHECK(unconfirmed.exit_code == 75);
    CHECK(unconfirmed.err.find("add --yes to confirm") != std::string::npos);

    const auto restored = run_cli({"db", "restore", copy, "--yes", "--db", db});
    CHECK(restored.exit_code == 0);
    CHECK(restored.out == "restored " + db + " from " + copy + " (integrity check: ok)\n");

    const std::string text = scratch.write("not-a-database.db", "hello");
    const auto garbage = run_cli({"db", "restore", text, "--yes", "--db", db});
    CHECK(garbage.exit_code == 74);
}
