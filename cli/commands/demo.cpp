#include "commands/demo.hpp"

#include "commands/user.hpp"
#include "local_operator.hpp"
#include "reable/app/demo_seed.hpp"
#include "text_table.hpp"

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
    std::cout << "seeded " << s.clients << " clients, " << s.meldingen << " meldingen, " << s.trajectories
              << " trajectories (" << s.dropouts << " dropped out), " << s.sessions << " sessions, " << s.signals
              << " signals, " << s.tests << " test results, " << s.goals << " goals and " << s.decisions
              << " decisions (seed " << options.seed << ", today " << calendar::format_iso_date(clock->today()) << ") in "
              << static_cast<int>(seconds * 1000) << " ms\n";
}

void run_users(const GlobalOptions& global)
{
    const Instant now = std::chrono::system_clock::now();
    Table t;
    t.row({"username", "role", "scope", "password"});
    in_write_transaction(global, [&](storage::UnitOfWork& work) {
        for (const domain::User& u : app::seed_demo_users(work, now)) {
            work.audit().append(operator_event(now, domain::AuditAction::admin, "user", "cli: demo users " + u.username));
            t.row({u.username, std::string(domain::to_string(u.role)), user_scope(work, u),
                   std::string(app::k_demo_password)});
        }
    });
    std::cout << "demo users added (for demonstrations only: the password is public)\n\n";
    t.print(std::cout);
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
    demo->add_subcommand("users", "Add a demo user for each role to a seeded demo database (beheer, fysio, ergo, "
                                  "hulp, maatschappelijk, wij, onderzoeker, fysio2), all with the password "
                                  "reable-demo")
        ->callback([&global] { run_users(global); });
}

}  // namespace reable::cli
