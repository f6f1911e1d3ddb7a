// The trajectory-template validator's messages, word for word. A protocol author reads these;
// they are part of the interface. Each case breaks a valid template in one way and pins every
// issue reported.

#include "reable/protocol/loader.hpp"
#include "reable/schedule/examples.hpp"
#include "support/instrument_text.hpp"
#include "support/text_edit.hpp"
#include "support/trajectory_text.hpp"

#include <doctest/doctest.h>

using namespace reable;

namespace {

const std::string k_valid = testing::demo_template_text();

/// The valid template with one piece of text replaced (which must occur exactly once).
std::string with(const std::string& from, const std::string& to, const std::string& text = k_valid)
{
    return testing::replaced_once(text, from, to);
}

std::vector<std::string> issues(const std::string& text)
{
    return testing::issue_lines(testing::trajectory_issues_of(text));
}

using Lines = std::vector<std::string>;

const std::string k_plan_weeks = R"("phase": "training",
     "weeks": {"from": 1, "to": 4,)";
const std::string k_fu_window = R"("window": {"days_before": 14,)";

}  // namespace

TEST_CASE("the valid base template has no issue")
{
    CHECK(issues(k_valid).empty());
    const protocol::TrajectoryTemplate t = testing::load_trajectory(k_valid);
    CHECK(t.reference() == "demo-4w 1.0.0");
    CHECK(t.provenances().size() == 13);  // 2 top-level, 2 phases, 3 in the plan, 3 per occasion
}

TEST_CASE("template fields: unknown, missing, malformed")
{
    SUBCASE("a typo in a field name")
    {
        CHECK(issues(with(R"("per_week": {"value": 2)", R"("per_weak": {"value": 2)")) ==
              Lines{"test.json: /session_plans/0/per_weak: unknown field; allowed here: discipline, kind, phase, "
                    "weeks, per_week, minutes",
                    "test.json: /session_plans/0/per_week: required field is missing"});
    }
    SUBCASE("a missing field")
    {
        CHECK(issues(with(R"("grace_days": {"value": 7, "source": "reable-default", "confidence": "default"},)", "")) ==
              Lines{"test.json: /grace_days: required field is missing"});
    }
    SUBCASE("a number without its provenance")
    {
        CHECK(issues(with(R"("training_weeks": {"value": 4, "source": "src", "confidence": "confirmed"})",
                          R"("training_weeks": 4)")) ==
              Lines{"test.json: /training_weeks: every number needs its provenance: write {\"value\": 4, \"source\": "
                    "\"…\", \"confidence\": \"…\"}"});
    }
    SUBCASE("an unsupported format")
    {
        CHECK(issues(with(R"("format": "reable.trajectory/1")", R"("format": "reable.instrument/1")")) ==
              Lines{"test.json: /format: unsupported format \"reable.instrument/1\"; this program reads "
                    "\"reable.trajectory/1\""});
    }
    SUBCASE("a number outside its range names the value and the range")
    {
        CHECK(issues(with(R"("per_week": {"value": 2,)", R"("per_week": {"value": 8,)")) ==
              Lines{"test.json: /session_plans/0/per_week/value: expected a whole number from 1 to 7, got 8"});
    }
}

TEST_CASE("template vocabulary: discipline, session kind, anchor, confidence")
{
    SUBCASE("a discipline of a session plan")
    {
        CHECK(issues(with(R"("discipline": "physiotherapist")", R"("discipline": "physio")")) ==
              Lines{"test.json: /session_plans/0/discipline: unknown value \"physio\"; allowed: ergotherapist, "
                    "physiotherapist, household_helper, social_worker"});
    }
    SUBCASE("a discipline allowed to record an instrument, and one listed twice")
    {
        CHECK(issues(with(R"(["physiotherapist", "ergotherapist"])",
                          R"(["physiotherapist", "ergo", "physiotherapist"])")) ==
              Lines{"test.json: /occasions/1/instruments/0/disciplines/1: unknown value \"ergo\"; allowed: "
                    "ergotherapist, physiotherapist, household_helper, social_worker",
                    "test.json: /occasions/1/instruments/0/disciplines/2: discipline \"physiotherapist\" is listed "
                    "twice"});
    }
    SUBCASE("a session kind")
    {
        CHECK(issues(with(R"("kind": "training")", R"("kind": "visit")")) ==
              Lines{"test.json: /session_plans/0/kind: unknown value \"visit\"; allowed: training, assessment, "
                    "home_visit, phone, team_meeting"});
    }
    SUBCASE("an anchor")
    {
        CHECK(issues(with(R"("anchor": "training_end")", R"("anchor": "end")")) ==
              Lines{"test.json: /occasions/1/anchor: unknown value \"end\"; allowed: start, training_end"});
    }
    SUBCASE("a confidence label: templates may say default")
    {
        CHECK(issues(with(R"("grace_days": {"value": 7, "source": "reable-default", "confidence": "default"})",
                          R"("grace_days": {"value": 7, "source": "reable-default", "confidence": "chosen"})")) ==
              Lines{"test.json: /grace_days/confidence: unknown value \"chosen\"; allowed: confirmed, secondary, "
                    "partly_unverified, unverified, default"});
    }
    SUBCASE("an unverified number needs a note; a source must be listed")
    {
        CHECK(issues(with(R"("training_weeks": {"value": 4, "source": "src", "confidence": "confirmed"})",
                          R"("training_weeks": {"value": 4, "source": "nowhere", "confidence": "unverified"})")) ==
              Lines{"test.json: /training_weeks/source: unknown source \"nowhere\"; list it under /sources"});
        CHECK(issues(with(R"("training_weeks": {"value": 4, "source": "src", "confidence": "confirmed"})",
                          R"("training_weeks": {"value": 4, "source": "src", "confidence": "unverified"})")) ==
              Lines{"test.json: /training_weeks/note: required for an unverified rule: say what could not be "
                    "verified"});
    }
}

TEST_CASE("instruments at an occasion are checked against the instrument set")
{
    SUBCASE("an unknown instrument id names the known ones")
    {
        CHECK(issues(with(R"("instrument": "sppb")", R"("instrument": "sppx")")) ==
              Lines{"test.json: /occasions/0/instruments/0/instrument: unknown instrument \"sppx\"; known "
                    "instruments: copm, sppb, tug"});
    }
    SUBCASE("an instrument listed twice at one occasion")
    {
        CHECK(
            issues(with(
                R"([{"instrument": "tug",)",
                R"([{"instrument": "tug", "disciplines": ["physiotherapist"], "source": "src", "confidence": "confirmed"}, {"instrument": "tug",)")) ==
            Lines{"test.json: /occasions/1/instruments/1/instrument: instrument \"tug\" is listed twice at this "
                  "occasion"});
    }
}

TEST_CASE("week ranges and phases")
{
    SUBCASE("a session plan outside its phase")
    {
        CHECK(issues(with(k_plan_weeks, R"("phase": "training",
     "weeks": {"from": 2, "to": 5,)")) ==
              Lines{"test.json: /session_plans/0/weeks: weeks 2 to 5 are outside the phase \"training\" (weeks 1 "
                    "to 4)"});
    }
    SUBCASE("the training phase must match training_weeks")
    {
        CHECK(issues(with(R"("training_weeks": {"value": 4,)", R"("training_weeks": {"value": 5,)")) ==
              Lines{"test.json: /phases/0/weeks: the training phase must run from week 1 to week 5 "
                    "(training_weeks); got weeks 1 to 4"});
    }
    SUBCASE("a template without a training phase")
    {
        CHECK(issues(with(R"("id": "training")", R"("id": "exercise")")) ==
              Lines{"test.json: /phases: no phase \"training\"; the training runs from week 1 to week 4 "
                    "(training_weeks)",
                    "test.json: /session_plans/0/phase: unknown phase \"training\"; phases: exercise, follow_up"});
    }
    SUBCASE("a session plan in a phase counted in months")
    {
        CHECK(issues(with(k_plan_weeks, R"("phase": "follow_up",
     "weeks": {"from": 1, "to": 4,)")) ==
              Lines{"test.json: /session_plans/0/phase: the phase \"follow_up\" is counted in months after the "
                    "training; a session plan needs a phase counted in weeks"});
    }
    SUBCASE("phases counted in weeks do not overlap")
    {
        CHECK(issues(with(R"({"id": "follow_up")",
                          R"({"id": "maintenance", "label": {"nl": "Borging", "en": "Maintenance"},
     "weeks": {"from": 4, "to": 8, "source": "src", "confidence": "confirmed"}}, {"id": "follow_up")")) ==
              Lines{"test.json: /phases/1/weeks: weeks 4 to 8 overlap the phase \"training\" (weeks 1 to 4)"});
    }
    SUBCASE("a duplicate phase id, and a training phase counted in months")
    {
        CHECK(issues(with(R"({"id": "follow_up")", R"({"id": "training")")) ==
              Lines{"test.json: /phases/1/id: duplicate phase id \"training\" (first defined at /phases/0)"});
        CHECK(issues(with(R"("weeks": {"from": 1, "to": 4, "source": "src", "confidence": "confirmed"}},
    {"id": "follow_up")",
                          R"("months_after_training": {"from": 0, "to": 1, "source": "src", "confidence": "confirmed"}},
    {"id": "follow_up")")) ==
              Lines{"test.json: /phases/0/months_after_training: the training phase is counted in weeks, from week 1 "
                    "to week 4 (training_weeks)",
                    "test.json: /session_plans/0/phase: the phase \"training\" is counted in months after the "
                    "training; a session plan needs a phase counted in weeks"});
    }
    SUBCASE("a phase is counted in weeks or in months, not both")
    {
        CHECK(issues(with(R"("months_after_training": {"from": 0,)",
                          R"("weeks": {"from": 5, "to": 6, "source": "src", "confidence": "confirmed"},
     "months_after_training": {"from": 0,)")) ==
              Lines{"test.json: /phases/1: a phase needs either \"weeks\" or \"months_after_training\", not both or "
                    "neither"});
    }
    SUBCASE("an empty range")
    {
        CHECK(issues(with(k_plan_weeks, R"("phase": "training",
     "weeks": {"from": 3, "to": 2,)")) ==
              Lines{"test.json: /session_plans/0/weeks: from must not be after to; got 3 to 2"});
    }
}

TEST_CASE("occasions: windows, offsets and ids")
{
    SUBCASE("a negative window")
    {
        CHECK(issues(with(k_fu_window, R"("window": {"days_before": -3,)")) ==
              Lines{"test.json: /occasions/1/window/days_before: expected a whole number from 0 to 366, got -3"});
    }
    SUBCASE("an offset in weeks or in months, not both")
    {
        CHECK(issues(with(R"("offset": {"months": 3,)", R"("offset": {"months": 3, "weeks": 13,)")) ==
              Lines{"test.json: /occasions/1/offset: an offset needs either \"weeks\" or \"months\", not both or "
                    "neither"});
    }
    SUBCASE("a duplicate occasion id")
    {
        CHECK(issues(with(R"("id": "fu_3m")", R"("id": "intake")")) ==
              Lines{"test.json: /occasions/1/id: duplicate occasion id \"intake\" (first defined at /occasions/0)",
                    "test.json: /examples/0/occasions/fu_3m: unknown occasion \"fu_3m\"; occasions: intake"});
    }
}

TEST_CASE("worked examples: structure and references")
{
    SUBCASE("an unknown occasion, a date that does not exist, an unknown discipline and status")
    {
        std::string text = with(R"("fu_3m": {"target")", R"("fu_6m": {"target")");
        text = with(R"("start": "2026-01-01")", R"("start": "2026-02-30")", text);
        text = with(R"("planned_sessions": {"physiotherapist")", R"("planned_sessions": {"physio")", text);
        text = with(R"("expect": "overdue")", R"("expect": "late")", text);
        CHECK(issues(text) ==
              Lines{"test.json: /examples/0/start: expected a date as YYYY-MM-DD that exists, got \"2026-02-30\"",
                    "test.json: /examples/0/occasions/fu_6m: unknown occasion \"fu_6m\"; occasions: fu_3m, intake",
                    "test.json: /examples/0/planned_sessions/physio: unknown discipline \"physio\"; allowed: "
                    "ergotherapist, physiotherapist, household_helper, social_worker",
                    "test.json: /examples/0/status/0/expect: unknown value \"late\"; allowed: upcoming, due, done, "
                    "overdue, missed"});
    }
    SUBCASE("an example must expect something")
    {
        const std::string text = with(R"(,
     "occasions": {"fu_3m": {"target": "2026-04-29", "earliest": "2026-04-15", "latest": "2026-05-13"}},
     "planned_sessions": {"physiotherapist": 8},
     "status": [{"occasion": "intake", "today": "2026-01-02", "expect": "overdue"}])",
                                      "");
        CHECK(issues(text) == Lines{"test.json: /examples/0: an example needs at least one of \"occasions\", "
                                    "\"planned_sessions\" or \"status\""});
        CHECK(issues(with(R"({"target": "2026-04-29", "earliest": "2026-04-15", "latest": "2026-05-13"})", "{}")) ==
              Lines{"test.json: /examples/0/occasions/fu_3m: give at least one of target, earliest, latest"});
    }
}

TEST_CASE("every issue of a template is reported at once")
{
    std::string text = with(R"("discipline": "physiotherapist")", R"("discipline": "physio")");
    text = with(R"("instrument": "sppb")", R"("instrument": "sppx")", text);
    text = with(k_fu_window, R"("window": {"days_before": -1,)", text);
    text = with(R"("label": {"nl": "Demo", "en": "Demo"})", R"("label": {"nl": "Demo"})", text);
    CHECK(issues(text) ==
          Lines{"test.json: /label/en: required field is missing",
                "test.json: /session_plans/0/discipline: unknown value \"physio\"; allowed: ergotherapist, "
                "physiotherapist, household_helper, social_worker",
                "test.json: /occasions/0/instruments/0/instrument: unknown instrument \"sppx\"; known instruments: "
                "copm, sppb, tug",
                "test.json: /occasions/1/window/days_before: expected a whole number from 0 to 366, got -1"});
}

TEST_CASE("worked examples that do not hold are issues")
{
    CHECK(testing::issue_lines(schedule::verify_examples(testing::load_trajectory(k_valid))).empty());

    std::string text = with(R"("target": "2026-04-29")", R"("target": "2026-04-28")");
    text = with(R"("planned_sessions": {"physiotherapist": 8})", R"("planned_sessions": {"physiotherapist": 9})", text);
    text = with(R"("expect": "overdue"})", R"("expect": "due", "deviation_days": 1, "within_window": true})", text);
    const std::string example = "example \"start on Thursday 1 January 2026\": ";
    CHECK(testing::issue_lines(schedule::verify_examples(testing::load_trajectory(text))) ==
          Lines{"test.json: /examples/0/occasions/fu_3m/target: " + example + "expected 2026-04-28, got 2026-04-29",
                "test.json: /examples/0/planned_sessions/physiotherapist: " + example + "expected 9, got 8",
                "test.json: /examples/0/status/0/expect: " + example + "expected due, got overdue",
                "test.json: /examples/0/status/0/deviation_days: " + example + "expected 1, got none",
                "test.json: /examples/0/status/0/within_window: " + example + "expected true, got false"});
}
