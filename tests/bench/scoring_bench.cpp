// Benchmark (not a test; run with `cmake --build build --target bench`): the data-driven engine
// against the hand-written SPPB scorer, on the same observations in the same run.
// Goal: ≥ 1,000,000 SPPB scorings per second on one core, within 2× of the hand-written scorer.

#include "reable/app/protocol_set.hpp"
#include "reable/scoring/engine.hpp"
#include "support/sppb_handwritten.hpp"

#include <benchmark/benchmark.h>

#include <iostream>
#include <map>
#include <random>

using namespace reable;

namespace {

const protocol::Registry& registry()
{
    static const protocol::Registry r = app::load_registry(REABLE_SOURCE_PROTOCOLS_DIR);
    return r;
}

/// 1024 varied SPPB observations: every band of every part is hit, with states and both courses.
const std::vector<scoring::Observation>& observations()
{
    static const std::vector<scoring::Observation> all = [] {
        const protocol::Instrument& sppb = registry().instrument("sppb");
        std::mt19937 random(42);
        std::uniform_int_distribution<int> balance(0, 1000), walk(250, 1200), chair(700, 6500), pick(0, 19);
        std::vector<scoring::Observation> out;
        for (int i = 0; i < 1024; ++i) {
            scoring::Observation o(sppb);
            auto set = [&](const char* id, std::size_t trial, scoring::Value v) {
                o.trials(*sppb.find_item(id))[trial] = v;
            };
            auto seconds = [](int hundredths) { return scoring::Value::of(Decimal::from_scaled(hundredths, 2)); };
            set("balance_side_by_side", 0,
                pick(random) == 0 ? scoring::Value::of_state(protocol::TrialState::not_attempted, 1)
                                  : seconds(balance(random) < 100 ? balance(random) : 1000));
            set("balance_semi_tandem", 0, seconds(balance(random) < 300 ? balance(random) : 1000));
            set("balance_tandem", 0, seconds(balance(random)));
            const char* course = pick(random) < 3 ? "gait_3m" : "gait_4m";
            set(course, 0,
                pick(random) == 0 ? scoring::Value::of_state(protocol::TrialState::unable) : seconds(walk(random)));
            set(course, 1, seconds(walk(random)));
            set("chair_stand_5x", 0,
                pick(random) == 0 ? scoring::Value::of_state(protocol::TrialState::used_arms) : seconds(chair(random)));
            out.push_back(std::move(o));
        }
        return out;
    }();
    return all;
}

void engine_sppb(benchmark::State& state)
{
    const auto& all = observations();
    const scoring::Subject subject;
    scoring::ScoreSheet sheet;
    std::size_t i = 0;
    for (auto _ : state) {
        scoring::score_into(all[i++ & 1023], subject, sheet);
        benchmark::DoNotOptimize(sheet.slots.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void handwritten_sppb(benchmark::State& state)
{
    const auto& all = observations();
    const testing::HandwrittenSppb hand(registry().instrument("sppb"));
    std::size_t i = 0;
    for (auto _ : state) {
        testing::SppbHandResult r = hand.score(all[i++ & 1023]);
        benchmark::DoNotOptimize(r);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

BENCHMARK(engine_sppb);
BENCHMARK(handwritten_sppb);

/// Prints as usual and remembers each benchmark's median time, to print the ratio at the end.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            const bool usable = run.aggregate_name.empty() || run.aggregate_name == "median";
            if (!usable) continue;
            m_ns[run.run_name.function_name] = run.GetAdjustedRealTime();
        }
    }
    void print_summary() const
    {
        const auto hand = m_ns.find("handwritten_sppb");
        if (hand == m_ns.end()) return;
        std::cout << "\nSPPB scorings per second on one core (median of the repetitions; goal: at least 1,000,000 and\n"
                  << "at most 2x the time of the hand-written scorer):\n";
        std::cout << "  hand-written scorer     " << static_cast<long>(1e9 / hand->second) << "\n";
        const auto engine = m_ns.find("engine_sppb");
        if (engine == m_ns.end()) return;
        std::cout << "  data-driven engine      " << static_cast<long>(1e9 / engine->second) << "  ("
                  << engine->second / hand->second << "x the hand-written time)\n";
    }

private:
    std::map<std::string, double> m_ns;
};

}  // namespace

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.print_summary();
    benchmark::Shutdown();
    return 0;
}
