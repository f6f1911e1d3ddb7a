#include "reable/scoring/examples.hpp"

#include "reable/error.hpp"
#include "reable/scoring/input.hpp"
#include "reable/scoring/report.hpp"

namespace reable::scoring {
namespace {

using protocol::Example;
using protocol::Instrument;
using protocol::Issue;

/// Examples must give the test date whenever the result depends on "today", so that they
/// give the same answer on every day they run.
const calendar::Date k_example_today = calendar::Date{date::year{2100} / 1 / 1};

std::string actual_score(const ScoreReport& report, const std::string& id, bool& found)
{
    for (const ScoreLine& line : report.scores) {
        if (line.id != id) continue;
        found = true;
        const Value& v = line.shown.value;
        if (v.is_number()) return v.number.to_string();
        if (v.is_state()) return std::string(protocol::to_string(v.state));
        return "missing";
    }
    return {};
}

std::string actual_interpretation(const ScoreReport& report, const std::string& id, bool& found)
{
    for (const InterpretationLine& line : report.interpretations) {
        if (line.id != id) continue;
        found = true;
        return line.status == RuleStatus::applied ? line.code : std::string(to_string(line.status));
    }
    return {};
}

std::string actual_norm(const ScoreReport& report, const std::string& id, bool& found)
{
    for (const NormLine& line : report.norms) {
        if (line.id != id) continue;
        found = true;
        return line.status == RuleStatus::applied ? std::string(to_string(line.position))
                                                  : std::string(to_string(line.status));
    }
    return {};
}

std::string error_text(const Error& e)
{
    std::string text = e.what();
    for (const ErrorDetail& d : e.details()) text += "\n" + d.where + ": " + d.message;
    return text;
}

void verify(const Instrument& instrument, const Example& example, std::vector<Issue>& issues)
{
    auto fail = [&](const std::string& pointer, const std::string& message) {
        issues.push_back({instrument.file, pointer, "example " + std::string("\"") + example.name + "\": " + message});
    };
    if (example.birth_date && !example.test_date) {
        fail(example.pointer + "/input",
             "give test_date with birth_date, so the age does not depend on the day it runs");
        return;
    }
    ScoringInput input;
    for (const auto& [id, values] : example.items) {
        RawItem item{id, {}};
        for (const protocol::ExampleValue& v : values) item.values.push_back({v.is_number, v.number, v.text});
        input.items.push_back(std::move(item));
    }
    input.subject = RawSubject{example.birth_date, example.test_date, example.sex, example.age};

    std::optional<ScoreReport> report;
    try {
        const FixedClock clock(k_example_today);
        const Subject subject = read_subject(input.subject, clock);
        const Observation observation = read_observation(instrument, input.items);
        report = make_report(observation, subject, score(observation, subject));
    }
    catch (const Error& e) {
        if (!example.expect_error)
            fail(example.pointer, "the input was refused: " + error_text(e));
        else if (error_text(e).find(*example.expect_error) == std::string::npos)
            fail(example.pointer + "/expect_error",
                 "expected an error containing \"" + *example.expect_error + "\", got \"" + error_text(e) + "\"");
        return;
    }
    if (example.expect_error) {
        fail(example.pointer + "/expect_error", "expected the input to be refused, but it was scored");
        return;
    }
    for (const protocol::ExampleExpectation& x : example.expectations) {
        bool found = false;
        std::string actual;
        if (x.target == "flags") {
            found = true;
            const auto codes = flag_codes(*report);
            for (std::size_t i = 0; i < codes.size(); ++i) actual += (i ? " " : "") + codes[i];
        }
        else if (x.target.rfind("interpretation:", 0) == 0) {
            actual = actual_interpretation(*report, x.target.substr(15), found);
        }
        else if (x.target.rfind("norm:", 0) == 0) {
            actual = actual_norm(*report, x.target.substr(5), found);
        }
        else {
            actual = actual_score(*report, x.target, found);
        }
        if (!found)
            fail(x.pointer, "no such score, interpretation or norm table");
        else if (actual != x.expected)
            fail(x.pointer, "expected " + (x.expected.empty() ? std::string("no flags") : x.expected) + ", got " +
                                (actual.empty() ? std::string("no flags") : actual));
    }
}

}  // namespace

std::vector<Issue> verify_examples(const Instrument& instrument)
{
    std::vector<Issue> issues;
    for (const Example& example : instrument.examples) verify(instrument, example, issues);
    return issues;
}

}  // namespace reable::scoring
