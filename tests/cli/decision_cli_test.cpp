// The access team's decision through the real binary: findings, the decision with its
// beschikking draft, the record, and every refusal leaving the database as it was.

#include "run_cli.hpp"
#include "support/scratch.hpp"

#include <doctest/doctest.h>

using reable::testing::CliResult;
using reable::testing::parse_json;
using reable::testing::run_cli;
using reable::testing::Scratch;

namespace {

/// A 84-year-old living alone with two rooms beyond the basis set, in a referred Groningen
/// trajectory with an intake SPPB of 7, on 2026-02-19.
struct Access {
    Scratch scratch;
    std::string db = scratch.path("reable.db").string();
    CliResult run(std::vector<std::string> args) const
    {
        args.insert(args.end(), {"--db", db, "--today", "2026-02-19"});
        return run_cli(args);
    }
    Access()
    {
        REQUIRE(run({"db", "migrate"}).exit_code == 0);
        REQUIRE(run({"municipality", "add", "GM0014", "Groningen", "--area", "Beijum"}).exit_code == 0);
        REQUIRE(run({"team", "add", "WIJ Oost", "--municipality", "GM0014"}).exit_code == 0);
        REQUIRE(run({"team", "member", "add", "1", "Fenna", "--discipline", "physiotherapist"}).exit_code == 0);
        REQUIRE(run({"client",         "add",        "--bsn",       "123456782", "--name",           "Mevr. A. Jansen",
                     "--birth-date",   "1941-03-12", "--sex",       "female",    "--municipality",   "GM0014",
                     "--area",         "Beijum",     "--household", "couple",    "--household-size", "2",
                     "--rooms-in-use", "1"})
                    .exit_code == 0);
        REQUIRE(run({"melding", "add", "1", "--received", "2026-02-02"}).exit_code == 0);
        REQUIRE(run({"trajectory", "start", "--client", "1", "--template", "groningen-14w-2y", "--start", "2026-02-09",
                     "--member", "1"})
                    .exit_code == 0);
        REQUIRE(run({"test", "record", "--trajectory", "1", "--member", "1", "--occasion", "intake", "--instrument",
                     "sppb", "--date", "2026-02-10", "balance_side_by_side=10", "balance_semi_tandem=10",
                     "balance_tandem=3", "gait_4m=5.5", "chair_stand_5x=15.5"})
                    .exit_code == 0);
    }
    std::string decisions() const { return run({"decision", "list", "1"}).out; }
};

}  // namespace

TEST_CASE("a decision needs the onderzoek findings first, and names what is missing")
{
    const Access a;
    const auto r = a.run({"decide", "1", "--policy", "groningen-precedence"});
    CHECK(r.exit_code == 75);
    CHECK(r.err == "reable: client 1 has no onderzoek findings; record them first (reable onderzoek record 1 …)\n"
                   "  missing: onderzoek findings\n");
}

TEST_CASE("reablement first under the college's policy, offered under the voluntary one, the record and its draft")
{
    const Access a;
    REQUIRE(a.run({"onderzoek", "record", "1", "--decline-since", "2026-01-05", "--household-goal", "--wait-days", "10",
                   "--limitation", "much"})
                .exit_code == 0);
    const auto dry = a.run({"decide", "1", "--policy", "groningen-voluntary", "--dry-run"});
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.find("reablement_offered") != std::string::npos);
    CHECK(dry.out.find("not recorded (dry run)") != std::string::npos);
    CHECK(a.decisions().find("groningen") == std::string::npos);  // a dry run records nothing

    const auto r = a.run({"decide", "1", "--policy", "groningen-precedence"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("  decision    1\n") == 0);
    CHECK(r.out.find("  outcome     reablement_first\n") != std::string::npos);
    CHECK(r.out.find("A9    sppb total = 8 (2026-02-10)") != std::string::npos);
    CHECK(r.out.find("[R-B-PRECEDENCE]") != std::string::npos);
    CHECK(r.out.find("Herbeoordeling aan het einde van het traject: 2026-05-28") != std::string::npos);
    CHECK(r.out.find("binnen 6 weken na de dag van verzending bezwaar") != std::string::npos);

    const auto json = parse_json(a.run({"decision", "show", "1", "--format", "json"}).out);
    CHECK(json->getValue<std::string>("outcome") == "reablement_first");
    CHECK(json->getObject("policy")->getValue<std::string>("version") == "1.0.0");
    CHECK(json->getObject("inputs")->getValue<int>("age") == 84);
    CHECK(json->getObject("inputs")->getObject("findings")->getValue<std::string>("limitation") == "much");
    CHECK(json->getObject("result")->getArray("trace")->size() > 10);
    CHECK(json->getValue<int>("melding") == 1);
}

TEST_CASE("household help in minutes per week with its beschikking and allocation: 233.5 rounded up to 235")
{
    const Access a;
    REQUIRE(a.run({"onderzoek", "record", "1", "--terminal", "--limitation", "much"}).exit_code == 0);
    const auto r = a.run({"decide", "1", "--policy", "groningen-precedence"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("235 minutes per week, band basis_plus1\n") != std::string::npos);
    CHECK(r.out.find("van 235 minuten per week.") != std::string::npos);
    CHECK(r.out.find("Normenkader: drechtsteden-2025 versie 1.0.0, band Basis+1") != std::string::npos);
    CHECK(r.out.find("Berekend: 233,5 minuten per week; vastgesteld: 235 minuten per week.") != std::string::npos);
    CHECK(r.out.find("Einddatum: 2027-02-18") != std::string::npos);
    CHECK(r.out.find("[R-A-TERMINAL]") != std::string::npos);
    const auto json = parse_json(a.run({"decision", "show", "1", "--format", "json"}).out);
    const auto allocation = json->getObject("result")->getObject("allocation");
    CHECK(allocation->getValue<std::string>("product_category") == "01");
    CHECK(allocation->getValue<int>("volume") == 235);
    CHECK(allocation->getValue<std::string>("unit") == "01");
    CHECK(allocation->getValue<std::string>("frequency") == "2");
    CHECK(allocation->getValue<std::string>("ends_on") == "2027-02-18");
    CHECK(a.run({"decision", "show", "1"}).out.find("CONCEPT-BESCHIKKING") != std::string::npos);
}

TEST_CASE("an override needs a written motivation, a refused request records nothing")
{
    const Access a;
    REQUIRE(a.run({"onderzoek", "record", "1", "--terminal"}).exit_code == 0);
    const auto bare = a.run({"decide", "1", "--policy", "groningen-precedence", "--minutes", "180"});
    CHECK(bare.exit_code == 65);
    CHECK(bare.err == "reable: motivation: required when overriding the computed outcome or minutes: write why (Awb "
                      "3:46, 4:84)\n");
    CHECK(a.decisions().find("groningen") == std::string::npos);

    const auto r = a.run({"decide", "1", "--policy", "groningen-precedence", "--minutes", "180", "--motivation",
                          "Mantelzorger valt weg; extra wasverzorging nodig."});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("180 minutes per week, band basis_plus1 (computed: 175)\n") != std::string::npos);
    CHECK(r.out.find("[R-OVERRIDE] De consulent is gemotiveerd afgeweken van de berekende uitkomst: Mantelzorger valt "
                     "weg") != std::string::npos);
}

TEST_CASE("bad input: unknown policy, contradictory findings, bad findings")
{
    const Access a;
    REQUIRE(a.run({"onderzoek", "record", "1", "--bedbound", "--wait-days", "3"}).exit_code == 0);
    const auto unknown = a.run({"decide", "1", "--policy", "utrecht"});
    CHECK(unknown.exit_code == 66);
    CHECK(unknown.err == "reable: unknown policy \"utrecht\"; known policies: gooi-vechtstreek, groningen-precedence, "
                         "groningen-voluntary\n");
    const auto contradiction = a.run({"decide", "1", "--policy", "groningen-precedence"});
    CHECK(contradiction.exit_code == 65);
    CHECK(contradiction.err ==
          "reable: contradictory inputs: the findings say bedbound, but sppb total was scored 8 on "
          "2026-02-10: a bedbound client cannot do that test\n");
    CHECK(a.decisions().find("groningen") == std::string::npos);
    CHECK(a.run({"melding", "list", "--client", "1"}).exit_code == 0);

    const auto bad = a.run({"onderzoek", "record", "1", "--cognitive-screen", "31", "--limitation", "lots"});
    CHECK(bad.exit_code == 65);
    CHECK(bad.err.find("cognitive_screen") != std::string::npos);
    CHECK(bad.err.find("\"lots\" is not allowed; allowed: none, some, much") != std::string::npos);
}
