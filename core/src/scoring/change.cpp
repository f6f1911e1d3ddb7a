#include "reable/scoring/change.hpp"

#include "reable/error.hpp"

namespace reable::scoring {
namespace {

using protocol::Better;
using protocol::Instrument;

ShownValue show_plain(const Value& v, units::Unit unit, Decimal precision)
{
    ShownValue shown{v, {}, {}};
    if (v.is_number())
        shown.text = format_number(v.number, unit, precision);
    else if (v.is_state())
        shown.text = std::string(protocol::to_string(v.state));
    else
        shown.text = "missing";
    return shown;
}

bool reaches(const protocol::ChangeThreshold& t, Decimal magnitude)
{
    return t.at.inclusive ? magnitude >= t.at.value : magnitude > t.at.value;
}

ChangeLine change_line(const Instrument& instrument, protocol::Slot slot, const Value& before, const Value& after,
                       Decimal precision)
{
    ChangeLine line;
    line.id = instrument.slot_id(slot);
    line.is_item = slot < instrument.items.size();
    line.label = line.is_item ? instrument.items[slot].label : instrument.scores[slot - instrument.items.size()].label;
    const units::Unit unit = instrument.slot_unit(slot);
    line.unit = std::string(units::symbol(unit));
    line.before = show_plain(before, unit, precision);
    line.after = show_plain(after, unit, precision);
    if (!before.is_number() || !after.is_number()) return line;

    const Decimal delta = after.number - before.number;
    line.delta = delta;
    line.delta_text = (delta > Decimal{} ? "+" : "") + format_number(delta, unit, precision);
    const bool higher_is_better = instrument.slot_better(slot) == Better::higher;
    if (delta == Decimal{})
        line.direction = Direction::unchanged;
    else if ((delta > Decimal{}) == higher_is_better)
        line.direction = Direction::improved;
    else
        line.direction = Direction::declined;

    for (const protocol::MinimalImportantChange& mic : instrument.changes) {
        if (mic.score != slot) continue;
        line.has_threshold = true;
        const protocol::Source& source = instrument.sources[mic.provenance.source];
        line.provenance = ProvenanceView{source.id, source.citation, mic.provenance.confidence, mic.provenance.note};
        for (const protocol::ChangeThreshold& t : mic.thresholds) {
            if (!reaches(t, delta.abs())) break;
            line.meaningful = true;
            line.threshold_code = t.code;
            line.threshold_label = t.label;
        }
    }
    return line;
}

}  // namespace

std::string_view to_string(Direction direction)
{
    switch (direction) {
    case Direction::improved: return "improved";
    case Direction::declined: return "declined";
    case Direction::unchanged: return "unchanged";
    case Direction::not_comparable: return "not_comparable";
    }
    return "not_comparable";
}

ChangeReport compare(const Observation& before_observation, const Subject& before_subject, const ScoreSheet& before,
                     const Observation& after_observation, const Subject& after_subject, const ScoreSheet& after)
{
    const Instrument& instrument = before_observation.instrument();
    if (&instrument != &after_observation.instrument())
        throw Error(ErrorCode::invalid_input, "both occasions must be scored with the same instrument version");
    if (before_subject.test_date && after_subject.test_date && *after_subject.test_date < *before_subject.test_date)
        throw Error(ErrorCode::invalid_input,
                    "the second occasion (" + calendar::format_iso_date(*after_subject.test_date) +
                        ") is before the first (" + calendar::format_iso_date(*before_subject.test_date) + ")");
    ChangeReport report;
    report.instrument_id = instrument.id;
    report.instrument_version = instrument.version;
    report.instrument_name = instrument.name;
    report.before_date = before_subject.test_date;
    report.after_date = after_subject.test_date;
    for (const protocol::Score& score : instrument.scores) {
        const Decimal shown =
            score.display_decimals ? Decimal::from_scaled(1, *score.display_decimals) : score.precision;
        report.scores.push_back(
            change_line(instrument, score.slot, before.slots[score.slot], after.slots[score.slot], shown));
    }
    // Items that feed a score (COPM's per-problem performance and satisfaction), not the ones
    // only recorded (COPM importance, which has no better or worse).
    std::vector<bool> feeds_a_score(instrument.items.size(), false);
    auto mark = [&](protocol::Slot slot) {
        if (slot < instrument.items.size()) feeds_a_score[slot] = true;
    };
    for (const protocol::Score& score : instrument.scores) {
        for (protocol::Slot slot : score.inputs) mark(slot);
        for (const protocol::StopStep& step : score.steps) mark(step.input);
        for (const auto& formula : {score.formula, score.formula_by_sex[0], score.formula_by_sex[1]})
            if (formula)
                for (const protocol::Term& term : formula->terms) mark(term.input);
    }
    for (std::size_t i = 0; i < instrument.items.size(); ++i) {
        const protocol::Item& item = instrument.items[i];
        if (item.type != protocol::ItemType::measurement || item.trials != 1 || !feeds_a_score[i]) continue;
        if (!before_observation.has(item) && !after_observation.has(item)) continue;
        report.items.push_back(
            change_line(instrument, static_cast<protocol::Slot>(i), before.slots[i], after.slots[i], item.precision));
    }
    return report;
}

}  // namespace reable::scoring
