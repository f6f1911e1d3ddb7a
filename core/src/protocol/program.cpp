#include "reable/protocol/program.hpp"

namespace reable::protocol {
namespace {

Program::Table compile_table(Program& program, const BandTable& table, Slot input,
                             const std::optional<Decimal>& continue_at)
{
    Program::Table t;
    t.input = input;
    t.first = static_cast<std::uint32_t>(program.starts.size());
    t.count = static_cast<std::uint32_t>(table.index.starts.size());
    program.starts.insert(program.starts.end(), table.index.starts.begin(), table.index.starts.end());
    std::vector<std::int64_t> points;
    for (Decimal p : table.index.points) points.push_back(p.micros());
    program.points.insert(program.points.end(), points.begin(), points.end());
    t.uncertain_first = static_cast<std::uint32_t>(program.uncertain.size());
    t.uncertain_count = static_cast<std::uint32_t>(table.uncertain_at.size());
    for (Decimal u : table.uncertain_at) program.uncertain.push_back(u.micros());
    for (std::size_t s = 0; s < k_trial_state_count; ++s) {
        if (!table.state_points[s]) continue;
        t.state_mask = static_cast<std::uint8_t>(t.state_mask | (1u << s));
        t.state_points[s] = table.state_points[s]->micros();
    }
    if (continue_at) {
        t.has_continue = true;
        t.continue_at_least = continue_at->micros();
    }
    return t;
}

void add_lookup_range(Program& program, Program::Lookup& lookup, std::size_t which, const BandIndex& index)
{
    lookup.first[which] = static_cast<std::uint32_t>(program.lookup_starts.size());
    lookup.count[which] = static_cast<std::uint32_t>(index.starts.size());
    program.lookup_starts.insert(program.lookup_starts.end(), index.starts.begin(), index.starts.end());
    program.lookup_order.insert(program.lookup_order.end(), index.order.begin(), index.order.end());
}

}  // namespace

Program Program::compile(const Instrument& instrument)
{
    Program program;
    for (const auto& [slot, trial] : instrument.slot_copies) program.copies.emplace_back(slot, trial);
    for (std::size_t s = 0; s < instrument.scores.size(); ++s) {
        const Score& score = instrument.scores[s];
        Node node;
        node.kind = score.kind;
        // Bits 0 and 1 are scoring::flag_incomplete and flag_partial.
        node.keep_flags = 0xFF;
        if (score.alternative_branch) node.keep_flags &= 0xFE;
        if (score.inputs_optional) node.keep_flags &= 0xFD;
        node.lower_is_better = score.better == Better::lower;
        node.max_missing = score.max_missing;
        node.out = score.slot;
        node.score = static_cast<std::uint32_t>(s);
        switch (score.kind) {
        case ScoreKind::band:
            node.first = static_cast<std::uint32_t>(program.tables.size());
            node.count = 1;
            program.tables.push_back(compile_table(program, score.table, score.inputs.front(), std::nullopt));
            break;
        case ScoreKind::stop_rule:
            node.first = static_cast<std::uint32_t>(program.tables.size());
            node.count = static_cast<std::uint32_t>(score.steps.size());
            for (const StopStep& step : score.steps)
                program.tables.push_back(compile_table(program, step.table, step.input, step.continue_at_least));
            break;
        case ScoreKind::best_of_trials:
            node.first = static_cast<std::uint32_t>(program.trials.size());
            node.count = static_cast<std::uint32_t>(score.inputs.size());
            for (Slot item : score.inputs)
                program.trials.push_back({static_cast<std::uint32_t>(instrument.items[item].first_trial),
                                          static_cast<std::uint32_t>(instrument.items[item].trials)});
            break;
        case ScoreKind::value:
            // The state mapping lives in a table without bands.
            node.first = static_cast<std::uint32_t>(program.tables.size());
            node.count = 1;
            program.tables.push_back(compile_table(program, score.table, score.inputs.front(), std::nullopt));
            break;
        case ScoreKind::sum:
        case ScoreKind::first_present:
            node.first = static_cast<std::uint32_t>(program.inputs.size());
            node.count = static_cast<std::uint32_t>(score.inputs.size());
            program.inputs.insert(program.inputs.end(), score.inputs.begin(), score.inputs.end());
            break;
        case ScoreKind::mean_of_trials:
        case ScoreKind::mean:
        case ScoreKind::linear:
        case ScoreKind::ratio: break;  // evaluated from the model
        }
        program.nodes.push_back(node);
    }
    for (const Interpretation& interp : instrument.interpretations) {
        Lookup lookup;
        lookup.input = interp.score;
        lookup.by_sex = interp.by_sex;
        if (interp.by_sex) {
            add_lookup_range(program, lookup, 1 + static_cast<std::size_t>(Sex::female), interp.index_by_sex[0]);
            add_lookup_range(program, lookup, 1 + static_cast<std::size_t>(Sex::male), interp.index_by_sex[1]);
        }
        else {
            add_lookup_range(program, lookup, 0, interp.index);
        }
        program.lookups.push_back(lookup);
    }
    return program;
}

}  // namespace reable::protocol
