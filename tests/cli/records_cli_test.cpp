// Municipalities, teams, clients, meldingen and sessions through the real binary on a real file.

#include "run_cli.hpp"
#include "support/scratch.hpp"

#include <doctest/doctest.h>

using reable::testing::CliResult;
using reable::testing::run_cli;
using reable::testing::Scratch;

namespace {

/// A migrated database with Groningen, one area, one team and a physiotherapist; every command
/// runs with a fixed today.
struct Records {
    Scratch scratch;
    std::string db = scratch.path("reable.db").string();
    Records()
    {
        REQUIRE(run({"db", "migrate"}).exit_code == 0);
        REQUIRE(run({"municipality", "add", "GM0014", "Groningen", "--area", "Oosterparkwijk"}).exit_code == 0);
        REQUIRE(run({"team", "add", "Team Oost", "--municipality", "GM0014"}).exit_code == 0);
        REQUIRE(run({"team", "member", "add", "1", "Fenna Bakker", "--discipline", "physiotherapist"}).exit_code == 0);
    }
    CliResult run(std::vector<std::string> args) const
    {
        args.insert(args.end(), {"--db", db, "--today", "2026-11-23"});
        return run_cli(args);
    }
    CliResult add_client(const std::string& bsn, const std::string& birth = "1941-03-12") const
    {
        return run({"client", "add", "--bsn", bsn, "--name", "Mevr. A. Jansen", "--birth-date", birth, "--sex",
                    "female", "--municipality", "GM0014", "--area", "Oosterparkwijk", "--carer", "daughter:6"});
    }
};

}  // namespace

TEST_CASE("client add, show and list, the BSN is shown masked")
{
    const Records r;
    const auto added = r.add_client("123456782");
    CHECK(added.exit_code == 0);
    CHECK(added.out == "client 1 added\n");

    const auto show = r.run({"client", "show", "1"});
    CHECK(show.exit_code == 0);
    CHECK(show.out.find("Client 1  Mevr. A. Jansen  (BSN *****6782)") != std::string::npos);
    CHECK(show.out.find("123456782") == std::string::npos);
    CHECK(show.out.find("1941-03-12 (age 85)") != std::string::npos);
    CHECK(show.out.find("daughter, 6 h/week") != std::string::npos);

    const auto list = r.run({"client", "list"});
    CHECK(list.out.find("Mevr. A. Jansen  85") != std::string::npos);

    CHECK(r.run({"client", "show", "7"}).exit_code == 66);
}

TEST_CASE("client add refuses bad input with every problem, exits 65 and writes nothing")
{
    const Records r;
    const auto bad = r.add_client("123456789", "2027-01-01");
    CHECK(bad.exit_code == 65);
    CHECK(bad.out.empty());
    CHECK(bad.err == "reable: 2 problems in the client\n"
                     "  bsn: the BSN fails the elfproef (check digit)\n"
                     "  birth_date: \"2027-01-01\" is in the future; the latest allowed date is 2026-11-23\n");
    CHECK(r.run({"client", "list"}).out.find("Jansen") == std::string::npos);

    REQUIRE(r.add_client("123456782").exit_code == 0);
    const auto duplicate = r.add_client("123456782");
    CHECK(duplicate.exit_code == 75);
    CHECK(duplicate.err == "reable: a client with this BSN is already registered (client 1)\n");
}

TEST_CASE("meldingen: deadlines are tracked and overdue ones reported")
{
    const Records r;
    REQUIRE(r.add_client("123456782").exit_code == 0);
    const auto added = r.run({"melding", "add", "1", "--received", "2026-09-01"});
    CHECK(added.out == "melding 1 registered; onderzoek due 2026-10-13\n");
    const auto overdue = r.run({"melding", "list", "--overdue"});
    CHECK(overdue.out.find("onderzoek due 2026-10-13 — OVERDUE by 41 days") != std::string::npos);
    CHECK(overdue.out.find("1 melding past a legal deadline on 2026-11-23") != std::string::npos);

    CHECK(r.run({"melding", "update", "1", "--onderzoek-done", "2026-10-10", "--aanvraag", "2026-10-12",
                 "--decided", "2026-10-20"})
              .exit_code == 0);
    const auto met = r.run({"melding", "list"});
    CHECK(met.out.find("beschikking due 2026-10-26, done 2026-10-20") != std::string::npos);
    CHECK(met.out.find("0 meldingen past a legal deadline") != std::string::npos);

    const auto wrong_order = r.run({"melding", "update", "1", "--decided", "2026-10-01"});
    CHECK(wrong_order.exit_code == 65);
    CHECK(wrong_order.err == "reable: decided_on: is before the aanvraag of 2026-10-12\n");
}

TEST_CASE("team commands name what is wrong")
{
    const Records r;
    const auto unknown = r.run({"team", "add", "Team Noord", "--municipality", "GM0363"});
    CHECK(unknown.exit_code == 65);
    CHECK(unknown.err == "reable: municipality: \"GM0363\" is not a registered municipality; known: GM0014\n");
    const auto discipline = r.run({"team", "member", "add", "1", "Piet", "--discipline", "nurse"});
    CHECK(discipline.exit_code == 65);
    CHECK(discipline.err == "reable: discipline: \"nurse\" is not allowed; allowed: ergotherapist, physiotherapist, "
                            "household_helper, social_worker\n");
    const auto show = r.run({"team", "show", "1"});
    CHECK(show.out.find("Fenna Bakker  physiotherapist  yes") != std::string::npos);
}
