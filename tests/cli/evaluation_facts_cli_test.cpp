// The minutes of household help asked for at a melding and the coded reason of a dropout or an
// early closure, through the real binary on a real file.

#include "run_cli.hpp"
#include "support/scratch.hpp"

#include <doctest/doctest.h>

using reable::testing::CliResult;
using reable::testing::run_cli;
using reable::testing::Scratch;

namespace {

constexpr const char* k_codes = "admission, care_home, deceased, health, motivation, moved, declined_further, other";

/// A migrated database with one team, one client and, on demand, a trajectory; today 19 February 2026.
struct Facts {
    Scratch scratch;
    std::string db = scratch.path("reable.db").string();
    CliResult run(std::vector<std::string> args) const
    {
        args.insert(args.end(), {"--db", db, "--today", "2026-02-19"});
        return run_cli(args);
    }
    Facts()
    {
        REQUIRE(run({"db", "migrate"}).exit_code == 0);
        REQUIRE(run({"municipality", "add", "GM0014", "Groningen", "--area", "Beijum"}).exit_code == 0);
        REQUIRE(run({"team", "add", "WIJ Oost", "--municipality", "GM0014"}).exit_code == 0);
        REQUIRE(run({"team", "member", "add", "1", "Fenna", "--discipline", "physiotherapist"}).exit_code == 0);
        REQUIRE(run({"client", "add", "--bsn", "123456782", "--name", "Mevr. A. Jansen", "--birth-date", "1941-03-12",
                     "--sex", "female", "--municipality", "GM0014", "--area", "Beijum"})
                    .exit_code == 0);
    }
    void start() const
    {
        REQUIRE(run({"trajectory", "start", "--client", "1", "--template", "groningen-14w-2y", "--start", "2026-01-01",
                     "--member", "1"})
                    .exit_code == 0);
    }
};

}  // namespace

TEST_CASE("melding add and update take --hh-minutes, and show and list print it")
{
    const Facts f;
    const auto added = f.run({"melding", "add", "1", "--received", "2025-12-10", "--hh-minutes", "180"});
    CHECK(added.exit_code == 0);
    CHECK(added.out == "melding 1 registered; onderzoek due 2026-01-21\n");
    CHECK(f.run({"melding", "add", "1", "--received", "2025-12-11"}).exit_code == 0);

    const auto list = f.run({"melding", "list"});
    CHECK(list.out.find("2025-12-10  180 min/week") != std::string::npos);
    CHECK(list.out.find("2025-12-11  -  ") != std::string::npos);
    const auto show = f.run({"client", "show", "1"});
    CHECK(show.out.find("Melding 1 received 2025-12-10, 180 min/week of household help asked for\n") !=
          std::string::npos);
    CHECK(show.out.find("Melding 2 received 2025-12-11\n") != std::string::npos);

    CHECK(f.run({"melding", "update", "2", "--hh-minutes", "95"}).exit_code == 0);
    CHECK(f.run({"client", "show", "1"}).out.find("Melding 2 received 2025-12-11, 95 min/week") != std::string::npos);

    const auto help = f.run({"melding", "add", "--help"});
    CHECK(help.out.find("minutes of household help per week asked for") != std::string::npos);
}

TEST_CASE("a bad --hh-minutes exits 65 naming the field, the value and the range, and writes nothing")
{
    const Facts f;
    for (const char* value : {"0", "10081", "ninety", "90.5"}) {
        CAPTURE(value);
        const auto bad = f.run({"melding", "add", "1", "--received", "2025-12-10", "--hh-minutes", value});
        CHECK(bad.exit_code == 65);
        CHECK(bad.out.empty());
        CHECK(bad.err.find("hh_minutes_requested: ") != std::string::npos);
        CHECK(bad.err.find(value) != std::string::npos);
        CHECK(bad.err.find("allowed: 1 to 10080") != std::string::npos);
    }
    CHECK(f.run({"melding", "add", "1", "--received", "2025-12-10", "--hh-minutes", "0"}).err ==
          "reable: hh_minutes_requested: 0 is not allowed; allowed: 1 to 10080\n");
    CHECK(f.run({"melding", "list"}).out.find("0 meldingen past a legal deadline") != std::string::npos);
    CHECK(f.run({"client", "show", "1"}).out.find("Melding") == std::string::npos);
}

TEST_CASE("trajectory dropout and close take --reason-code, and show prints it")
{
    const Facts f;
    f.start();
    SUBCASE("a dropout")
    {
        CHECK(f.run({"trajectory", "move", "1", "intake", "--date", "2026-01-01"}).exit_code == 0);
        CHECK(f.run({"trajectory", "dropout", "1", "--date", "2026-02-01", "--reason", "verhuisd naar Assen",
                     "--reason-code", "moved"})
                  .exit_code == 0);
        const auto show = f.run({"trajectory", "show", "1"});
        CHECK(show.out.find("state dropped_out on 2026-02-01 (dropout, moved: verhuisd naar Assen)") !=
              std::string::npos);
    }
    SUBCASE("an early closure")
    {
        CHECK(f.run({"trajectory", "close", "1", "--date", "2026-01-05", "--reason", "opgenomen", "--reason-code",
                     "admission"})
                  .exit_code == 0);
        CHECK(f.run({"trajectory", "show", "1"}).out.find("(early, admission: opgenomen)") != std::string::npos);
    }
    SUBCASE("no code: the free-text reason alone, as before")
    {
        CHECK(f.run({"trajectory", "dropout", "1", "--date", "2026-01-05", "--reason", "wil niet"}).exit_code == 0);
        CHECK(f.run({"trajectory", "show", "1"}).out.find("(dropout: wil niet)") != std::string::npos);
    }
    const auto help = f.run({"trajectory", "dropout", "--help"});
    CHECK(help.out.find(k_codes) != std::string::npos);
    CHECK(f.run({"trajectory", "close", "--help"}).out.find(k_codes) != std::string::npos);
}

TEST_CASE("an unknown --reason-code exits 65 listing the codes, and the trajectory stays as it was")
{
    const Facts f;
    f.start();
    const auto bad =
        f.run({"trajectory", "dropout", "1", "--date", "2026-01-05", "--reason", "ziek", "--reason-code", "sick"});
    CHECK(bad.exit_code == 65);
    CHECK(bad.err == std::string("reable: reason_code: \"sick\" is not allowed; allowed: ") + k_codes + "\n");
    CHECK(f.run({"trajectory", "show", "1"}).out.find("state referred\n") != std::string::npos);
}
