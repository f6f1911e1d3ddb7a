// `reable protocols list | show | validate` with trajectory templates: the real binary, end to end.

#include "run_cli.hpp"
#include "support/scratch.hpp"
#include "support/trajectory_text.hpp"

#include <doctest/doctest.h>

using reable::testing::parse_json;
using reable::testing::run_cli;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("protocols list shows the trajectory templates in their own section, and in JSON")
{
    const auto list = run_cli({"protocols", "list"});
    CHECK(list.exit_code == 0);
    CHECK(list.out.rfind("Instruments\n", 0) == 0);
    CHECK(contains(list.out, "\nTrajectory templates\n"));
    CHECK(contains(list.out, "groningen-14w-2y     1.0.0    Groningen: reablement, 14-week training and two-year "
                             "follow-up"));
    CHECK(contains(list.out, "14 weeks  7          3 sourced, 1 UNVERIFIED, 76 DEFAULT"));
    CHECK(contains(run_cli({"protocols", "list", "--lang", "nl"}).out,
                   "Groningen: herstelgerichte hulp, 14 weken training en twee jaar nazorg"));

    const auto json = parse_json(run_cli({"protocols", "list", "--json"}).out);
    const auto templates = json->getArray("trajectories");
    REQUIRE(templates->size() == 4);
    const auto groningen = templates->getObject(1);
    CHECK(groningen->getValue<std::string>("id") == "groningen-14w-2y");
    CHECK(groningen->getValue<int>("training_weeks") == 14);
    CHECK(groningen->getArray("occasions")->size() == 7);
    CHECK(groningen->getObject("numbers")->getValue<int>("defaults") == 76);
}

TEST_CASE("protocols show ID prints a template: phases, session plan, occasions with instruments, defaults marked")
{
    const auto show = run_cli({"protocols", "show", "groningen-14w-2y"});
    CHECK(show.exit_code == 0);
    CHECK(show.err.empty());
    for (const char* line :
         {"groningen-14w-2y 1.0.0 — Groningen: reablement, 14-week training and two-year follow-up\n",
          "Training: 14 weeks; it ends on start + 98 days, the day after week 14  [secondary source · groningen]\n",
          "  follow_up  Follow-up  months 0 to 24 after the training  [secondary source · groningen]\n",
          "  household_helper  training      training  weeks 1 to 14  2         60       weeks [DEFAULT · "
          "reable-default · note 2] · per week [DEFAULT · reable-default · note 3] · minutes [DEFAULT · "
          "reable-default]\n",
          "  week_7  Halfway (week 7): start + 7 weeks, on time 7 days before to 7 days after  offset [DEFAULT · "
          "reable-default · note",
          "  fu_24m  24 months after the training: training_end + 24 months, on time 30 days before to 30 days after  "
          "offset [PARTLY UNVERIFIED · groningen · note",
          "      lawton-iadl       by ergotherapist, household_helper  [DEFAULT · reable-default]\n",
          "Numbers marked DEFAULT are documented defaults that no source fixes: do not present them as sourced.\n",
          "Worked examples: 4 (all pass; they are checked at every start)\n"}) {
        CAPTURE(line);
        CHECK(contains(show.out, line));
    }
    CHECK_FALSE(contains(show.out, "2026-"));  // no dates without --start
}

TEST_CASE("protocols show ID --start plans the occasions and the sessions from that day")
{
    const auto show = run_cli({"protocols", "show", "groningen-14w-2y", "--start", "2026-01-08"});
    CHECK(show.exit_code == 0);
    CHECK(contains(show.out, "      2026-01-08, on time 2025-12-25 to 2026-01-14\n"));
    CHECK(contains(show.out, "      2026-02-26, on time 2026-02-19 to 2026-03-05\n"));
    CHECK(contains(show.out, "      2028-04-16, on time 2028-03-17 to 2028-05-16\n"));
    CHECK(contains(show.out, "Planned from 2026-01-08: 58 sessions, 2026-01-08 to 2026-04-12\n"));
    CHECK(contains(show.out, "  household_helper  28 sessions\n"));

    const auto bad_date = run_cli({"protocols", "show", "groningen-14w-2y", "--start", "2026-02-30"});
    CHECK(bad_date.exit_code == 64);
    CHECK(contains(bad_date.err, "not a date as YYYY-MM-DD that exists: 2026-02-30"));
    const auto instrument = run_cli({"protocols", "show", "sppb", "--start", "2026-01-08"});
    CHECK(instrument.exit_code == 65);
    CHECK(instrument.err == "reable: --start plans a trajectory template; \"sppb\" is not one\n");
}

TEST_CASE("protocols show ID --json prints the template file, versions are chosen with --template-version")
{
    const auto json = parse_json(run_cli({"protocols", "show", "pilot-3m", "--json"}).out);
    CHECK(json->getValue<std::string>("format") == "reable.trajectory/1");
    CHECK(json->getValue<std::string>("id") == "pilot-3m");
    CHECK(run_cli({"protocols", "show", "pilot-3m", "--template-version", "1.0.0"}).exit_code == 0);
    const auto missing = run_cli({"protocols", "show", "pilot-3m", "--template-version", "2.0.0"});
    CHECK(missing.exit_code == 66);
    CHECK(missing.err == "reable: trajectory template \"pilot-3m\" has no version \"2.0.0\"; the newest is 1.0.0\n");
    const auto unknown = run_cli({"protocols", "show", "pilot-6m", "--template-version", "1.0.0"});
    CHECK(unknown.exit_code == 66);
    CHECK(unknown.err.rfind("reable: unknown trajectory template \"pilot-6m\"; known trajectory templates: "
                            "gooi-vechtstreek-6m, groningen-14w-2y, pilot-3m, powerful-ageing-14w\n",
                            0) == 0);
}

TEST_CASE("protocols validate covers the templates, and a bad template refuses the whole set")
{
    const auto validate = run_cli({"protocols", "validate"});
    CHECK(validate.exit_code == 0);
    CHECK(contains(validate.out, ": 25 instruments, 4 trajectory templates, 3 policies and 1 norm table valid; every worked example passes\n"));
    const auto folder = run_cli({"protocols", "validate", std::string(REABLE_SOURCE_PROTOCOLS_DIR) + "/trajectories"});
    CHECK(folder.exit_code == 0);
    CHECK(contains(folder.out, "/trajectories: 4 trajectory templates valid; every worked example passes\n"));

    const reable::testing::Scratch scratch;
    scratch.copy_shipped("instruments/sppb.json");
    scratch.copy_shipped("instruments/tug.json");
    std::string text = reable::testing::demo_template_text();
    text.replace(text.find("\"ergotherapist\"]"), 15, "\"ergo\"");
    text.replace(text.find("\"target\": \"2026-04-29\""), 22, "\"target\": \"2026-04-30\"");
    const std::string file = scratch.write("trajectories/demo.json", text);
    const std::string root = scratch.dir.string();

    const auto bad = run_cli({"protocols", "validate", root});
    CHECK(bad.exit_code == 78);
    CHECK(bad.out.empty());
    CHECK(bad.err == file +
                         ": /occasions/1/instruments/0/disciplines/1: unknown value \"ergo\"; allowed: ergotherapist, "
                         "physiotherapist, household_helper, social_worker\n"
                         "reable: 1 issue in " +
                         root + "\n");
    const auto list = run_cli({"--protocols", root, "protocols", "list"});
    CHECK(list.exit_code == 78);
    CHECK(contains(list.err, "is invalid (1 issue)"));

    text.replace(text.find("\"ergo\""), 6, "\"ergotherapist\"");  // now only the worked example is wrong
    scratch.write("trajectories/demo.json", text);
    const auto example = run_cli({"protocols", "validate", file});
    CHECK(example.exit_code == 78);
    CHECK(contains(example.err, file + ": /examples/0/occasions/fu_3m/target: example \"start on Thursday 1 January "
                                       "2026\": expected 2026-04-30, got 2026-04-29\n"));
}
