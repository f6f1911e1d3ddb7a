#include "commands/decision.hpp"

#include "local_operator.hpp"
#include "reable/app/decision_service.hpp"
#include "reable/decision/json_io.hpp"
#include "reable/error.hpp"
#include "text_table.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace reable::cli {
namespace {

struct DecideOptions {
    app::DecideRequest request;
    std::string format = "text";
};

std::string yes(bool v) { return v ? "yes" : "no"; }

std::string optional_text(const std::optional<int>& v) { return v ? std::to_string(*v) : "not recorded"; }

void print_findings(const domain::OnderzoekFindings& f)
{
    Table t;
    t.row({"findings", std::to_string(f.id.value) + " of client " + std::to_string(f.client.value) + ", " +
                           calendar::format_iso_date(f.recorded_on)});
    t.row({"request is for household help", yes(f.concerns_household_help)});
    t.row({"terminal", yes(f.terminal)});
    t.row({"bedbound", yes(f.bedbound)});
    t.row({"cognitive screen", optional_text(f.cognitive_screen)});
    t.row({"dementia", std::string(domain::to_string(f.dementia))});
    t.row({"serious psychiatric problems", yes(f.serious_psychiatric)});
    t.row({"needs institutional care", yes(f.needs_institutional_care)});
    t.row({"cannot communicate", yes(f.cannot_communicate)});
    t.row({"decline since", f.decline_since ? calendar::format_iso_date(*f.decline_since) : "not recorded"});
    t.row({"decline recoverable", yes(f.decline_recoverable)});
    t.row({"household goal", yes(f.household_goal)});
    t.row({"acute need", yes(f.acute_need)});
    t.row({"reablement can start in (days)", optional_text(f.reablement_wait_days)});
    t.row({"does light tasks", yes(f.does_light_tasks)});
    t.row({"does medium tasks", yes(f.does_medium_tasks)});
    t.row({"limitation", std::string(domain::to_string(f.limitation))});
    t.row({"small home or care studio", yes(f.small_dwelling)});
    t.row({"network covers all tasks", yes(f.network_covers_all)});
    t.row({"dropout for a medical reason", yes(f.dropout_medical)});
    t.print(std::cout);
}

void print_summary(const domain::RecordedDecision& r)
{
    Table t;
    t.row({"decision", r.id.value ? std::to_string(r.id.value) : "not recorded (dry run)"});
    t.row({"client", std::to_string(r.client.value)});
    t.row({"kind", std::string(domain::to_string(r.kind))});
    t.row({"decided on", calendar::format_iso_date(r.decided_on)});
    t.row({"policy", r.policy_id + " " + r.policy_version});
    if (!r.norm_id.empty()) t.row({"norm table", r.norm_id + " " + r.norm_version});
    t.row({"choice", std::string(domain::to_string(r.choice))});
    std::string outcome = std::string(domain::to_string(r.outcome));
    if (r.outcome != r.computed_outcome)
        outcome += " (computed: " + std::string(domain::to_string(r.computed_outcome)) + ")";
    t.row({"outcome", outcome});
    if (r.minutes_per_week) {
        std::string minutes = *r.minutes_per_week + " minutes per week";
        if (!r.band.empty()) minutes += ", band " + r.band;
        if (r.computed_minutes != r.minutes_per_week)
            minutes += " (computed: " + r.computed_minutes.value_or("none") + ")";
        t.row({"amount", minutes});
    }
    if (r.needs_motivation) t.row({"needs motivation", r.motivation.empty() ? "YES: not yet motivated" : "motivated"});
    if (!r.motivation.empty()) t.row({"motivation", r.motivation});
    if (r.starts_on) t.row({"starts", calendar::format_iso_date(*r.starts_on)});
    if (r.ends_on) t.row({"ends", calendar::format_iso_date(*r.ends_on)});
    if (r.review_on) t.row({"review", calendar::format_iso_date(*r.review_on)});
    t.print(std::cout);
}

void print_trace(const decision::Decision& d)
{
    std::cout << "\nRules (trace)\n";
    Table t;
    t.row({"rule", "input", "result"});
    for (const decision::TraceLine& line : d.trace) t.row({line.rule, line.input, line.result});
    t.print(std::cout);
}

void run_decide(const GlobalOptions& global, const DecideOptions& options)
{
    const protocol::Registry registry = load_protocols(global);
    const auto clock = clock_of(global);
    app::DecideResult result = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        app::DecideResult decided = app::decide(work, registry, *clock, options.request);
        // A dry run records nothing, but it read the client's record.
        audit_client(work, options.request.dry_run ? domain::AuditAction::read : domain::AuditAction::create,
                     "decision", "cli: decide", domain::ClientId{options.request.client});
        return decided;
    });
    if (options.format == "json") {
        std::cout << decision::to_json(result.record) << "\n";
        return;
    }
    print_summary(result.record);
    print_trace(result.decision);
    std::cout << "\n" << result.beschikking;
}

void run_show(const GlobalOptions& global, std::int64_t id, const std::string& format)
{
    // Reads run in a write unit of work so that the audit line commits with them (a read
    // transaction cannot append); nothing is printed before that commit.
    const domain::RecordedDecision r = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        domain::RecordedDecision found = app::find_decision(work, id);
        audit_client(work, domain::AuditAction::read, "decision", "cli: decision show", found.client);
        return found;
    });
    if (format == "json") {
        std::cout << decision::to_json(r) << "\n";
        return;
    }
    print_summary(r);
    std::cout << "\n" << app::stored_beschikking(r);
}

void run_list(const GlobalOptions& global, std::int64_t client)
{
    // A write unit of work, for the audit line (see run_show).
    const auto list = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        auto decisions = work.decisions().for_client(domain::ClientId{client});
        audit_client(work, domain::AuditAction::read, "decision", "cli: decision list", domain::ClientId{client});
        return decisions;
    });
    Table t;
    t.row({"id", "date", "kind", "policy", "outcome", "minutes/week"});
    for (const domain::RecordedDecision& r : list)
        t.row({std::to_string(r.id.value), calendar::format_iso_date(r.decided_on),
               std::string(domain::to_string(r.kind)), r.policy_id + " " + r.policy_version,
               std::string(domain::to_string(r.outcome)), r.minutes_per_week.value_or("")});
    t.print(std::cout);
}

void setup_onderzoek(CLI::App& app, const GlobalOptions& global)
{
    auto in = std::make_shared<app::FindingsInput>();
    CLI::App* onderzoek = app.add_subcommand("onderzoek", "What the access team found in the onderzoek");
    onderzoek->require_subcommand(1);
    CLI::App* record = onderzoek->add_subcommand(
        "record", "Record the findings the decision rules read (a new record supersedes the last)");
    record->add_option("client", in->client, "Client id")->required();
    record->add_option("--date", in->date, "Date of the findings (YYYY-MM-DD; default today)");
    domain::OnderzoekFindings& f = in->findings;
    record->add_flag("--not-household-help{false}", f.concerns_household_help,
                     "The request is not for household help (the rules do not apply)");
    record->add_flag("--terminal", f.terminal, "A terminal situation");
    record->add_flag("--bedbound", f.bedbound, "The client is bedbound");
    record->add_option("--cognitive-screen", in->cognitive_screen, "Cognitive screen score (MMSE-type, 0 to 30)");
    record->add_option("--dementia", in->dementia, "none, mild, moderate or severe")->capture_default_str();
    record->add_flag("--psychiatric", f.serious_psychiatric, "Serious psychiatric or psychological problems");
    record->add_flag("--institutional-care", f.needs_institutional_care,
                     "Needs institutional rehabilitation, a nursing home or Wlz care");
    record->add_flag("--cannot-communicate", f.cannot_communicate, "No way to communicate, no interpreter arrangement");
    record->add_option("--decline-since", in->decline_since, "Onset of the functional decline (YYYY-MM-DD)");
    record->add_flag("--recoverable", f.decline_recoverable, "The cause of the decline is recoverable");
    record->add_flag("--household-goal", f.household_goal, "The client names at least one household goal");
    record->add_flag("--acute", f.acute_need, "A safety or hygiene risk now, with no network to cover it");
    record->add_option("--wait-days", in->reablement_wait_days, "Days until reablement can start");
    record->add_flag("--light-tasks", f.does_light_tasks, "The client or network does the light tasks");
    record->add_flag("--medium-tasks", f.does_medium_tasks, "The client or network does the medium tasks");
    record->add_option("--limitation", in->limitation, "Extra effort the limitations ask: none, some or much")
        ->capture_default_str();
    record->add_flag("--small-dwelling", f.small_dwelling, "A small home or a care studio");
    record->add_flag("--network-covers-all", f.network_covers_all,
                     "Network, gebruikelijke hulp or a general provision cover every task");
    record->add_flag("--dropout-medical", f.dropout_medical, "A dropout from reablement was for a medical reason");
    record->callback([&global, in] {
        const auto clock = clock_of(global);
        const domain::OnderzoekFindings saved = in_write_transaction(global, [&](storage::UnitOfWork& work) {
            domain::OnderzoekFindings recorded = app::record_findings(work, *clock, *in);
            audit_client(work, domain::AuditAction::create, "onderzoek", "cli: onderzoek record", recorded.client);
            return recorded;
        });
        std::cout << "findings " << saved.id << " recorded for client " << saved.client << "\n";
    });

    auto client = std::make_shared<std::int64_t>(0);
    CLI::App* show = onderzoek->add_subcommand("show", "Show a client's newest findings");
    show->add_option("client", *client, "Client id")->required();
    show->callback([&global, client] {
        // A write unit of work, for the audit line (see run_show).
        const auto latest = in_write_transaction(global, [&](storage::UnitOfWork& work) {
            auto found = work.decisions().latest_findings(domain::ClientId{*client});
            if (found) audit_client(work, domain::AuditAction::read, "onderzoek", "cli: onderzoek show", found->client);
            return found;
        });
        if (!latest)
            throw reable::Error(ErrorCode::not_found,
                                "client " + std::to_string(*client) + " has no onderzoek findings");
        print_findings(*latest);
    });
}

}  // namespace

void setup_decision(CLI::App& app, const GlobalOptions& global)
{
    setup_onderzoek(app, global);

    auto d = std::make_shared<DecideOptions>();
    CLI::App* decide = app.add_subcommand(
        "decide", "Decide on a client's request for household help under a policy, and draft the beschikking");
    decide->add_option("client", d->request.client, "Client id")->required();
    decide->add_option("--policy", d->request.policy, "Policy id (default: that of the client's last decision)");
    decide->add_option("--choice", d->request.choice, "The resident's choice about reablement: accept or decline")
        ->check(CLI::IsMember({"accept", "decline", "not_asked"}));
    decide->add_flag("--dry-run", d->request.dry_run, "Show the decision without recording it");
    decide->add_option("--outcome", d->request.outcome, "Override the computed outcome (needs --motivation)");
    decide->add_option("--minutes", d->request.minutes, "Override the computed minutes per week (needs --motivation)");
    decide->add_option("--motivation", d->request.motivation, "The assessor's written motivation");
    decide->add_option("--format", d->format, "text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    decide->callback([&global, d] { run_decide(global, *d); });

    auto id = std::make_shared<std::int64_t>(0);
    auto format = std::make_shared<std::string>("text");
    CLI::App* decision = app.add_subcommand("decision", "Recorded decisions");
    decision->require_subcommand(1);
    CLI::App* show = decision->add_subcommand("show", "Show a recorded decision with its beschikking draft");
    show->add_option("decision", *id, "Decision id")->required();
    show->add_option("--format", *format, "text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    show->callback([&global, id, format] { run_show(global, *id, *format); });
    CLI::App* list = decision->add_subcommand("list", "List a client's decisions");
    list->add_option("client", *id, "Client id")->required();
    list->callback([&global, id] { run_list(global, *id); });
}

}  // namespace reable::cli
