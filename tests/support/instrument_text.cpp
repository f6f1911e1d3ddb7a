#include "support/instrument_text.hpp"

#include "reable/app/protocol_set.hpp"
#include "reable/protocol/loader.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

namespace reable::testing {

protocol::Instrument load_instrument(const std::string& json_text)
{
    protocol::InstrumentLoad load = protocol::read_instrument(json_text, "test.json");
    for (const protocol::Issue& issue : load.issues) MESSAGE(protocol::format_issue(issue));
    REQUIRE(load.issues.empty());
    REQUIRE(load.instruments.size() == 1);
    return std::move(load.instruments.front());
}

std::vector<protocol::Issue> issues_of(const std::string& json_text)
{
    return protocol::read_instrument(json_text, "test.json").issues;
}

const protocol::Registry& shipped()
{
    static const protocol::Registry registry = app::load_registry(REABLE_SOURCE_PROTOCOLS_DIR);
    return registry;
}

std::vector<scoring::RawItem> raw_items(const std::vector<std::pair<std::string, std::string>>& values)
{
    std::vector<scoring::RawItem> items;
    for (const auto& [id, text] : values) {
        auto it = std::find_if(items.begin(), items.end(), [&](const scoring::RawItem& r) { return r.id == id; });
        if (it == items.end()) {
            items.push_back({id, {}});
            it = items.end() - 1;
        }
        it->values.push_back({false, {}, text});
    }
    return items;
}

scoring::ScoreReport score_text(const protocol::Instrument& instrument,
                                const std::vector<std::pair<std::string, std::string>>& values, int age,
                                const std::string& sex)
{
    scoring::Subject subject;
    if (age >= 0) subject.age = age;
    if (!sex.empty()) subject.sex = protocol::sex_from_string(sex);
    const scoring::Observation observation = scoring::read_observation(instrument, raw_items(values));
    return scoring::make_report(observation, subject, scoring::score(observation, subject));
}

scoring::ChangeReport change_between(const protocol::Instrument& instrument,
                                     const std::vector<std::pair<std::string, std::string>>& before,
                                     const std::vector<std::pair<std::string, std::string>>& after, int age,
                                     const std::string& sex)
{
    struct Occasion {
        scoring::Observation observation;
        scoring::Subject subject;
        scoring::ScoreSheet sheet;
    };
    auto occasion = [&](const std::vector<std::pair<std::string, std::string>>& values, const char* date) {
        scoring::Subject subject;
        subject.test_date = calendar::parse_iso_date(date);
        if (age >= 0) subject.age = age;
        if (!sex.empty()) subject.sex = protocol::sex_from_string(sex);
        scoring::Observation observation = scoring::read_observation(instrument, raw_items(values));
        scoring::ScoreSheet sheet = scoring::score(observation, subject);
        return Occasion{std::move(observation), subject, std::move(sheet)};
    };
    const Occasion b = occasion(before, "2026-01-05");
    const Occasion a = occasion(after, "2026-04-13");
    return scoring::compare(b.observation, b.subject, b.sheet, a.observation, a.subject, a.sheet);
}

const scoring::ChangeLine& change_line(const scoring::ChangeReport& report, const std::string& id)
{
    for (const auto& line : report.scores)
        if (line.id == id) return line;
    for (const auto& line : report.items)
        if (line.id == id) return line;
    FAIL("no change line " << id);
    throw std::logic_error("unreachable");
}

std::string score_of(const scoring::ScoreReport& report, const std::string& score_id)
{
    for (const scoring::ScoreLine& line : report.scores) {
        if (line.id != score_id) continue;
        const scoring::Value& v = line.shown.value;
        if (v.is_number()) return v.number.to_string();
        if (v.is_state()) return std::string(protocol::to_string(v.state));
        return "missing";
    }
    FAIL("no score " << score_id);
    return {};
}

std::string interpretation_of(const scoring::ScoreReport& report, const std::string& id)
{
    for (const scoring::InterpretationLine& line : report.interpretations)
        if (line.id == id)
            return line.status == scoring::RuleStatus::applied ? line.code : std::string(to_string(line.status));
    FAIL("no interpretation " << id);
    return {};
}

std::string norm_of(const scoring::ScoreReport& report, const std::string& id)
{
    for (const scoring::NormLine& line : report.norms)
        if (line.id == id)
            return line.status == scoring::RuleStatus::applied ? std::string(to_string(line.position))
                                                               : std::string(to_string(line.status));
    FAIL("no norm table " << id);
    return {};
}

}  // namespace reable::testing
