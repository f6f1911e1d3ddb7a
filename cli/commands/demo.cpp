#include "commands/demo.hpp"

#include "reable/app/demo_seed.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>

namespace reable::cli {
namespace {

void run_seed(const GlobalOptions& global, const app::SeedOptions& options)
{
    const protocol::Registry registry = load_protocols(global);
    const auto clock = clock_of(global);
    const auto db = open_database(global);
    const auto t0 = std::chrono::steady_clock::now();
    const app::SeedSummary s = app::seed_demo(*db, registry, *clock, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "seeded " << s.clients << " clients, " << s.trajectories << " trajectories, " << s.sessions
              << " sessions, " << s.signals << " signals, " << s.tests << " test results and " << s.goals
              << " goals (seed " << options.seed << ", today " << calendar::format_iso_date(clock->today()) << ") in "
              << static_cast<int>(seconds * 1000) << " ms\n";
}

}  // namespace

void setup_demo(CLI::App& app, const GlobalOptions& global)
{
    auto options = std::make_shared<app::SeedOptions>();
    CLI::App* demo = app.add_subcommand("demo", "Synthetic data for demonstrations and benchmarks");
    demo->require_subcommand(1);
    CLI::App* seed = demo->add_subcommand(
        "seed", "Fill an empty database with a realistic, deterministic synthetic cohort (fictitious people)");
    seed->add_option("--clients", options->clients, "Number of clients")->capture_default_str();
    seed->add_option("--seed", options->seed, "Random seed: the same seed and --today give the same data")
        ->capture_default_str();
    seed->add_flag("--complete", options->complete_only, "Only trajectories that have run their whole course");
    seed->callback([&global, options] { run_seed(global, *options); });
}

}  // namespace reable::cli
