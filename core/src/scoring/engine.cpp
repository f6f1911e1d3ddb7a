// The data-driven scorer. It runs the instrument's compiled Program (flat integer arrays, see
// protocol/program.hpp) for band lookups, stop rules, best trials, sums and alternatives, and the
// model's Score for the kinds that need decimal arithmetic. Scores only read earlier slots, so a
// single pass in file order computes everything. This is the hot path (tests/bench): no
// allocation once the sheet has its size, no strings, no look-ups by name.

#include "reable/scoring/engine.hpp"

#include "reable/protocol/program.hpp"

namespace reable::scoring {
namespace {

using protocol::Better;
using protocol::Instrument;
using protocol::Program;
using protocol::Score;
using protocol::ScoreKind;

constexpr std::size_t index_of(protocol::TrialState s) { return static_cast<std::size_t>(s); }

Value number(std::int64_t micros) { return Value::of(Decimal::from_micros(micros)); }

/// Points for a value or state through a compiled band table; missing stays missing.
Value apply(const Program& program, const Program::Table& table, const Value& in, unsigned& flags)
{
    if (in.is_number()) {
        const std::int64_t m = in.number.micros();
        for (std::uint32_t u = 0; u < table.uncertain_count; ++u)
            if (program.uncertain[table.uncertain_first + u] == m) flags |= flag_uncertain_edge;
        if (table.count == 0) return in;  // a value score: numbers pass through
        const std::uint32_t band = Program::locate(program.starts.data() + table.first, table.count, m);
        return number(program.points[table.first + band]);
    }
    if (in.is_state()) {
        const std::size_t s = index_of(in.state);
        if (table.state_mask & (1u << s)) return number(table.state_points[s]);
        return in;
    }
    flags |= flag_incomplete;
    return Value{};
}

Value stop_rule(const Program& program, const Program::Node& node, const Value* slots, unsigned& flags)
{
    std::int64_t total = 0;
    const Program::Table* steps = program.tables.data() + node.first;
    for (std::uint32_t i = 0; i < node.count; ++i) {
        const Value points = apply(program, steps[i], slots[steps[i].input], flags);
        if (!points.is_number()) return Value{};  // missing (flagged incomplete by apply)
        total += points.number.micros();
        if (steps[i].has_continue && points.number.micros() < steps[i].continue_at_least) {
            for (std::uint32_t later = i + 1; later < node.count; ++later)
                if (!slots[steps[later].input].is_missing()) flags |= flag_ignored_after_stop;
            break;
        }
    }
    return number(total);
}

/// The best trial over the node's items. With no number among them, the first state entered
/// stands for the result ("unable" stays "unable").
Value best_of_trials(const Program& program, const Program::Node& node, const Value* trials, unsigned& flags)
{
    const Value* best = nullptr;
    const Value* first_state = nullptr;
    for (std::uint32_t r = 0; r < node.count; ++r) {
        const Program::TrialRange range = program.trials[node.first + r];
        for (const Value* t = trials + range.first; t != trials + range.first + range.count; ++t) {
            if (t->is_number()) {
                if (best == nullptr || (node.lower_is_better ? t->number < best->number : t->number > best->number))
                    best = t;
            }
            else if (t->is_state() && first_state == nullptr) {
                first_state = t;
            }
        }
    }
    if (best != nullptr) return Value::of(best->number);
    if (first_state != nullptr) return Value::of_state(first_state->state, first_state->detail);
    flags |= flag_incomplete;
    return Value{};
}

Value sum(const Program& program, const Program::Node& node, const Value* slots, unsigned& flags)
{
    std::int64_t total = 0;
    std::int32_t missing = 0;
    for (std::uint32_t i = 0; i < node.count; ++i) {
        const Value& v = slots[program.inputs[node.first + i]];
        if (v.is_number())
            total += v.number.micros();
        else
            ++missing;  // a state cannot reach here: the loader requires inputs mapped to numbers
    }
    if (missing > node.max_missing || missing == static_cast<std::int32_t>(node.count)) {
        flags |= flag_incomplete;
        return Value{};
    }
    if (missing > 0) flags |= flag_partial;
    return number(total);
}

Value first_present(const Program& program, const Program::Node& node, const Value* slots, unsigned& flags)
{
    for (std::uint32_t i = 0; i < node.count; ++i) {
        const Value& v = slots[program.inputs[node.first + i]];
        if (!v.is_missing()) return v;
    }
    flags |= flag_incomplete;
    return Value{};
}

// ---- kinds evaluated from the model: they need decimal division, rounding or products ----

Value mean_of_trials(const Instrument& instrument, const Observation& observation, const Score& score, unsigned& flags)
{
    Decimal total;
    int count = 0;
    const Value* first_state = nullptr;
    for (protocol::Slot slot : score.inputs) {
        for (const Value& trial : observation.trials(instrument.items[slot])) {
            if (trial.is_number()) {
                total += trial.number;
                ++count;
            }
            else if (trial.is_state() && first_state == nullptr) {
                first_state = &trial;
            }
        }
    }
    if (count > 0) {
        const Decimal m = total / Decimal::from_int(count);
        return Value::of(score.round_to ? m.rounded_to(*score.round_to) : m);
    }
    if (first_state != nullptr) return Value::of_state(first_state->state, first_state->detail);
    flags |= flag_incomplete;
    return Value{};
}

Value mean(const Score& score, const Value* slots, unsigned& flags)
{
    Decimal total;
    int present = 0;
    for (protocol::Slot slot : score.inputs) {
        if (slots[slot].is_number()) {
            total += slots[slot].number;
            ++present;
        }
    }
    const int missing = static_cast<int>(score.inputs.size()) - present;
    if (missing > score.max_missing || present == 0) {
        flags |= flag_incomplete;
        return Value{};
    }
    if (missing > 0) flags |= flag_partial;
    const Decimal m = total / Decimal::from_int(present);
    return Value::of(score.round_to ? m.rounded_to(*score.round_to) : m);
}

Value linear(const Score& score, const Value* slots, const Subject& subject, unsigned& flags)
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
        if (!subject.age)
            flags |= flag_needs_age;
        else if (!score.valid_age->contains(Decimal::from_int(*subject.age)))
            flags |= flag_outside_valid_age;
    }
    return Value::of(score.round_to ? result.rounded_to(*score.round_to) : result);
}

Value ratio(const Score& score, const Value* slots, unsigned& flags)
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

InterpretationResult interpret(const Program& program, const Program::Lookup& lookup, const Value& v,
                               const Subject& subject)
{
    if (v.is_missing()) return {RuleStatus::no_value, -1};
    if (v.is_state()) return {RuleStatus::state, -1};
    std::size_t which = 0;
    if (lookup.by_sex) {
        if (!subject.sex) return {RuleStatus::needs_sex, -1};
        which = 1 + static_cast<std::size_t>(*subject.sex);
    }
    const std::uint32_t position =
        Program::locate(program.lookup_starts.data() + lookup.first[which], lookup.count[which], v.number.micros());
    return {RuleStatus::applied, program.lookup_order[lookup.first[which] + position]};
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
        r.position = v.number < row.low    ? NormPosition::below
                     : v.number > row.high ? NormPosition::above
                                           : NormPosition::within;
        const bool faster_is_better = better == Better::lower;
        if (r.position == NormPosition::within)
            r.performance = Performance::average;
        else if ((r.position == NormPosition::below) != faster_is_better)
            r.performance = Performance::below_average;
        else
            r.performance = Performance::above_average;
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
    const Program& program = *instrument.program;
    if (sheet.slots.size() != instrument.slot_count()) sheet.slots.resize(instrument.slot_count());
    if (sheet.flags.size() != instrument.scores.size()) sheet.flags.resize(instrument.scores.size());
    if (sheet.interpretations.size() != instrument.interpretations.size())
        sheet.interpretations.resize(instrument.interpretations.size());
    if (sheet.norms.size() != instrument.norms.size()) sheet.norms.resize(instrument.norms.size());

    // Items with one value are read through their slot; the rest (several trials, unscored
    // choices) only through their trials, so their slots are never read.
    Value* slots = sheet.slots.data();
    const Value* trials = observation.trial_data();
    for (const auto& [slot, trial] : program.copies) slots[slot] = trials[trial];

    std::uint8_t* flags = sheet.flags.data();
    for (const Program::Node& node : program.nodes) {
        // Flags gather in a local: writing them through an uint8_t* at every step would let the
        // compiler assume any memory changed (char aliases everything) and reload it all.
        unsigned f = 0;
        Value& out = slots[node.out];
        switch (node.kind) {
        case ScoreKind::value:
        case ScoreKind::band: {
            const Program::Table& table = program.tables[node.first];
            out = apply(program, table, slots[table.input], f);
            break;
        }
        case ScoreKind::stop_rule: out = stop_rule(program, node, slots, f); break;
        case ScoreKind::best_of_trials: out = best_of_trials(program, node, trials, f); break;
        case ScoreKind::sum: out = sum(program, node, slots, f); break;
        case ScoreKind::first_present: out = first_present(program, node, slots, f); break;
        case ScoreKind::mean_of_trials:
            out = mean_of_trials(instrument, observation, instrument.scores[node.score], f);
            break;
        case ScoreKind::mean: out = mean(instrument.scores[node.score], slots, f); break;
        case ScoreKind::linear: out = linear(instrument.scores[node.score], slots, subject, f); break;
        case ScoreKind::ratio: out = ratio(instrument.scores[node.score], slots, f); break;
        }
        flags[node.score] = static_cast<std::uint8_t>(f & node.keep_flags);
    }

    for (std::size_t i = 0; i < program.lookups.size(); ++i) {
        const Program::Lookup& lookup = program.lookups[i];
        sheet.interpretations[i] = interpret(program, lookup, slots[lookup.input], subject);
    }
    for (std::size_t i = 0; i < instrument.norms.size(); ++i) {
        const protocol::NormTable& table = instrument.norms[i];
        sheet.norms[i] = place_in_norm(table, instrument.slot_better(table.score), slots[table.score], subject);
    }
}

ScoreSheet score(const Observation& observation, const Subject& subject)
{
    ScoreSheet sheet;
    score_into(observation, subject, sheet);
    return sheet;
}

}  // namespace reable::scoring
