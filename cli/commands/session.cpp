#include "commands/session.hpp"

#include "local_operator.hpp"
#include "reable/app/session_service.hpp"
#include "text_table.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <set>
#include <sstream>

namespace reable::cli {
namespace {

void run_log(const GlobalOptions& global, const app::SessionInput& input)
{
    const auto clock = clock_of(global);
    const domain::SessionId id = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const domain::SessionId logged = app::log_session(work, *clock, input);
        audit_client(work, domain::AuditAction::create, "session", "cli: session log",
                     work.trajectories().find(domain::TrajectoryId{input.trajectory})->client);
        return logged;
    });
    std::cout << "session " << id << " logged";
    if (!input.signals.empty())
        std::cout << "; " << input.signals.size() << (input.signals.size() == 1 ? " signal" : " signals")
                  << " sent to the social worker's list";
    std::cout << '\n';
}

void run_signal_list(const GlobalOptions& global)
{
    // A write unit of work so that the audit lines commit with the read (a read transaction cannot
    // append); the text is printed only after that commit.
    const std::string text = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const std::vector<domain::Signal> open = work.sessions().open_signals();
        std::ostringstream out;
        std::set<domain::ClientId> shown;
        Table t;
        t.row({"signal", "raised", "kind", "client", "trajectory", "raised by", "note"});
        for (const domain::Signal& s : open) {
            const auto trajectory = work.trajectories().find(s.trajectory);
            const auto member = work.organisation().member(s.raised_by);
            t.row({std::to_string(s.id.value), calendar::format_iso_date(s.raised_on),
                   std::string(domain::to_string(s.kind)),
                   trajectory ? work.clients().identity(trajectory->client)->name : "?",
                   std::to_string(s.trajectory.value),
                   member ? member->name + " (" + std::string(domain::to_string(member->discipline)) + ")" : "?",
                   s.note});
            if (trajectory) shown.insert(trajectory->client);
        }
        for (const domain::ClientId client : shown)
            audit_client(work, domain::AuditAction::read, "signal", "cli: signal list", client);
        if (open.empty())
            out << "no open signals\n";
        else
            t.print(out, "");
        return out.str();
    });
    std::cout << text;
}

}  // namespace

void setup_session(CLI::App& app, const GlobalOptions& global)
{
    auto in = std::make_shared<app::SessionInput>();
    CLI::App* session = app.add_subcommand("session", "Log sessions with clients");
    session->require_subcommand(1);
    CLI::App* log = session->add_subcommand("log", "Log one session (and any signals noticed)");
    log->add_option("--trajectory", in->trajectory, "Trajectory id")->required();
    log->add_option("--member", in->member, "Member id of who held the session")->required();
    log->add_option("--date", in->date, "YYYY-MM-DD (not in the future)")->required();
    log->add_option("--minutes", in->minutes, "Duration, 1 to 1440")->required();
    log->add_option("--kind", in->kind, "training, assessment, home_visit, phone or team_meeting")
        ->capture_default_str();
    log->add_option("--attendance", in->attendance, "attended, cancelled or no_show")->capture_default_str();
    log->add_option("--reason", in->absence_reason, "Why a session was cancelled or missed");
    log->add_option("--activity", in->activities, "An activity done; repeatable");
    log->add_option("--goal", in->goals, "Id of a COPM goal worked on; repeatable");
    log->add_option("--notes", in->notes, "Notes");
    log->add_option("--signal", in->signals,
                    "A signal for the social worker: caregiver_overload, loneliness, cognitive_decline, fall, "
                    "financial_trouble, unsafe_home; repeatable");
    log->callback([&global, in] { run_log(global, *in); });

    CLI::App* signal = app.add_subcommand("signal", "Signals raised by the team");
    signal->require_subcommand(1);
    signal->add_subcommand("list", "The social worker's list: open signals, oldest first")->callback([&global] {
        run_signal_list(global);
    });
}

}  // namespace reable::cli
