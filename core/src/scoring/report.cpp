#include "reable/scoring/report.hpp"

#include <algorithm>

namespace reable::scoring {
namespace {

using protocol::Instrument;
using protocol::Item;
using protocol::ItemType;

ProvenanceView view(const Instrument& instrument, const protocol::Provenance& p)
{
    const protocol::Source& source = instrument.sources[p.source];
    return ProvenanceView{source.id, source.citation, p.confidence, p.note};
}

ShownValue show(const Value& v, units::Unit unit, Decimal precision, const Item* item)
{
    ShownValue shown{v, {}, {}};
    switch (v.status) {
    case ValueStatus::missing: shown.text = "missing"; break;
    case ValueStatus::number: shown.text = format_number(v.number, unit, precision); break;
    case ValueStatus::state:
        shown.text = std::string(protocol::to_string(v.state));
        if (item != nullptr && v.detail > 0) {
            const auto& reasons = item->states[static_cast<std::size_t>(v.state)].reasons;
            if (v.detail <= reasons.size()) shown.reason = reasons[v.detail - 1u];
        }
        break;
    }
    return shown;
}

/// The item a state in a score came from, so its reason can be shown (first item input).
const Item* origin_item(const Instrument& instrument, const protocol::Score& score)
{
    for (protocol::Slot s : score.inputs)
        if (s < instrument.items.size()) return &instrument.items[s];
    return nullptr;
}

std::string score_flag_message(ScoreFlag flag, const Subject& subject)
{
    switch (flag) {
    case flag_incomplete: return "not scored: a value it needs is missing";
    case flag_partial: return "computed over the answered items only, as the missing-item rule allows";
    case flag_ignored_after_stop: return "a value was given for a step after the test had stopped; it does not count";
    case flag_uncertain_edge:
        return "the value lies exactly on an edge that the sources write inconsistently (unverified)";
    case flag_needs_sex: return "depends on sex, which was not given";
    case flag_needs_age: return "depends on age, which was not given";
    case flag_outside_valid_age:
        return "age " + std::to_string(subject.age.value_or(0)) + " is outside the ages the equation was derived for";
    case flag_undefined_ratio: return "cannot divide by zero";
    }
    return {};
}

std::string_view score_flag_code(ScoreFlag flag)
{
    switch (flag) {
    case flag_incomplete: return "incomplete";
    case flag_partial: return "partial";
    case flag_ignored_after_stop: return "ignored_after_stop";
    case flag_uncertain_edge: return "uncertain_edge";
    case flag_needs_sex: return "needs_sex";
    case flag_needs_age: return "needs_age";
    case flag_outside_valid_age: return "outside_valid_age";
    case flag_undefined_ratio: return "undefined_ratio";
    }
    return "unknown";
}

/// A norm limit in the score's precision ("6.0 s", not "6 s"), or with all its digits when the published
/// limit is finer than that precision, so a limit is never rounded in the display.
std::string format_limit(Decimal limit, units::Unit unit, Decimal precision)
{
    const bool finer = limit.fraction_digits() > std::max(precision.fraction_digits(), 0);
    return format_number(limit, unit, finer ? Decimal::from_micros(1) : precision);
}

}  // namespace

std::string format_number(Decimal value, units::Unit unit, Decimal precision)
{
    const int digits =
        precision == Decimal::from_micros(1) ? value.fraction_digits() : std::max(precision.fraction_digits(), 0);
    std::string text = value.to_string(digits);
    if (unit == units::Unit::percent) return text + "%";
    return text + " " + std::string(units::symbol(unit));
}

std::string_view to_string(RuleStatus status)
{
    switch (status) {
    case RuleStatus::applied: return "applied";
    case RuleStatus::no_value: return "no_value";
    case RuleStatus::state: return "state";
    case RuleStatus::needs_sex: return "needs_sex";
    case RuleStatus::needs_age: return "needs_age";
    case RuleStatus::no_norm_for_age: return "no_norm_for_age";
    case RuleStatus::no_band: return "no_band";
    }
    return "no_value";
}

std::string_view to_string(NormPosition position)
{
    switch (position) {
    case NormPosition::below: return "below";
    case NormPosition::within: return "within";
    case NormPosition::above: return "above";
    }
    return "within";
}

std::string_view to_string(Performance performance)
{
    switch (performance) {
    case Performance::below_average: return "below_average";
    case Performance::average: return "average";
    case Performance::above_average: return "above_average";
    }
    return "average";
}

ScoreReport make_report(const Observation& observation, const Subject& subject, const ScoreSheet& sheet)
{
    const Instrument& instrument = observation.instrument();
    ScoreReport report;
    report.instrument_id = instrument.id;
    report.instrument_version = instrument.version;
    report.instrument_name = instrument.name;
    report.subject = subject;

    for (const Item& item : instrument.items) {
        if (!observation.has(item)) continue;
        ItemLine line;
        line.id = item.id;
        line.label = item.label;
        const auto trials = observation.trials(item);
        if (item.type == ItemType::choice) {
            const auto& option = item.options[trials[0].detail];
            line.answer = option.code;
            line.answer_label = option.label;
            line.points = option.points;
        }
        else {
            line.unit = std::string(units::symbol(item.unit));
            for (const Value& t : trials)
                if (!t.is_missing()) line.trials.push_back(show(t, item.unit, item.precision, &item));
        }
        report.items.push_back(std::move(line));
    }

    for (std::size_t s = 0; s < instrument.scores.size(); ++s) {
        const protocol::Score& score = instrument.scores[s];
        ScoreLine line;
        line.id = score.id;
        line.label = score.label;
        line.kind = score.kind;
        line.unit = std::string(units::symbol(score.unit));
        const Decimal shown_precision =
            score.display_decimals ? Decimal::from_scaled(1, *score.display_decimals) : score.precision;
        line.shown =
            show(sheet.score_value(instrument, s), score.unit, shown_precision, origin_item(instrument, score));
        line.primary = instrument.primary_score == s;
        line.alternative_branch = score.alternative_branch;
        if (score.provenance) line.provenance = view(instrument, *score.provenance);
        report.scores.push_back(std::move(line));
        for (std::uint8_t bit = 1; bit != 0; bit = static_cast<std::uint8_t>(bit << 1)) {
            if (sheet.flags[s] & bit) {
                const auto flag = static_cast<ScoreFlag>(bit);
                report.flags.push_back(
                    {std::string(score_flag_code(flag)), score.id, score_flag_message(flag, subject)});
            }
        }
    }

    for (std::size_t i = 0; i < instrument.interpretations.size(); ++i) {
        const protocol::Interpretation& interp = instrument.interpretations[i];
        const InterpretationResult& result = sheet.interpretations[i];
        InterpretationLine line;
        line.id = interp.id;
        line.label = interp.label;
        line.score = instrument.slot_id(interp.score);
        line.status = result.status;
        line.provenance = view(instrument, interp.provenance);
        if (result.status == RuleStatus::applied) {
            const auto& bands =
                interp.by_sex ? interp.bands_by_sex[static_cast<std::size_t>(*subject.sex)] : interp.bands;
            const protocol::LabelBand& band = bands[static_cast<std::size_t>(result.band)];
            line.code = band.code;
            line.band_label = band.label;
            if (band.provenance) line.provenance = view(instrument, *band.provenance);
        }
        if (result.status == RuleStatus::needs_sex)
            report.flags.push_back({"needs_sex", interp.id, "the cut-offs differ by sex, which was not given"});
        report.interpretations.push_back(std::move(line));
    }

    for (std::size_t i = 0; i < instrument.norms.size(); ++i) {
        const protocol::NormTable& table = instrument.norms[i];
        const NormResult& result = sheet.norms[i];
        NormLine line;
        line.id = table.id;
        line.label = table.label;
        line.score = instrument.slot_id(table.score);
        line.status = result.status;
        line.provenance = view(instrument, table.provenance);
        if (result.status == RuleStatus::applied) {
            const protocol::NormRow& row = table.rows[static_cast<std::size_t>(result.row)];
            line.row = row;
            const units::Unit unit = instrument.slot_unit(table.score);
            const Decimal precision = instrument.slot_precision(table.score);
            line.low_text = format_limit(row.low, unit, precision);
            line.high_text = format_limit(row.high, unit, precision);
            line.position = result.position;
            line.performance = result.performance;
            if (row.provenance) line.provenance = view(instrument, *row.provenance);
        }
        else if (result.status == RuleStatus::needs_sex) {
            report.flags.push_back({"needs_sex", table.id, "the normal range depends on sex, which was not given"});
        }
        else if (result.status == RuleStatus::needs_age) {
            report.flags.push_back({"needs_age", table.id, "the normal range depends on age, which was not given"});
        }
        else if (result.status == RuleStatus::no_norm_for_age) {
            report.flags.push_back(
                {"no_norm_for_age", table.id,
                 "the table has no normal range for age " + std::to_string(subject.age.value_or(0))});
        }
        report.norms.push_back(std::move(line));
    }
    return report;
}

std::vector<std::string> flag_codes(const ScoreReport& report)
{
    std::vector<std::string> codes;
    for (const FlagLine& f : report.flags) codes.push_back(f.code + ":" + f.target);
    std::sort(codes.begin(), codes.end());
    return codes;
}

}  // namespace reable::scoring
