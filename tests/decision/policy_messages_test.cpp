// The validator's messages for decision files, pinned: a policy author reads these.

#include "reable/app/protocol_set.hpp"
#include "support/scratch.hpp"
#include "support/text_edit.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace reable;

namespace {

std::string read(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A copy of the shipped protocol set with one edit in one file; the issues of checking it.
std::vector<std::string> issues_after(const std::string& relative, const std::string& from, const std::string& to)
{
    testing::Scratch scratch;
    std::filesystem::copy(REABLE_SOURCE_PROTOCOLS_DIR, scratch.dir / "protocols",
                          std::filesystem::copy_options::recursive);
    const auto file = scratch.dir / "protocols" / relative;
    scratch.write("protocols/" + relative, testing::replaced_once(read(file), from, to));
    std::vector<std::string> lines;
    for (const protocol::Issue& issue : app::check_protocols(scratch.dir / "protocols").issues) {
        std::string line = protocol::format_issue(issue);
        lines.push_back(line.substr(line.find("protocols/") + 10));
    }
    return lines;
}

bool has_line(const std::vector<std::string>& lines, const std::string& line)
{
    for (const std::string& l : lines)
        if (l == line) return true;
    std::string all;
    for (const std::string& l : lines) all += "\n  " + l;
    MESSAGE("issues:" << all);
    return false;
}

}  // namespace

TEST_CASE("a policy naming an unknown instrument score")
{
    CHECK(issues_after("policies/groningen-voluntary.json", R"("cutoff": 9)", R"("cutoff": 9, "direction2": 1)") ==
          std::vector<std::string>{
              "policies/groningen-voluntary.json: /target_group/physical_test/direction2: unknown field; allowed here: "
              "instrument, score, cutoff, direction, max_age_days, source, confidence, note"});
    const auto lines = issues_after("policies/groningen-voluntary.json",
                                    "\"instrument\": \"sppb\",\n   \"score\": \"total\",\n   \"cutoff\"",
                                    "\"instrument\": \"sppb\",\n   \"score\": \"sum\",\n   \"cutoff\"");
    REQUIRE(lines.size() == 1);
    CHECK(
        lines[0] ==
        "policies/groningen-voluntary.json: /target_group/physical_test/score: instrument \"sppb\" has no score "
        "\"sum\"; its scores: balance, chair, gait, gait_3m_points, gait_3m_time, gait_4m_points, gait_4m_time, total");
}

TEST_CASE("a number without provenance, a missing legal route, an unknown norm table")
{
    CHECK(has_line(issues_after("policies/groningen-precedence.json", R"("min_age": {
   "value": 65,)",
                                R"("min_age": 65, "x": {
   "value": 65,)"),
                   "policies/groningen-precedence.json: /target_group/min_age: every number needs its "
                   "provenance: write {\"value\": 65, \"source\": \"…\", \"confidence\": \"…\"}"));
    CHECK(has_line(
        issues_after("policies/groningen-precedence.json", R"("legal_route")", R"("legal_route_x")"),
        "policies/groningen-precedence.json: /legal_route: required when mode is precedence: say how reablement "
        "comes first in law (a beschikking for reablement, or a motivated finding under art. 2.3.5 lid 3)"));
    CHECK(issues_after("policies/gooi-vechtstreek.json", R"("norms": "drechtsteden-2025")", R"("norms": "utrecht")")
              .front() == "policies/gooi-vechtstreek.json: /hh/norms: unknown norm table \"utrecht\"; norm tables in "
                          "policies/norms: drechtsteden-2025");
}

TEST_CASE("a worked example that does not come out refuses the file")
{
    const auto lines = issues_after("policies/groningen-voluntary.json",
                                    R"("outcome": "hh_granted",
    "minutes_per_week": 155,
    "reasons": [
     "R-B-DECLINE-VOL")",
                                    R"("outcome": "hh_granted",
    "minutes_per_week": 150,
    "reasons": [
     "R-B-DECLINE-VOL")");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "policies/groningen-voluntary.json: /examples/32/expect/minutes_per_week: example \"declining "
                      "has no effect: HH by the norm\": expected 150 minutes per week, got 155");
}

TEST_CASE("norm tables: overlapping bands and an unpriced item labelled as sourced")
{
    CHECK(has_line(issues_after("policies/norms/drechtsteden-2025.json", R"("min": 91)", R"("min": 90)"),
                   "policies/norms/drechtsteden-2025.json: /bands: band \"basis\" (90 to 130) overlaps band "
                   "\"basis_min1\" (60 to 90)"));
    const auto lines = issues_after("policies/norms/drechtsteden-2025.json",
                                    R"("minutes": null, "source": "drechtsteden", "confidence": "unverified")",
                                    R"("minutes": null, "source": "drechtsteden", "confidence": "secondary")");
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front() == "policies/norms/drechtsteden-2025.json: /extra_items/5/minutes: null minutes (no value in "
                           "the source) must be labelled unverified");
}
