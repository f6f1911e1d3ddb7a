// The data-driven scorer. Every score kind is a small function over the slot array; the loader
// has already resolved names to slots and ordered scores so that each reads only earlier slots.
// This is the hot path (see tests/bench): no allocation once the sheet has its size, no strings.

#include "reable/scoring/engine.hpp"

#include <algorithm>

namespace reable::scoring {
namespace {

using protocol::Better;
using protocol::Instrument;
using protocol::Item;
using protocol::ItemType;
using protocol::Score;
using protocol::ScoreKind;
using protocol::Sex;

constexpr std::size_t index_of(protocol::TrialState s) { return static_cast<std::size_t>(s); }

bool on_uncertain_edge(const protocol::BandTable& table, Decimal v)
{
    for (Decimal edge : table.uncertain_at)
        if (edge == v) return true;
    return false;
}

/// Points for a value or state through a band table; missing stays missing.
Value apply_table(const protocol::BandTable& table, const Value& in, std::uint8_t& flags)
{
    if (in.is_number()) {
        if (auto points = lookup_band(table, in.number)) {
            if (!table.uncertain_at.empty() && on_uncertain_edge(table, in.number)) flags |= flag_uncertain_edge;
            return Value::of(*points);
        }
        return Value{};  // unreachable for a validated table: bands cover the input's domain
    }
    if (in.is_state()) {
        if (const auto& points = table.state_points[index_of(in.state)]) return Value::of(*points);
        return in;
    }
    flags |= flag_incomplete;
    return Value{};
}

/// Best or mean over all trials of the given items. With no number among them, the first
/// state entered stands for the result ("unable" stays "unable").
Value aggregate_trials(const Instrument& instrument, const Observation& observation, const Score& score,
                       std::uint8_t& flags)
{
    const bool lower_is_better = score.better == Better::lower;
    const bool mean = score.kind == ScoreKind::mean_of_trials;
    Decimal best, total;
    int count = 0;
    const Value* first_state = nullptr;
    for (protocol::Slot slot : score.inputs) {
        for (const Value& trial : observation.trials(instrument.items[slot])) {
            if (trial.is_number()) {
                if (count == 0) best = trial.number;
                else if (lower_is_better ? trial.number < best : trial.number > best) best = trial.number;
                total += trial.number;
                ++count;
            }
            else if (trial.is_state() && first_state == nullptr) {
                first_state = &trial;
            }
        }
    }
    if (count > 0) {
        if (!mean) return Value::of(best);
        const Decimal m = total / Decimal::from_int(count);
        return Value::of(score.round_to ? m.rounded_to(*score.round_to) : m);
    }
    if (first_state != nullptr) return Value::of_state(first_state->state, first_state->detail);
    flags |= flag_incomplete;
    return Value{};
}

Value stop_rule(const Score& score, const std::vector<Value>& slots, std::uint8_t& flags)
{
    Decimal total;
    for (std::size_t i = 0; i < score.steps.size(); ++i) {
        const protocol::StopStep& step = score.steps[i];
        const Value points = apply_table(step.table, slots[step.input], flags);
        if (!points.is_number()) return Value{};  // missing (flagged incomplete by apply_table)
        total += points.number;
        if (step.continue_at_least && points.number < *step.continue_at_least) {
            for (std::size_t later = i + 1; later < score.steps.size(); ++later)
                if (!slots[score.steps[later].input].is_missing()) flags |= flag_ignored_after_stop;
            break;
        }
    }
    return Value::of(total);
}

Value sum_or_mean(const Score& score, const std::vector<Value>& slots, std::uint8_t& flags)
{
    Decimal total;
    int present = 0;
    int missing = 0;
    for (protocol::Slot slot : score.inputs) {
        const Value& v = slots[slot];
        if (v.is_number()) {
            total += v.number;
            ++present;
        }
        else {
            ++missing;  // a state cannot reach here: the loader requires inputs mapped to numbers
        }
    }
    if (missing > score.max_missing || present == 0) {
        flags |= flag_incomplete;
        return Value{};
    }
    if (missing > 0) flags |= flag_partial;
    if (score.kind == ScoreKind::sum) return Value::of(total);
    const Decimal m = total / Decimal::from_int(present);
    return Value::of(score.round_to ? m.rounded_to(*score.round_to) : m);
}

Value linear(const Score& score, const std::vector<Value>& slots, const Subject& subject, std::uint8_t& flags)
{
    const protocol::LinearFormula* formula = score.formula ? &*score.formula : nullptr;
    if (formula == nullptr) {
        if (!subject.sex) {
            flags |= flag_needs_sex;
            return Value{};
        }
        formula = &*score.formula_by_sex[static_cast<std::size_t>(*subject.sex)];
    }
    Decimal result = formula->intercept;
    for (const protocol::Term& term : formula->terms) {
        Decimal x;
        if (term.input == protocol::k_age_slot) {
            if (!subject.age) {
                flags |= flag_needs_age;
                return Value{};
            }
            x = Decimal::from_int(*subject.age);
        }
        else {
            const Value& v = slots[term.input];
            if (v.is_state()) return v;
            if (v.is_missing()) {
                flags |= flag_incomplete;
                return Value{};
            }
            x = v.number;
        }
        result += term.coefficient * x;
    }
    if (score.valid_age) {
        if (!subject.age) flags |= flag_needs_age;
        else if (!score.valid_age->contains(Decimal::from_int(*subject.age))) flags |= flag_outside_valid_age;
    }
    return Value::of(score.round_to ? result.rounded_to(*score.round_to) : result);
}

Value ratio(const Score& score, const std::vector<Value>& slots, std::uint8_t& flags)
{
    Decimal numerator;
    std::size_t next = 0;
    if (score.numerator_constant) {
        numerator = *score.numerator_constant;
    }
    else {
        const Value& n = slots[score.inputs[next++]];
        if (!n.is_number()) {
            if (n.is_missing()) flags |= flag_incomplete;
            return n;
        }
        numerator = n.number;
    }
    const Value& d = slots[score.inputs[next]];
    if (!d.is_number()) {
        if (d.is_missing()) flags |= flag_incomplete;
        return d;
    }
    if (d.number == Decimal{}) {
        flags |= flag_undefined_ratio;
        return Value{};
    }
    const Decimal q = numerator * score.factor / d.number;
    return Value::of(score.round_to ? q.rounded_to(*score.round_to) : q);
}

Value evaluate(const Instrument& instrument, const Observation& observation, const Subject& subject,
               const Score& score, const std::vector<Value>& slots, std::uint8_t& flags)
{
    switch (score.kind) {
    case ScoreKind::value: {
        const Value& in = slots[score.inputs.front()];
        if (in.is_state())
            if (const auto& mapped = score.table.state_points[index_of(in.state)]) return Value::of(*mapped);
        if (in.is_missing()) flags |= flag_incomplete;
        return in;
    }
    case ScoreKind::best_of_trials:
    case ScoreKind::mean_of_trials: return aggregate_trials(instrument, observation, score, flags);
    case ScoreKind::band: return apply_table(score.table, slots[score.inputs.front()], flags);
    case ScoreKind::stop_rule: return stop_rule(score, slots, flags);
    case ScoreKind::sum:
    case ScoreKind::mean: return sum_or_mean(score, slots, flags);
    case ScoreKind::first_present:
        for (protocol::Slot slot : score.inputs)
            if (!slots[slot].is_missing()) return slots[slot];
        flags |= flag_incomplete;
        return Value{};
    case ScoreKind::linear: return linear(score, slots, subject, flags);
    case ScoreKind::ratio: return ratio(score, slots, flags);
    }
    return Value{};
}

const std::vector<protocol::LabelBand>* bands_for(const protocol::Interpretation& interp, const Subject& subject)
{
    if (!interp.by_sex) return &interp.bands;
    if (!subject.sex) return nullptr;
    return &interp.bands_by_sex[static_cast<std::size_t>(*subject.sex)];
}

InterpretationResult interpret(const protocol::Interpretation& interp, const Value& v, const Subject& subject)
{
    if (v.is_missing()) return {RuleStatus::no_value, -1};
    if (v.is_state()) return {RuleStatus::state, -1};
    const std::vector<protocol::LabelBand>* bands = bands_for(interp, subject);
    if (bands == nullptr) return {RuleStatus::needs_sex, -1};
    for (std::size_t i = 0; i < bands->size(); ++i)
        if ((*bands)[i].when.contains(v.number)) return {RuleStatus::applied, static_cast<int>(i)};
    return {RuleStatus::no_band, -1};
}

NormResult place_in_norm(const protocol::NormTable& table, Better better, const Value& v, const Subject& subject)
{
    NormResult r;
    if (v.is_missing()) return r;
    if (v.is_state()) {
        r.status = RuleStatus::state;
        return r;
    }
    if (!subject.sex) {
        r.status = RuleStatus::needs_sex;
        return r;
    }
    if (!subject.age) {
        r.status = RuleStatus::needs_age;
        return r;
    }
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const protocol::NormRow& row = table.rows[i];
        if (row.sex != *subject.sex || *subject.age < row.age_min || *subject.age > row.age_max) continue;
        r.status = RuleStatus::applied;
        r.row = static_cast<int>(i);
        r.position = v.number < row.low ? NormPosition::below : v.number > row.high ? NormPosition::above : NormPosition::within;
        const bool faster_is_better = better == Better::lower;
        if (r.position == NormPosition::within) r.performance = Performance::average;
        else if ((r.position == NormPosition::below) != faster_is_better) r.performance = Performance::below_average;
        else r.performance = Performance::above_average;
        return r;
    }
    r.status = RuleStatus::no_norm_for_age;
    return r;
}

}  // namespace

std::optional<Decimal> lookup_band(const protocol::BandTable& table, Decimal v)
{
    for (const protocol::Band& band : table.bands)
        if (band.when.contains(v)) return band.points;
    return std::nullopt;
}

void score_into(const Observation& observation, const Subject& subject, ScoreSheet& sheet)
{
    const Instrument& instrument = observation.instrument();
    const std::size_t n_items = instrument.items.size();
    sheet.slots.resize(instrument.slot_count());
    sheet.flags.assign(instrument.scores.size(), 0);

    for (std::size_t i = 0; i < n_items; ++i) {
        const Item& item = instrument.items[i];
        Value v;
        if (item.trials == 1) {
            v = observation.trials(item)[0];
            if (item.type == ItemType::choice && v.is_number() && !item.scored) v = Value{};
        }
        sheet.slots[i] = v;
    }
    for (std::size_t s = 0; s < instrument.scores.size(); ++s) {
        const Score& score = instrument.scores[s];
        sheet.slots[n_items + s] = evaluate(instrument, observation, subject, score, sheet.slots, sheet.flags[s]);
        if (score.alternative_branch) sheet.flags[s] &= static_cast<std::uint8_t>(~flag_incomplete);
    }

    sheet.interpretations.resize(instrument.interpretations.size());
    for (std::size_t i = 0; i < instrument.interpretations.size(); ++i) {
        const protocol::Interpretation& interp = instrument.interpretations[i];
        sheet.interpretations[i] = interpret(interp, sheet.slots[interp.score], subject);
    }
    sheet.norms.resize(instrument.norms.size());
    for (std::size_t i = 0; i < instrument.norms.size(); ++i) {
        const protocol::NormTable& table = instrument.norms[i];
        sheet.norms[i] = place_in_norm(table, instrument.slot_better(table.score), sheet.slots[table.score], subject);
    }
}

ScoreSheet score(const Observation& observation, const Subject& subject)
{
    ScoreSheet sheet;
    score_into(observation, subject, sheet);
    return sheet;
}

}  // namespace reable::scoring
