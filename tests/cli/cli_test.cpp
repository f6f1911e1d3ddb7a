// The real `reable` binary, end to end: what a user types, what they see, and the exit status.

#include "run_cli.hpp"
#include "support/scratch.hpp"

#include <doctest/doctest.h>

#include <fstream>

using reable::testing::parse_json;
using reable::testing::run_cli;

namespace {

const std::string k_protocols = REABLE_SOURCE_PROTOCOLS_DIR;
const std::string k_sample = std::string(REABLE_SAMPLES_DIR) + "/scores/sppb-mrs-jansen.json";

/// The value of a score in `reable score … --json` output, as text ("3", "unable", "missing").
std::string json_score(const std::string& json, const std::string& id)
{
    const auto scores = parse_json(json)->getArray("scores");
    for (std::size_t i = 0; i < scores->size(); ++i) {
        const auto s = scores->getObject(static_cast<unsigned>(i));
        if (s->getValue<std::string>("id") != id) continue;
        const std::string status = s->getValue<std::string>("status");
        if (status == "number") return s->get("value").toString();
        return status == "state" ? s->getValue<std::string>("state") : status;
    }
    return "no such score";
}

}  // namespace

TEST_CASE("reable --version and --help")
{
    const auto version = run_cli({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out == "reable 0.1.0\n");
    const auto help = run_cli({"--help"});
    CHECK(help.exit_code == 0);
    for (const char* word : {"protocols", "score", "change", "--protocols"})
        CHECK(help.out.find(word) != std::string::npos);
    for (const std::vector<std::string>& command : {std::vector<std::string>{"score", "--help"},
                                                    {"protocols", "show", "--help"},
                                                    {"protocols", "validate", "--help"},
                                                    {"change", "--help"},
                                                    {"protocols", "list", "--help"}}) {
        const auto r = run_cli(command);
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("Usage") != std::string::npos);
    }
}

TEST_CASE("usage errors exit 64 with a message")
{
    const auto none = run_cli({});
    CHECK(none.exit_code == 64);
    CHECK(none.err.find("A subcommand is required") != std::string::npos);
    const auto unknown = run_cli({"score", "sppb", "--colour"});
    CHECK(unknown.exit_code == 64);
    CHECK(unknown.err.find("--colour") != std::string::npos);
    CHECK(run_cli({"score", "sppb", "--lang", "fr", "gait_4m=5"}).exit_code == 64);
}

TEST_CASE("protocols list, show and validate on the shipped set")
{
    const auto list = run_cli({"protocols", "list"});
    CHECK(list.exit_code == 0);
    CHECK(list.out.find("sppb ") != std::string::npos);
    CHECK(list.out.find("tug ") != std::string::npos);
    const auto json = parse_json(run_cli({"protocols", "list", "--json"}).out);
    CHECK(json->getArray("instruments")->size() >= 2);

    const auto show = run_cli({"protocols", "show", "sppb"});
    CHECK(show.exit_code == 0);
    CHECK(show.out.find("< 4.82 → 4 · 4.82 to 6.20 → 3 · 6.21 to 8.70 → 2 · > 8.70 → 1 · unable → 0") !=
          std::string::npos);
    CHECK(show.out.find("PARTLY UNVERIFIED") != std::string::npos);
    const auto norms = run_cli({"protocols", "show", "sft-8ft-up-and-go"});
    CHECK(norms.out.find("normal range (s)") != std::string::npos);
    CHECK(norms.out.find("female  60–64  4.4 to 6.0") != std::string::npos);
    const auto show_json = run_cli({"protocols", "show", "sppb", "--json"});
    CHECK(parse_json(show_json.out)->getValue<std::string>("id") == "sppb");

    const auto missing = run_cli({"protocols", "show", "spbb"});
    CHECK(missing.exit_code == 66);
    CHECK(missing.err.rfind("reable: unknown instrument \"spbb\"; known instruments: ", 0) == 0);

    const auto validate = run_cli({"protocols", "validate"});
    CHECK(validate.exit_code == 0);
    CHECK(validate.out.find("valid; every worked example passes") != std::string::npos);
}

TEST_CASE("protocols validate lists every issue of a bad set and exits 78, other commands refuse to start on it")
{
    const reable::testing::Scratch scratch;
    std::ifstream tug_file(k_protocols + "/instruments/tug.json");
    std::string tug((std::istreambuf_iterator<char>(tug_file)), std::istreambuf_iterator<char>());
    const auto at = tug.find("\"lt\": 13.5");
    REQUIRE(at != std::string::npos);
    tug.replace(at, 10, "\"lt\": 13.4");  // leaves 13.40–13.49 without a band
    scratch.write("bad/instruments/tug.json", tug);
    scratch.write("bad/instruments/broken.json", "{\"format\": \"reable.instrument/1\",");
    const std::string bad = (scratch.dir / "bad").string();

    const auto validate = run_cli({"protocols", "validate", bad});
    CHECK(validate.exit_code == 78);
    CHECK(validate.err.find(bad + "/instruments/broken.json: not valid JSON") != std::string::npos);
    CHECK(validate.err.find(bad +
                            "/instruments/tug.json: /interpretations/0/bands/1: no band covers 13.40 s to 13.49 s") !=
          std::string::npos);
    CHECK(validate.err.find("reable: 2 issues in " + bad) != std::string::npos);

    const auto score = run_cli({"--protocols", bad, "score", "tug", "time=12"});
    CHECK(score.exit_code == 78);
    CHECK(score.out.empty());
    CHECK(score.err.find("is invalid (2 issues)") != std::string::npos);
    CHECK(score.err.find("no band covers 13.40 s to 13.49 s") != std::string::npos);
    const auto via_environment = run_cli({"protocols", "list"}, "", {"REABLE_PROTOCOLS=" + bad});
    CHECK(via_environment.exit_code == 78);
}

TEST_CASE("reable score prints a table, or JSON with --json")
{
    const auto table =
        run_cli({"score", "sppb", "balance_side_by_side=10", "balance_semi_tandem=10", "balance_tandem=10",
                 "gait_4m=6.48", "gait_4m=6.20", "chair_stand_5x=13.69", "--age", "80", "--sex", "female"});
    CHECK(table.exit_code == 0);
    CHECK(table.err.empty());
    CHECK(table.out.find("▸ total") != std::string::npos);
    CHECK(table.out.find("10 points") != std::string::npos);
    CHECK(table.out.find("age 80 · sex female") != std::string::npos);

    const auto json =
        run_cli({"score", "sppb", "--json", "balance_side_by_side=9.5", "gait_4m=unable", "chair_stand_5x=used_arms"});
    CHECK(json.exit_code == 0);
    CHECK(json_score(json.out, "total") == "0");
    CHECK(json_score(json.out, "gait_4m_time") == "unable");
    CHECK(parse_json(json.out)->getObject("instrument")->getValue<std::string>("version") == "1.0.0");

    const auto dutch = run_cli({"score", "tug", "time=14", "--lang", "nl"});
    CHECK(dutch.out.find("hoog valrisico") != std::string::npos);

    // The normal range is shown in the score's precision: 6.00 s, not 6 s.
    const auto norm = run_cli({"score", "sft-8ft-up-and-go", "time=5.50", "--age", "62", "--sex", "female"});
    CHECK(norm.out.find("within the normal range 4.40 s to 6.00 s (women 60–64)") != std::string::npos);
}

TEST_CASE("reable score reads a JSON file or standard input")
{
    const auto from_file = run_cli({"score", "sppb", k_sample, "--json"});
    CHECK(from_file.exit_code == 0);
    CHECK(json_score(from_file.out, "total") == "8");
    CHECK(parse_json(from_file.out)->getObject("subject")->getValue<int>("age") == 82);

    const auto from_stdin = run_cli({"score", "tug", "-", "--json"}, R"({"items": {"time": 13.5}, "age": 80})");
    CHECK(from_stdin.exit_code == 0);
    CHECK(json_score(from_stdin.out, "tug_time") == "13.5");
}

TEST_CASE("reable score gives the published SPPB answer at every edge")
{
    const std::vector<std::tuple<std::string, std::string, std::string>> cases{
        {"gait_4m=4.81", "gait", "4"},           {"gait_4m=4.82", "gait", "3"},
        {"gait_4m=6.20", "gait", "3"},           {"gait_4m=6.21", "gait", "2"},
        {"gait_4m=8.70", "gait", "2"},           {"gait_4m=8.71", "gait", "1"},
        {"gait_3m=3.61", "gait", "4"},           {"gait_3m=3.62", "gait", "3"},
        {"gait_3m=4.65", "gait", "3"},           {"gait_3m=4.66", "gait", "2"},
        {"gait_3m=6.52", "gait", "2"},           {"gait_3m=6.53", "gait", "1"},
        {"chair_stand_5x=11.19", "chair", "4"},  {"chair_stand_5x=11.20", "chair", "3"},
        {"chair_stand_5x=13.69", "chair", "3"},  {"chair_stand_5x=13.70", "chair", "2"},
        {"chair_stand_5x=16.69", "chair", "2"},  {"chair_stand_5x=16.70", "chair", "1"},
        {"chair_stand_5x=60.00", "chair", "1"},  {"chair_stand_5x=60.01", "chair", "0"},
        {"balance_tandem=2.99", "balance", "2"}, {"balance_tandem=3.00", "balance", "3"},
        {"balance_tandem=9.99", "balance", "3"}, {"balance_tandem=10.00", "balance", "4"}};
    for (const auto& [value, score, expected] : cases) {
        CAPTURE(value);
        const auto r = run_cli({"score", "sppb", "--json", "balance_side_by_side=10", "balance_semi_tandem=10", value});
        REQUIRE(r.exit_code == 0);
        CHECK(json_score(r.out, score) == expected);
    }
}

TEST_CASE("bad input exits 65, names the item, the value and what is allowed, and prints no result")
{
    const auto bad = run_cli({"score", "sppb", "gait_4m=6,20", "chair_stand_5x=400", "walking_aid=stick", "gate_4m=5"});
    CHECK(bad.exit_code == 65);
    CHECK(bad.out.empty());
    CHECK(
        bad.err ==
        "reable: the values for sppb 1.0.0 were refused (4 problems)\n"
        "  gait_4m: \"6,20\" uses a comma; write decimals with a point (6.20)\n"
        "  chair_stand_5x: 400.00 s is outside the allowed range 0.01 s to 300.00 s\n"
        "  walking_aid: \"stick\" is not an answer of this item; allowed: none, cane, walker (walker or frame), other\n"
        "  gate_4m: unknown item \"gate_4m\" for sppb 1.0.0; its items are: balance_side_by_side, balance_semi_tandem, "
        "balance_tandem, gait_4m, gait_3m, walking_aid, chair_stand_5x\n");

    const auto nothing = run_cli({"score", "tug"});
    CHECK(nothing.exit_code == 65);
    CHECK(nothing.err ==
          "reable: no values given: pass item=value arguments, a JSON file, or - to read JSON from standard input\n");

    const auto contradiction =
        run_cli({"score", "tug", "time=10", "--birth-date", "1946-11-24", "--test-date", "2026-11-23", "--age", "81"});
    CHECK(contradiction.exit_code == 65);
    CHECK(contradiction.err.find("age 81 contradicts the birth date, which gives 79 on 2026-11-23") !=
          std::string::npos);

    const auto no_file = run_cli({"score", "tug", "/nonexistent/input.json"});
    CHECK(no_file.exit_code == 66);

    const auto malformed = run_cli({"score", "tug", "-"}, "{\"items\": {\"time\": 12,}}");
    CHECK(malformed.exit_code == 65);
    CHECK(malformed.err.find("not valid JSON") != std::string::npos);
}

TEST_CASE("reable change judges the change against the minimal important change")
{
    const reable::testing::Scratch scratch;
    const std::string before =
        scratch.write("before.json", R"({"test_date": "2026-06-01", "items": {"balance_side_by_side": 10,
        "balance_semi_tandem": 10, "balance_tandem": 2.5, "gait_4m": 6.8, "chair_stand_5x": 14.1}})");
    const std::string after =
        scratch.write("after.json", R"({"test_date": "2026-09-07", "items": {"balance_side_by_side": 10,
        "balance_semi_tandem": 10, "balance_tandem": 10, "gait_4m": 6.1, "chair_stand_5x": 13.2}})");
    const auto table = run_cli({"change", "sppb", before, after});
    CHECK(table.exit_code == 0);
    CHECK(table.out.find("Change from 2026-06-01 to 2026-09-07") != std::string::npos);
    CHECK(table.out.find("+4 points  improved · substantial change") != std::string::npos);
    const auto json = parse_json(run_cli({"change", "sppb", before, after, "--json"}).out);
    Poco::JSON::Object::Ptr total;
    const auto scores = json->getArray("scores");
    for (std::size_t i = 0; i < scores->size(); ++i)
        if (scores->getObject(static_cast<unsigned>(i))->getValue<std::string>("id") == "total")
            total = scores->getObject(static_cast<unsigned>(i));
    REQUIRE(total);
    CHECK(total->getValue<int>("change") == 4);
    CHECK(total->getObject("meaningful_change")->getValue<std::string>("code") == "substantial");

    const auto reversed = run_cli({"change", "sppb", after, before});
    CHECK(reversed.exit_code == 65);
    CHECK(reversed.err.find("the second occasion (2026-06-01) is before the first (2026-09-07)") != std::string::npos);
}
