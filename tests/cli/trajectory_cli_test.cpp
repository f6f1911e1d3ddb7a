// Trajectories, test results, goals, the schedule and the demo seed through the real binary.

#include "run_cli.hpp"
#include "support/scratch.hpp"

#include <doctest/doctest.h>

using reable::testing::CliResult;
using reable::testing::run_cli;
using reable::testing::Scratch;

namespace {

struct Cohort {
    Scratch scratch;
    std::string db = scratch.path("reable.db").string();
    CliResult run(std::vector<std::string> args, const std::string& input = "") const
    {
        args.insert(args.end(), {"--db", db, "--today", "2026-02-19"});
        return run_cli(args, input);
    }
    Cohort()
    {
        REQUIRE(run({"db", "migrate"}).exit_code == 0);
        REQUIRE(run({"municipality", "add", "GM0014", "Groningen", "--area", "Beijum"}).exit_code == 0);
        REQUIRE(run({"team", "add", "WIJ Oost", "--municipality", "GM0014"}).exit_code == 0);
        REQUIRE(run({"team", "member", "add", "1", "Fenna", "--discipline", "physiotherapist"}).exit_code == 0);
        REQUIRE(run({"team", "member", "add", "1", "Sanne", "--discipline", "social_worker"}).exit_code == 0);
        REQUIRE(run({"client", "add", "--bsn", "123456782", "--name", "Mevr. A. Jansen", "--birth-date", "1941-03-12",
                     "--sex", "female", "--municipality", "GM0014", "--area", "Beijum"})
                    .exit_code == 0);
    }
};

}  // namespace

TEST_CASE("a trajectory from start to a recorded test, shown with its occasions and adherence")
{
    const Cohort c;
    const auto started = c.run({"trajectory", "start", "--client", "1", "--template", "groningen-14w-2y", "--start",
                                "2026-01-01", "--member", "1", "--member", "2"});
    CHECK(started.exit_code == 0);
    CHECK(started.out == "trajectory 1 started on 2026-01-01 (state referred)\n");
    CHECK(c.run({"trajectory", "move", "1", "intake", "--date", "2026-01-01"}).exit_code == 0);

    const auto illegal = c.run({"trajectory", "move", "1", "follow_up", "--date", "2026-01-02"});
    CHECK(illegal.exit_code == 75);
    CHECK(illegal.err == "reable: a trajectory in state intake cannot move to follow_up; allowed: training, closed, "
                         "dropped_out\n");

    const auto recorded = c.run({"test", "record", "--trajectory", "1", "--member", "1", "--occasion", "intake",
                                 "--instrument", "tug", "--date", "2026-01-02", "time=14.02"});
    CHECK(recorded.exit_code == 0);
    CHECK(recorded.out == "recorded tug 1.0.0 at intake; total 14.02 s\n");

    const auto wrong = c.run({"test", "record", "--trajectory", "1", "--member", "2", "--occasion", "intake",
                              "--instrument", "tug", "--date", "2026-01-02", "time=14.02"});
    CHECK(wrong.exit_code == 65);
    CHECK(wrong.err == "reable: member: a social_worker may not record tug at intake; allowed: physiotherapist\n");

    CHECK(c.run({"session", "log", "--trajectory", "1", "--member", "1", "--date", "2026-01-08", "--minutes", "45"})
              .exit_code == 0);
    const auto show = c.run({"trajectory", "show", "1"});
    CHECK(show.exit_code == 0);
    CHECK(show.out.find("intake    2026-01-01  2025-12-18 to 2026-01-07  done (1 days)  tug") != std::string::npos);
    CHECK(show.out.find("physiotherapist  1 of 8  13%") != std::string::npos);
    CHECK(show.out.find("2026-01-01  referred → intake") != std::string::npos);

    const auto agenda = c.run({"schedule", "--member", "1", "--from", "2026-02-16", "--to", "2026-02-22"});
    CHECK(agenda.out.find("2026-02-19  Fenna   Mevr. A. Jansen  1           training, 45 min") != std::string::npos);

    const auto dropout = c.run({"trajectory", "dropout", "1", "--date", "2026-02-01"});
    CHECK(dropout.exit_code == 64);  // --reason is required
    CHECK(c.run({"trajectory", "dropout", "1", "--date", "2026-02-01", "--reason", "verhuisd"}).exit_code == 0);
}

TEST_CASE("reable demo seed fills an empty database and refuses a second time")
{
    const Scratch scratch;
    const std::string db = scratch.path("demo.db").string();
    REQUIRE(run_cli({"db", "migrate", "--db", db}).exit_code == 0);
    const auto seeded = run_cli({"demo", "seed", "--clients", "20", "--seed", "3", "--db", db, "--today", "2026-11-23"});
    CHECK(seeded.exit_code == 0);
    CHECK(seeded.out.rfind("seeded 20 clients, 20 meldingen, 20 trajectories (", 0) == 0);
    CHECK(seeded.out.find(" decisions (seed 3, today 2026-11-23)") != std::string::npos);
    const auto again = run_cli({"demo", "seed", "--clients", "20", "--db", db});
    CHECK(again.exit_code == 75);
    CHECK(run_cli({"signal", "list", "--db", db}).exit_code == 0);
}
