// Worked examples of norm tables and policies, run whenever a protocol set is loaded: a file
// whose examples do not come out is refused, so a policy never runs with rules its own authors
// would not sign.

#include "reable/decision/examples.hpp"

#include "reable/error.hpp"

namespace reable::decision {
namespace {

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

std::vector<protocol::Issue> verify_examples(const protocol::HhNorms& norms)
{
    std::vector<protocol::Issue> issues;
    for (const protocol::NormExample& example : norms.examples) {
        const HhAmount hh = compute_hh(norms, example.facts);
        auto fail = [&](const std::string& what, const std::string& expected, const std::string& got) {
            issues.push_back({norms.file, example.pointer + "/expect/" + what,
                              "example " + quoted(example.name) + ": expected " + expected + ", got " + got});
        };
        if (hh.band != example.band) fail("band", example.band, hh.band);
        if (hh.computed != example.computed) fail("computed", example.computed.to_string(), hh.computed.to_string());
        if (hh.minutes_per_week != example.minutes_per_week)
            fail("minutes_per_week", example.minutes_per_week.to_string(), hh.minutes_per_week.to_string());
        const bool flagged = hh.above_band_max || hh.unpriced_item;
        if (flagged != example.needs_motivation)
            fail("needs_motivation", example.needs_motivation ? "true" : "false", flagged ? "true" : "false");
    }
    return issues;
}

DecisionInput example_input(const protocol::Policy& policy, const protocol::PolicyExampleInput& example)
{
    DecisionInput in;
    in.date = example.date;
    in.age = example.age;
    in.home = example.home;
    in.findings = example.findings;
    in.choice = example.choice;
    for (const auto& [key, value] : example.tests) {
        const auto dot = key.find('.');
        TestFact fact{
            key.substr(0, dot),    "example", dot == std::string::npos ? "" : key.substr(dot + 1), example.date,
            Decimal::parse(value), ""};
        if (!fact.value) fact.state = value;
        in.tests.push_back(std::move(fact));
    }
    if (example.reassessment) {
        TrajectoryEnd end;
        end.dropout = example.dropout;
        end.goals = example.goals;
        end.goals_met = example.goals_met;
        if (example.retest_change) {
            end.retest = *example.retest_change == "meaningful"       ? TrajectoryEnd::Change::meaningful
                         : *example.retest_change == "not_meaningful" ? TrajectoryEnd::Change::not_meaningful
                                                                      : TrajectoryEnd::Change::declined;
            end.retest_detail =
                policy.reassessment.instrument + " " + policy.reassessment.score + ": " + *example.retest_change;
        }
        in.trajectory_end = std::move(end);
    }
    return in;
}

std::vector<protocol::Issue> verify_examples(const protocol::Policy& policy, const protocol::HhNorms& norms)
{
    std::vector<protocol::Issue> issues;
    for (const protocol::PolicyExample& example : policy.examples) {
        auto fail = [&](const std::string& what, const std::string& message) {
            issues.push_back({policy.file, example.pointer + "/expect" + (what.empty() ? "" : "/" + what),
                              "example " + quoted(example.name) + ": " + message});
        };
        Decision d;
        try {
            d = decide(policy, norms, example_input(policy, example.input));
        }
        catch (const Error& e) {
            if (!example.error)
                fail("", "expected a decision, got the error " + std::string(to_string(e.code())) + ": " + e.what());
            else if (*example.error != to_string(e.code()))
                fail("error", "expected the error " + *example.error + ", got " + std::string(to_string(e.code())) +
                                  ": " + e.what());
            continue;
        }
        if (example.error) {
            fail("error", "expected the error " + *example.error + ", got the outcome " +
                              std::string(domain::to_string(d.outcome)));
            continue;
        }
        if (example.outcome && *example.outcome != d.outcome)
            fail("outcome", "expected " + std::string(domain::to_string(*example.outcome)) + ", got " +
                                std::string(domain::to_string(d.outcome)));
        if (example.band && (!d.hh || d.hh->band != *example.band))
            fail("band", "expected band " + *example.band + ", got " + (d.hh ? d.hh->band : std::string("no amount")));
        if (example.minutes_per_week && (!d.hh || d.hh->minutes_per_week != *example.minutes_per_week))
            fail("minutes_per_week", "expected " + example.minutes_per_week->to_string() + " minutes per week, got " +
                                         (d.hh ? d.hh->minutes_per_week.to_string() : std::string("no amount")));
        for (const std::string& code : example.reasons)
            if (!d.has_reason(code)) {
                std::string got;
                for (const Reason& r : d.reasons) got += (got.empty() ? "" : ", ") + r.code;
                fail("reasons", "expected reason " + code + ", got " + (got.empty() ? "none" : got));
            }
        const std::string reassessment = d.reassessment ? std::string(to_string(*d.reassessment)) : "none";
        if (example.reassessment && *example.reassessment != reassessment)
            fail("reassessment", "expected " + *example.reassessment + ", got " + reassessment);
    }
    return issues;
}

}  // namespace reable::decision
