// Reading the scores of an instrument file: one reader per scoring kind, band tables and
// formulas, and which scores only feed alternatives.

#include "instrument_reader.hpp"

namespace reable::protocol::reading {

void InstrumentReader::read_scores(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "scores", "", false);
    if (a) {
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string p = json::child("/scores", i);
            if (ObjectPtr o = object_at(a->get(i), p)) read_score(o, p);
        }
    }
    mark_alternative_branches();
    auto primary = get_string(root, "primary_score", "", false);
    if (primary) {
        auto it = std::find_if(m_instrument.scores.begin(), m_instrument.scores.end(),
                               [&](const Score& s) { return s.id == *primary; });
        if (it != m_instrument.scores.end())
            m_instrument.primary_score = static_cast<std::size_t>(it - m_instrument.scores.begin());
        else if (!m_broken.count(*primary))
            issue("/primary_score", "unknown score " + in_quotes(*primary));
    }
    else if (a && a->size() > 0 && !root->has("primary_score")) {
        issue("/primary_score", "required when the file has scores: name the total");
    }
}

void InstrumentReader::read_score(const ObjectPtr& o, const std::string& p)
{
    BrokenUnlessDefined guard(m_slot_by_id, m_broken);
    const std::size_t before = m_issues.size();
    auto kind_text = get_string(o, "kind", p, true);
    std::optional<ScoreKind> kind;
    if (kind_text) {
        for (std::size_t k = 0; k < 10; ++k)
            if (to_string(static_cast<ScoreKind>(k)) == *kind_text) kind = static_cast<ScoreKind>(k);
        if (!kind)
            issue(json::child(p, "kind"), "unknown kind " + in_quotes(*kind_text) +
                                              "; allowed: value, best_of_trials, mean_of_trials, band, stop_rule, "
                                              "sum, mean, first_present, linear, ratio");
    }
    auto id = get_id(o, p);
    guard.set(id);
    auto label = get_text(o, "label", p, true);
    if (!kind || !id || !label) return;

    Score score;
    score.id = *id;
    score.label = *label;
    score.kind = *kind;
    SlotInfo info;
    info.kind_of = "score";
    const bool is_rule = *kind == ScoreKind::band || *kind == ScoreKind::stop_rule || *kind == ScoreKind::linear;
    score.provenance = get_provenance(o, p, is_rule);

    std::optional<Unit> declared_unit;
    if (auto unit = get_string(o, "unit", p, false)) {
        declared_unit = units::unit_from_symbol(*unit);
        if (!declared_unit)
            issue(json::child(p, "unit"),
                  "unknown unit " + in_quotes(*unit) + "; allowed: " + std::string(units::all_symbols()));
    }
    std::optional<Better> declared_better;
    if (auto better = get_string(o, "better", p, false)) {
        if (*better == "higher")
            declared_better = Better::higher;
        else if (*better == "lower")
            declared_better = Better::lower;
        else
            issue(json::child(p, "better"), "unknown value " + in_quotes(*better) + "; allowed: higher, lower");
    }
    ScoreDraft draft{o, p, score, info};
    switch (*kind) {
    case ScoreKind::value: read_value_score(draft); break;
    case ScoreKind::best_of_trials:
    case ScoreKind::mean_of_trials: read_trials_score(draft); break;
    case ScoreKind::band: read_band_score(draft); break;
    case ScoreKind::stop_rule: read_stop_rule(draft); break;
    case ScoreKind::sum:
    case ScoreKind::mean: read_sum_or_mean(draft); break;
    case ScoreKind::first_present: read_first_present(draft); break;
    case ScoreKind::linear: read_linear(draft); break;
    case ScoreKind::ratio: read_ratio(draft); break;
    }
    if (m_issues.size() != before) return;

    if (declared_unit) {
        const bool computed = *kind == ScoreKind::linear || *kind == ScoreKind::ratio || *kind == ScoreKind::band ||
                              *kind == ScoreKind::stop_rule;
        if (computed || *declared_unit == score.unit)
            score.unit = *declared_unit;
        else {
            issue(json::child(p, "unit"), "the inputs are in " + std::string(units::symbol(score.unit)) + "; a " +
                                              std::string(to_string(*kind)) + " score keeps their unit");
            return;
        }
    }
    if (declared_better) score.better = *declared_better;
    score.display_decimals = get_int(o, "display_decimals", p, false, 0, Decimal::k_fraction_digits);
    info.unit = score.unit;
    info.better = score.better;
    info.domain.unit = score.unit;
    score.slot = static_cast<Slot>(m_slots.size());
    add_slot(score.id, p, info);
    m_instrument.scores.push_back(std::move(score));
}

void InstrumentReader::read_value_score(ScoreDraft& draft)
{
    check_fields(draft.o, draft.p, score_fields({"input", "states"}));
    auto input = get_slot(draft.o, "input", draft.p);
    if (!input) return;
    const SlotInfo& in = m_slots[*input];
    if (!in.measurement_item || in.multi_trial) {
        issue(json::child(draft.p, "input"), "must be a measurement item with one trial");
        return;
    }
    draft.score.inputs = {*input};
    BandTable table;
    draft.info = in;
    draft.info.kind_of = "score";
    draft.info.measurement_item = false;
    std::array<bool, k_trial_state_count> remaining{};
    read_state_points(draft.o, draft.p, in, table, remaining);
    for (const auto& mapped : table.state_points) {
        if (!mapped) continue;  // a state given a number widens the range of values
        if (draft.info.domain.min) draft.info.domain.min = std::min(*draft.info.domain.min, *mapped);
        if (draft.info.domain.max) draft.info.domain.max = std::max(*draft.info.domain.max, *mapped);
    }
    draft.score.table = std::move(table);
    draft.info.states = remaining;
    draft.score.unit = in.unit;
    draft.score.better = in.better;
    draft.score.precision = in.domain.precision;
    return;
}

void InstrumentReader::read_trials_score(ScoreDraft& draft)
{
    check_fields(draft.o, draft.p,
                 draft.score.kind == ScoreKind::mean_of_trials ? score_fields({"items", "round_to"})
                                                               : score_fields({"items"}));
    ArrayPtr items = get_array(draft.o, "items", draft.p, true);
    if (!items) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string ip = json::child(json::child(draft.p, "items"), i);
        auto slot = slot_at(items->get(i), ip, false);
        if (!slot) continue;
        if (!m_slots[*slot].measurement_item) {
            issue(ip, "must be a measurement item");
            continue;
        }
        draft.score.inputs.push_back(*slot);
    }
    if (draft.score.inputs.empty()) return;
    const SlotInfo& first = m_slots[draft.score.inputs.front()];
    draft.info = first;
    draft.info.kind_of = "score";
    draft.info.multi_trial = false;
    draft.info.measurement_item = false;
    for (std::size_t i = 1; i < draft.score.inputs.size(); ++i) {
        const SlotInfo& in = m_slots[draft.score.inputs[i]];
        if (in.unit != first.unit || in.better != first.better || in.domain.precision != first.domain.precision)
            issue(json::child(json::child(draft.p, "items"), i),
                  "must have the unit, direction and precision of the first item");
        for (std::size_t s = 0; s < k_trial_state_count; ++s)
            draft.info.states[s] = draft.info.states[s] || in.states[s];
        if (draft.info.domain.min && in.domain.min)
            draft.info.domain.min = std::min(*draft.info.domain.min, *in.domain.min);
        if (draft.info.domain.max && in.domain.max)
            draft.info.domain.max = std::max(*draft.info.domain.max, *in.domain.max);
    }
    draft.score.unit = first.unit;
    draft.score.better = first.better;
    draft.score.precision = first.domain.precision;
    if (draft.score.kind == ScoreKind::mean_of_trials) {
        read_round_to(draft);
        draft.info.domain.precision = draft.score.round_to.value_or(Decimal::from_micros(1));
        draft.info.domain.measured = draft.score.round_to.has_value();
        draft.score.precision = draft.info.domain.precision;
    }
    return;
}

void InstrumentReader::read_band_score(ScoreDraft& draft)
{
    check_fields(draft.o, draft.p, score_fields({"input", "bands", "states", "uncertain_at"}));
    auto input = get_slot(draft.o, "input", draft.p);
    if (!input) return;
    draft.score.inputs = {*input};
    std::array<bool, k_trial_state_count> remaining{};
    if (!read_band_table(draft.score.table, m_slots[*input], draft.o, draft.p, remaining)) return;
    report_unscored_states(remaining, *input, draft.p);
    std::vector<Decimal> points;
    for (const Band& b : draft.score.table.bands) points.push_back(b.points);
    for (const auto& sp : draft.score.table.state_points)
        if (sp) points.push_back(*sp);
    draft.info.domain = domain_of_points(points);
    draft.score.unit = Unit::points;
    draft.score.precision = draft.info.domain.precision;
    return;
}

void InstrumentReader::read_stop_rule(ScoreDraft& draft)
{
    check_fields(draft.o, draft.p, score_fields({"steps"}));
    ArrayPtr steps = get_array(draft.o, "steps", draft.p, true);
    if (!steps) return;
    if (steps->size() < 2) issue(json::child(draft.p, "steps"), "a stop rule needs at least two steps");
    Decimal lowest, highest_sum;
    std::int64_t g = 0;
    for (std::size_t i = 0; i < steps->size(); ++i) {
        const std::string sp = json::child(json::child(draft.p, "steps"), i);
        ObjectPtr step_object = object_at(steps->get(i), sp);
        if (!step_object) continue;
        check_fields(step_object, sp, {"input", "bands", "states", "uncertain_at", "continue_if_at_least"});
        StopStep step;
        auto input = get_slot(step_object, "input", sp);
        if (!input) continue;
        step.input = *input;
        std::array<bool, k_trial_state_count> remaining{};
        if (!read_band_table(step.table, m_slots[*input], step_object, sp, remaining)) continue;
        report_unscored_states(remaining, *input, sp);
        const bool last = i + 1 == steps->size();
        auto threshold = get_decimal(step_object, "continue_if_at_least", sp, false);
        if (last && threshold)
            issue(json::child(sp, "continue_if_at_least"), "the last step has no step to continue to");
        if (!last && !threshold) issue(json::child(sp, "continue_if_at_least"), "required on every step but the last");
        step.continue_at_least = threshold;
        Decimal step_min, step_max;
        bool first_point = true;
        auto consider = [&](Decimal v) {
            step_min = first_point ? v : std::min(step_min, v);
            step_max = first_point ? v : std::max(step_max, v);
            first_point = false;
            g = gcd_micros(g, v.micros());
        };
        for (const Band& b : step.table.bands) consider(b.points);
        for (const auto& sp_points : step.table.state_points)
            if (sp_points) consider(*sp_points);
        if (i == 0) lowest = step_min;
        highest_sum += step_max;
        draft.score.steps.push_back(std::move(step));
    }
    draft.info.domain = Domain{lowest, highest_sum, Decimal::from_micros(g == 0 ? Decimal::k_scale : g), Unit::points};
    draft.score.unit = Unit::points;
    draft.score.precision = draft.info.domain.precision;
    return;
}

void InstrumentReader::read_sum_or_mean(ScoreDraft& draft)
{
    check_fields(draft.o, draft.p,
                 draft.score.kind == ScoreKind::mean
                     ? score_fields({"inputs", "max_missing", "inputs_optional", "round_to"})
                     : score_fields({"inputs", "max_missing", "inputs_optional"}));
    draft.score.inputs = numeric_inputs(draft, "inputs", 1);
    if (draft.score.inputs.empty()) return;
    for (std::size_t i = 0; i < draft.score.inputs.size(); ++i) {
        const SlotInfo& in = m_slots[draft.score.inputs[i]];
        if (in.can_be_state())
            issue(json::child(json::child(draft.p, "inputs"), i),
                  "this input can be a state (unable, not attempted …): "
                  "give it points with a value or band score first");
    }
    const int n = static_cast<int>(draft.score.inputs.size());
    if (auto max_missing = get_int(draft.o, "max_missing", draft.p, false, 0, std::max(0, n - 1)))
        draft.score.max_missing = *max_missing;
    draft.score.inputs_optional = get_bool(draft.o, "inputs_optional", draft.p).value_or(false);
    if (draft.score.inputs_optional && draft.o->has("max_missing"))
        issue(json::child(draft.p, "inputs_optional"), "give either \"max_missing\" or \"inputs_optional\", not both");
    if (draft.score.inputs_optional) draft.score.max_missing = n - 1;
    draft.score.unit = same_unit(draft, draft.score.inputs, "inputs");
    Domain d{Decimal{}, Decimal{}, Decimal::from_micros(0), draft.score.unit};
    std::int64_t g = 0;
    bool bounded = true;
    std::optional<Decimal> lo, hi;
    for (Slot s : draft.score.inputs) {
        const Domain& in = m_slots[s].domain;
        g = gcd_micros(g, in.precision.micros());
        if (!in.min || !in.max) {
            bounded = false;
            continue;
        }
        if (draft.score.kind == ScoreKind::sum) {
            d.min = *d.min + std::min(*in.min, Decimal{});
            d.max = *d.max + std::max(*in.max, Decimal{});
        }
        else {
            lo = lo ? std::min(*lo, *in.min) : *in.min;
            hi = hi ? std::max(*hi, *in.max) : *in.max;
        }
    }
    if (draft.score.kind == ScoreKind::sum) {
        // A sum of non-negative points with none missing starts at the sum of the minima.
        if (draft.score.max_missing == 0) {
            Decimal exact_min;
            for (Slot s : draft.score.inputs) exact_min += m_slots[s].domain.min.value_or(Decimal{});
            d.min = exact_min;
        }
        d.precision = Decimal::from_micros(g);
    }
    else {
        d.min = lo;
        d.max = hi;
        read_round_to(draft);
        d.precision = draft.score.round_to.value_or(Decimal::from_micros(1));
        d.measured = draft.score.round_to.has_value();
    }
    if (!bounded) d.min = d.max = std::nullopt;
    draft.info.domain = d;
    draft.score.precision = d.precision;
    return;
}

void InstrumentReader::read_first_present(ScoreDraft& draft)
{
    check_fields(draft.o, draft.p, score_fields({"inputs"}));
    draft.score.inputs = numeric_inputs(draft, "inputs", 2);
    if (draft.score.inputs.empty()) return;
    draft.score.unit = same_unit(draft, draft.score.inputs, "inputs");
    draft.info = m_slots[draft.score.inputs.front()];
    draft.info.kind_of = "score";
    std::int64_t g = 0;
    for (Slot s : draft.score.inputs) {
        const SlotInfo& in = m_slots[s];
        g = gcd_micros(g, in.domain.precision.micros());
        for (std::size_t k = 0; k < k_trial_state_count; ++k)
            draft.info.states[k] = draft.info.states[k] || in.states[k];
        if (draft.info.domain.min && in.domain.min)
            draft.info.domain.min = std::min(*draft.info.domain.min, *in.domain.min);
        else
            draft.info.domain.min.reset();
        if (draft.info.domain.max && in.domain.max)
            draft.info.domain.max = std::max(*draft.info.domain.max, *in.domain.max);
        else
            draft.info.domain.max.reset();
    }
    draft.info.domain.precision = Decimal::from_micros(g);
    for (Slot s : draft.score.inputs)
        draft.info.domain.measured = draft.info.domain.measured && m_slots[s].domain.measured;
    draft.score.precision = draft.info.domain.precision;
    draft.score.better = draft.info.better;
    return;
}

void InstrumentReader::read_linear(ScoreDraft& draft)
{
    check_fields(draft.o, draft.p, score_fields({"formula", "by_sex", "valid_age", "round_to"}));
    require_unit(draft);
    const bool has_formula = draft.o->has("formula");
    if (has_formula == draft.o->has("by_sex")) {
        issue(draft.p, "a linear score needs either \"formula\" or \"by_sex\", not both or neither");
        return;
    }
    if (has_formula) {
        if (ObjectPtr f = get_object(draft.o, "formula", draft.p, true))
            draft.score.formula = read_formula(f, json::child(draft.p, "formula"));
    }
    else if (ObjectPtr by_sex = get_object(draft.o, "by_sex", draft.p, true)) {
        const std::string bp = json::child(draft.p, "by_sex");
        check_fields(by_sex, bp, {"female", "male"});
        for (Sex s : {Sex::female, Sex::male}) {
            if (ObjectPtr f = get_object(by_sex, to_string(s), bp, true))
                draft.score.formula_by_sex[static_cast<std::size_t>(s)] =
                    read_formula(f, json::child(bp, to_string(s)));
        }
    }
    if (ObjectPtr age = get_object(draft.o, "valid_age", draft.p, false)) {
        const std::string ap = json::child(draft.p, "valid_age");
        check_fields(age, ap, {"gt", "ge", "lt", "le"});
        draft.score.valid_age = get_interval(age, ap);
    }
    read_round_to(draft);
    for (const auto& f : {draft.score.formula, draft.score.formula_by_sex[0], draft.score.formula_by_sex[1]})
        if (f)
            for (const Term& t : f->terms)
                if (t.input != k_age_slot)
                    for (std::size_t k = 0; k < k_trial_state_count; ++k)
                        draft.info.states[k] = draft.info.states[k] || m_slots[t.input].states[k];
    draft.info.domain = Domain{
        {}, {}, draft.score.round_to.value_or(Decimal::from_micros(1)), Unit::points, draft.score.round_to.has_value()};
    draft.score.precision = draft.info.domain.precision;
    return;
}

void InstrumentReader::read_ratio(ScoreDraft& draft)
{
    check_fields(draft.o, draft.p,
                 score_fields({"numerator", "numerator_constant", "denominator", "factor", "round_to"}));
    require_unit(draft);
    if (draft.o->has("numerator") == draft.o->has("numerator_constant")) {
        issue(draft.p, "a ratio needs either \"numerator\" or \"numerator_constant\", not both or neither");
        return;
    }
    if (draft.o->has("numerator")) {
        auto numerator = get_slot(draft.o, "numerator", draft.p);
        if (!numerator) return;
        draft.score.inputs.push_back(*numerator);
    }
    else if (auto constant = get_decimal(draft.o, "numerator_constant", draft.p, true)) {
        draft.score.numerator_constant = *constant;
    }
    auto denominator = get_slot(draft.o, "denominator", draft.p);
    if (!denominator) return;
    draft.score.inputs.push_back(*denominator);
    for (Slot s : draft.score.inputs) {
        if (m_slots[s].multi_trial || m_slots[s].unscored_choice) {
            issue(draft.p, "input " + in_quotes(m_instrument.slot_id(s)) + " has no single number to divide");
            continue;
        }
        for (std::size_t k = 0; k < k_trial_state_count; ++k)
            draft.info.states[k] = draft.info.states[k] || m_slots[s].states[k];
    }
    if (auto factor = get_decimal(draft.o, "factor", draft.p, false)) draft.score.factor = *factor;
    read_round_to(draft);
    draft.info.domain = Domain{
        {}, {}, draft.score.round_to.value_or(Decimal::from_micros(1)), Unit::points, draft.score.round_to.has_value()};
    draft.score.precision = draft.info.domain.precision;
    return;
}

void InstrumentReader::read_round_to(ScoreDraft& draft)
{
    if (auto r = get_decimal(draft.o, "round_to", draft.p, false)) {
        if (r->micros() <= 0)
            issue(json::child(draft.p, "round_to"), "must be greater than 0");
        else
            draft.score.round_to = *r;
    }
}

void InstrumentReader::require_unit(ScoreDraft& draft)
{
    if (!draft.o->has("unit")) issue(json::child(draft.p, "unit"), "required field is missing");
}

std::vector<Slot> InstrumentReader::numeric_inputs(ScoreDraft& draft, std::string_view key, std::size_t min_count)
{
    std::vector<Slot> slots;
    ArrayPtr inputs = get_array(draft.o, key, draft.p, true);
    if (!inputs) return slots;
    if (inputs->size() < min_count)
        issue(json::child(draft.p, key), "name at least " + std::to_string(min_count) + " inputs");
    for (std::size_t i = 0; i < inputs->size(); ++i) {
        const std::string ip = json::child(json::child(draft.p, key), i);
        auto slot = slot_at(inputs->get(i), ip, false);
        if (!slot) continue;
        const SlotInfo& in = m_slots[*slot];
        if (in.multi_trial)
            issue(ip, "this item has several trials: take the best or mean first");
        else if (in.unscored_choice)
            issue(ip, "a choice item without points has no value to use");
        else
            slots.push_back(*slot);
    }
    return slots;
}

Unit InstrumentReader::same_unit(ScoreDraft& draft, const std::vector<Slot>& slots, std::string_view key)
{
    const Unit u = slots.empty() ? Unit::points : m_slots[slots.front()].unit;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        if (m_slots[slots[i]].unit != u) {
            issue(json::child(json::child(draft.p, key), i),
                  "unit " + std::string(units::symbol(m_slots[slots[i]].unit)) + " differs from " +
                      std::string(units::symbol(u)) + " of the first input");
            break;
        }
    }
    return u;
}

void InstrumentReader::report_unscored_states(const std::array<bool, k_trial_state_count>& remaining, Slot input,
                                              const std::string& pointer)
{
    for (std::size_t s = 0; s < k_trial_state_count; ++s)
        if (remaining[s])
            issue(json::child(pointer, "states"),
                  "no points for state " + in_quotes(to_string(static_cast<TrialState>(s))) + ", which the input " +
                      in_quotes(m_instrument.slot_id(input)) + " allows");
}

bool InstrumentReader::read_band_table(BandTable& table, const SlotInfo& input, const ObjectPtr& o,
                                       const std::string& ptr, std::array<bool, k_trial_state_count>& remaining)
{
    const std::size_t before = m_issues.size();
    if (input.multi_trial)
        issue(json::child(ptr, "input"), "this item has several trials: take the best or mean first");
    if (input.unscored_choice) issue(json::child(ptr, "input"), "a choice item without points has no value to band");
    ArrayPtr bands = get_array(o, "bands", ptr, true);
    if (bands) {
        std::vector<Interval> intervals;
        const std::string bp = json::child(ptr, "bands");
        bool all_read = true;
        for (std::size_t i = 0; i < bands->size(); ++i) {
            const std::string p = json::child(bp, i);
            ObjectPtr b = object_at(bands->get(i), p);
            if (!b) {
                all_read = false;
                continue;
            }
            check_fields(b, p, {"gt", "ge", "lt", "le", "points"});
            auto when = get_interval(b, p);
            auto points = get_decimal(b, "points", p, true);
            if (!when || !points) {
                all_read = false;
                continue;
            }
            for (const auto& edge : {when->lower, when->upper})
                if (edge)
                    if (auto problem = check_on_grid(edge->value, input.domain)) issue(p, *problem);
            table.bands.push_back({*when, *points});
            intervals.push_back(*when);
        }
        if (all_read) {
            const auto problems = check_coverage(intervals, input.domain);
            for (const CoverageProblem& c : problems) issue(json::child(bp, c.band), c.message);
            if (problems.empty()) {
                table.index = compile_bands(intervals, input.domain);
                for (std::uint8_t band : table.index.order) table.index.points.push_back(table.bands[band].points);
            }
        }
        if (bands->size() > 255) issue(bp, "at most 255 bands");
    }
    read_state_points(o, ptr, input, table, remaining);
    if (ArrayPtr uncertain = get_array(o, "uncertain_at", ptr, false)) {
        for (std::size_t i = 0; i < uncertain->size(); ++i) {
            const std::string up = json::child(json::child(ptr, "uncertain_at"), i);
            if (auto d = decimal_at(uncertain->get(i), up)) {
                if (auto problem = check_on_grid(*d, input.domain)) issue(up, *problem);
                table.uncertain_at.push_back(*d);
            }
        }
    }
    return m_issues.size() == before;
}

void InstrumentReader::read_state_points(const ObjectPtr& o, const std::string& ptr, const SlotInfo& input,
                                         BandTable& table, std::array<bool, k_trial_state_count>& remaining)
{
    remaining = input.states;
    ObjectPtr states = get_object(o, "states", ptr, false);
    if (!states) return;
    const std::string sp = json::child(ptr, "states");
    for (const auto& entry : *states) {
        auto state = trial_state_from_string(entry.first);
        const std::string ep = json::child(sp, entry.first);
        if (!state) {
            issue(ep, "unknown state; allowed: unable, not_attempted, used_arms");
            continue;
        }
        const auto s = static_cast<std::size_t>(*state);
        if (!input.states[s]) {
            issue(ep, "the input never has this state");
            continue;
        }
        if (auto points = decimal_at(entry.second, ep)) {
            table.state_points[s] = *points;
            remaining[s] = false;
        }
    }
}

std::optional<LinearFormula> InstrumentReader::read_formula(const ObjectPtr& o, const std::string& ptr)
{
    check_fields(o, ptr, {"intercept", "terms"});
    LinearFormula f;
    bool ok = true;
    if (auto intercept = get_decimal(o, "intercept", ptr, true))
        f.intercept = *intercept;
    else
        ok = false;
    ArrayPtr terms = get_array(o, "terms", ptr, true);
    if (!terms) return std::nullopt;
    for (std::size_t i = 0; i < terms->size(); ++i) {
        const std::string tp = json::child(json::child(ptr, "terms"), i);
        ObjectPtr t = object_at(terms->get(i), tp);
        if (!t) {
            ok = false;
            continue;
        }
        check_fields(t, tp, {"input", "coefficient"});
        auto input = get_slot(t, "input", tp, true);
        auto coefficient = get_decimal(t, "coefficient", tp, true);
        if (!input || !coefficient) {
            ok = false;
            continue;
        }
        if (*input != k_age_slot && (m_slots[*input].multi_trial || m_slots[*input].unscored_choice)) {
            issue(json::child(tp, "input"), "this input has no single number to use in a formula");
            ok = false;
            continue;
        }
        f.terms.push_back({*input, *coefficient});
    }
    if (!ok) return std::nullopt;
    return f;
}

void InstrumentReader::mark_alternative_branches()
{
    // A score is a branch when it is used, and only by first_present scores or other branches.
    // Scores only read earlier slots, so one pass from the last score backwards settles it.
    auto& scores = m_instrument.scores;
    for (std::size_t i = scores.size(); i-- > 0;) {
        bool used = false;
        bool only_alternatives = true;
        auto consider = [&](const Score& consumer, Slot input) {
            if (input != scores[i].slot) return;
            used = true;
            only_alternatives =
                only_alternatives && (consumer.kind == ScoreKind::first_present || consumer.alternative_branch);
        };
        for (std::size_t j = i + 1; j < scores.size(); ++j) {
            for (Slot input : scores[j].inputs) consider(scores[j], input);
            for (const StopStep& step : scores[j].steps) consider(scores[j], step.input);
            for (const auto& f : {scores[j].formula, scores[j].formula_by_sex[0], scores[j].formula_by_sex[1]})
                if (f)
                    for (const Term& t : f->terms) consider(scores[j], t.input);
        }
        scores[i].alternative_branch = used && only_alternatives;
    }
}

}  // namespace reable::protocol::reading
