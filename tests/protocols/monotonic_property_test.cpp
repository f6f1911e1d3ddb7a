// Properties that must hold for every shipped instrument, whatever its numbers:
// a better performance never scores worse. For a time (lower is better) a slower time never
// scores more points; and the data-driven SPPB agrees with an independent hand-written scorer.

#include "reable/scoring/engine.hpp"
#include "support/instrument_text.hpp"
#include "support/sppb_handwritten.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace reable;

namespace {

/// True when `after` is not worse than `before` for a score where `better` says which way is good.
bool not_worse(Decimal before, Decimal after, protocol::Better better)
{
    return better == protocol::Better::higher ? after >= before : after <= before;
}

struct Checked {
    std::size_t tables = 0;
    std::size_t values = 0;
};

/// Walks every value of an item's range, in its precision, through a band table.
void check_table(const protocol::Instrument& instrument, const protocol::BandTable& table, protocol::Slot input,
                 protocol::Better output_better, const std::string& where, Checked& checked)
{
    // A best, mean or plain value of one item takes that item's values; other computed inputs
    // have no finite grid to walk.
    if (input >= instrument.items.size()) {
        const protocol::Score& source = instrument.scores[input - instrument.items.size()];
        const bool passes_item_values = source.kind == protocol::ScoreKind::best_of_trials ||
                                        source.kind == protocol::ScoreKind::mean_of_trials ||
                                        source.kind == protocol::ScoreKind::value;
        if (!passes_item_values || source.inputs.size() != 1) return;
        input = source.inputs.front();
    }
    const protocol::Item& item = instrument.items[input];
    if (item.type != protocol::ItemType::measurement) return;
    ++checked.tables;
    // Walk from the worst value to the best: the points must never get worse.
    const bool ascending = item.better == protocol::Better::higher;
    Decimal value = ascending ? item.min : item.max;
    std::optional<Decimal> previous;
    for (;;) {
        const auto points = scoring::lookup_band(table, value);
        REQUIRE_MESSAGE(points.has_value(), where << ": no band for " << value);
        if (previous && !not_worse(*previous, *points, output_better))
            FAIL_CHECK(where << ": at " << value << " " << units::symbol(item.unit) << " the points go from "
                             << *previous << " to " << *points << " although the performance is better");
        previous = points;
        ++checked.values;
        if (ascending ? value >= item.max : value <= item.min) break;
        value = ascending ? value + item.precision : value - item.precision;
    }
}

}  // namespace

TEST_CASE("property: in every shipped band table, a better performance never scores worse")
{
    Checked checked;
    for (const protocol::Instrument& instrument : testing::shipped().instruments()) {
        for (const protocol::Score& score : instrument.scores) {
            const std::string where = instrument.reference() + " " + score.id;
            if (score.kind == protocol::ScoreKind::band)
                check_table(instrument, score.table, score.inputs.front(), score.better, where, checked);
            for (const protocol::StopStep& step : score.steps)
                check_table(instrument, step.table, step.input, score.better, where, checked);
        }
    }
    MESSAGE("checked " << checked.tables << " band tables at " << checked.values << " values");
    CHECK(checked.tables >= 6);  // at least SPPB's five tables and one more
}

TEST_CASE("property: through the whole engine, a slower SPPB time never scores more points")
{
    const protocol::Instrument& sppb = testing::shipped().instrument("sppb");
    scoring::ScoreSheet sheet;
    const scoring::Subject subject;
    for (const char* item_id : {"gait_4m", "gait_3m", "chair_stand_5x"}) {
        CAPTURE(item_id);
        const protocol::Item& item = *sppb.find_item(item_id);
        const std::string part = std::string(item_id) == "chair_stand_5x" ? "chair" : "gait";
        const std::size_t part_slot = sppb.find_score(part)->slot;
        std::optional<Decimal> previous;
        for (Decimal t = item.min; t <= item.max; t += item.precision) {
            scoring::Observation observation(sppb);
            observation.trials(item)[0] = scoring::Value::of(t);
            scoring::score_into(observation, subject, sheet);
            const scoring::Value& points = sheet.slots[part_slot];
            REQUIRE(points.is_number());
            if (previous && points.number > *previous)
                FAIL_CHECK("at " << t << " s the points rise from " << *previous << " to " << points.number);
            previous = points.number;
        }
    }
}

TEST_CASE("differential: the data-driven SPPB agrees with the hand-written scorer on every combination of edge values")
{
    const protocol::Instrument& sppb = testing::shipped().instrument("sppb");
    const testing::HandwrittenSppb hand(sppb);
    using scoring::Value;
    auto seconds = [](const char* text) { return Value::of(Decimal::parse(text).value()); };
    const Value missing{};
    const Value not_attempted = Value::of_state(protocol::TrialState::not_attempted, 1);
    const std::vector<Value> balance{missing,         not_attempted,   seconds("0"), seconds("2.99"),
                                     seconds("3.00"), seconds("9.99"), seconds("10")};
    const std::vector<Value> walk4{missing,         Value::of_state(protocol::TrialState::unable),
                                   seconds("0.01"), seconds("4.81"),
                                   seconds("4.82"), seconds("6.20"),
                                   seconds("6.21"), seconds("8.70"),
                                   seconds("8.71"), seconds("300")};
    const std::vector<Value> walk3{missing,         seconds("3.61"), seconds("3.62"), seconds("4.65"),
                                   seconds("4.66"), seconds("6.52"), seconds("6.53")};
    const std::vector<Value> chair{missing,
                                   Value::of_state(protocol::TrialState::used_arms),
                                   Value::of_state(protocol::TrialState::unable),
                                   seconds("11.19"),
                                   seconds("11.20"),
                                   seconds("13.69"),
                                   seconds("13.70"),
                                   seconds("16.69"),
                                   seconds("16.70"),
                                   seconds("60.00"),
                                   seconds("60.01")};
    const auto item = [&](const char* id) -> const protocol::Item& { return *sppb.find_item(id); };
    auto slot_of = [&](const char* id) { return sppb.find_score(id)->slot; };
    const scoring::Subject subject;
    scoring::ScoreSheet sheet;
    std::size_t compared = 0;
    for (const Value& side : balance)
        for (const Value& semi : balance)
            for (const Value& tandem : balance)
                for (const Value& w4 : walk4)
                    for (const Value& w3 : walk3) {
                        if (!w4.is_missing() && !w3.is_missing()) continue;  // the two courses are alternatives
                        for (const Value& c : chair) {
                            scoring::Observation observation(sppb);
                            observation.trials(item("balance_side_by_side"))[0] = side;
                            observation.trials(item("balance_semi_tandem"))[0] = semi;
                            observation.trials(item("balance_tandem"))[0] = tandem;
                            observation.trials(item("gait_4m"))[0] = w4;
                            observation.trials(item("gait_3m"))[0] = w3;
                            observation.trials(item("chair_stand_5x"))[0] = c;
                            scoring::score_into(observation, subject, sheet);
                            const testing::SppbHandResult expected = hand.score(observation);
                            const bool same = sheet.slots[slot_of("balance")] == expected.balance &&
                                              sheet.slots[slot_of("gait")] == expected.gait &&
                                              sheet.slots[slot_of("chair")] == expected.chair &&
                                              sheet.slots[slot_of("total")] == expected.total;
                            if (!same) {
                                FAIL_CHECK("side " << side << ", semi " << semi << ", tandem " << tandem << ", 4 m "
                                                   << w4 << ", 3 m " << w3 << ", chair " << c << ": engine "
                                                   << sheet.slots[slot_of("total")] << ", by hand " << expected.total);
                                return;
                            }
                            if (expected.total.is_number()) {
                                CHECK(sheet.interpretations[0].band == expected.total_group);
                            }
                            ++compared;
                        }
                    }
    MESSAGE("compared " << compared << " observations");
    CHECK(compared == 7u * 7u * 7u * (10u * 1u + 1u * 6u) * 11u);  // every combination but both courses at once
}

TEST_CASE("differential: random two-trial SPPB observations score the same both ways")
{
    const protocol::Instrument& sppb = testing::shipped().instrument("sppb");
    const testing::HandwrittenSppb hand(sppb);
    std::mt19937 random(20261123);
    std::uniform_int_distribution<int> hundredths(1, 2000);
    std::uniform_int_distribution<int> balance_hundredths(0, 1000);
    const scoring::Subject subject;
    scoring::ScoreSheet sheet;
    for (int i = 0; i < 20'000; ++i) {
        scoring::Observation observation(sppb);
        auto set = [&](const char* id, int trial, int h) {
            observation.trials(*sppb.find_item(id))[static_cast<std::size_t>(trial)] =
                scoring::Value::of(Decimal::from_scaled(h, 2));
        };
        set("balance_side_by_side", 0, balance_hundredths(random));
        set("balance_semi_tandem", 0, balance_hundredths(random));
        set("balance_tandem", 0, balance_hundredths(random));
        set("gait_4m", 0, hundredths(random));
        set("gait_4m", 1, hundredths(random));
        set("chair_stand_5x", 0, hundredths(random) * 4);
        scoring::score_into(observation, subject, sheet);
        const auto expected = hand.score(observation);
        REQUIRE(sheet.slots[sppb.find_score("total")->slot] == expected.total);
    }
}
