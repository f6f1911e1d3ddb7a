#include "commands/client.hpp"

#include "local_operator.hpp"
#include "reable/app/client_service.hpp"
#include "text_table.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <set>
#include <sstream>

namespace reable::cli {
namespace {

struct MeldingOptions {
    std::int64_t id = 0;
    std::optional<std::int64_t> client;
    std::string received_on;
    std::string onderzoek_done_on;
    std::string aanvraag_on;
    std::string decided_on;
    std::string hh_minutes;
    bool overdue_only = false;
};

/// ", 180 min/week of household help asked for", or "" when the melding does not say.
std::string minutes_text(const domain::Melding& m)
{
    return m.hh_minutes_requested
               ? ", " + std::to_string(*m.hh_minutes_requested) + " min/week of household help asked for"
               : "";
}

std::string deadline_text(const domain::Deadline& d)
{
    std::string text = std::string(domain::to_string(d.kind)) + " due " + calendar::format_iso_date(d.due);
    if (d.met_on) text += ", done " + calendar::format_iso_date(*d.met_on);
    if (d.overdue()) text += d.met_on ? " (" + std::to_string(d.days_late) + " days late)"
                                      : " — OVERDUE by " + std::to_string(d.days_late) + " days";
    return text;
}

void run_add(const GlobalOptions& global, const app::ClientInput& input)
{
    const auto clock = clock_of(global);
    const domain::ClientId id = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const domain::ClientId added = app::add_client(work, *clock, input);
        audit_client(work, domain::AuditAction::create, "client", "cli: client add", added);
        return added;
    });
    std::cout << "client " << id << " added\n";
}

void run_show(const GlobalOptions& global, std::int64_t id)
{
    const auto clock = clock_of(global);
    // Reads run in a write unit of work so that the audit line commits with them (a read
    // transaction cannot append); the text is printed only after that commit.
    const std::string text = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        std::ostringstream out;
        const domain::Client c = app::require_client(work, id);
        const domain::ClientIdentity who = *work.clients().identity(c.id);
        const std::optional<domain::Area> area = work.organisation().area(c.area);
        out << "Client " << c.id << "  " << who.name << "  (BSN " << who.bsn.masked() << ")\n\n";
        Table t;
        t.row({"born", calendar::format_iso_date(c.birth_date) + " (age " +
                           std::to_string(calendar::age_at(c.birth_date, clock->today())) + ")"});
        t.row({"sex", std::string(domain::to_string(c.sex))});
        t.row({"area", area ? area->name : "?"});
        t.row({"household", std::string(domain::to_string(c.household)) + ", " + std::to_string(c.household_size) +
                                (c.household_size == 1 ? " person" : " people")});
        t.row({"dwelling", std::string(domain::to_string(c.dwelling)) + ", " + std::to_string(c.rooms_in_use) +
                               " rooms in use, " + std::to_string(c.rooms_not_in_use) + " not in use"});
        t.row({"pets", std::to_string(c.pets)});
        for (const domain::InformalCarer& ic : c.carers)
            t.row({"informal carer", ic.relationship + ", " + std::to_string(ic.hours_per_week) + " h/week" +
                                         (ic.lives_in ? ", lives in" : "")});
        t.print(out, "  ");
        for (const app::MeldingStatus& m : app::melding_report(work, *clock, id)) {
            out << "\nMelding " << m.melding.id << " received " << calendar::format_iso_date(m.melding.received_on)
                << minutes_text(m.melding) << '\n';
            for (const domain::Deadline& d : m.deadlines) out << "  " << deadline_text(d) << '\n';
        }
        const auto trajectories = work.trajectories().for_client(c.id);
        if (!trajectories.empty()) out << "\nTrajectories\n";
        for (const domain::Trajectory& tr : trajectories)
            out << "  " << tr.id << "  " << tr.template_id << " " << tr.template_version << "  started "
                << calendar::format_iso_date(tr.start) << "  " << domain::to_string(tr.state) << '\n';
        audit_client(work, domain::AuditAction::read, "client", "cli: client show", c.id);
        return out.str();
    });
    std::cout << text;
}

void run_list(const GlobalOptions& global)
{
    const auto clock = clock_of(global);
    // A write unit of work, for the audit lines (see run_show).
    const std::string text = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        std::ostringstream out;
        Table t;
        t.row({"id", "name", "age", "sex", "area", "trajectory"});
        for (const domain::Client& c : work.clients().list(std::nullopt)) {
            const auto area = work.organisation().area(c.area);
            const auto trajectories = work.trajectories().for_client(c.id);
            t.row({std::to_string(c.id.value), work.clients().identity(c.id)->name,
                   std::to_string(calendar::age_at(c.birth_date, clock->today())),
                   std::string(domain::to_string(c.sex)), area ? area->name : "?",
                   trajectories.empty() ? "-" : std::string(domain::to_string(trajectories.back().state))});
            audit_client(work, domain::AuditAction::read, "client list", "cli: client list", c.id);
        }
        t.print(out, "");
        return out.str();
    });
    std::cout << text;
}

void run_melding_add(const GlobalOptions& global, const MeldingOptions& o)
{
    const auto clock = clock_of(global);
    const domain::Melding added = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const domain::MeldingId id = app::add_melding(work, *clock, *o.client, o.received_on, o.hh_minutes);
        audit_client(work, domain::AuditAction::create, "melding", "cli: melding add", domain::ClientId{*o.client});
        return *work.clients().melding(id);
    });
    std::cout << "melding " << added.id << " registered; onderzoek due "
              << calendar::format_iso_date(domain::deadlines(added, clock->today()).front().due) << '\n';
}

void run_melding_update(const GlobalOptions& global, const MeldingOptions& o)
{
    const auto clock = clock_of(global);
    in_write_transaction(global, [&](storage::UnitOfWork& work) {
        app::update_melding(work, *clock, o.id, o.onderzoek_done_on, o.aanvraag_on, o.decided_on, o.hh_minutes);
        audit_client(work, domain::AuditAction::update, "melding", "cli: melding update",
                     work.clients().melding(domain::MeldingId{o.id})->client);
    });
    std::cout << "melding " << o.id << " updated\n";
}

void run_melding_list(const GlobalOptions& global, const MeldingOptions& o)
{
    const auto clock = clock_of(global);
    // A write unit of work, for the audit lines (see run_show).
    const std::string report = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        std::ostringstream out;
        std::set<domain::ClientId> shown;
        Table t;
        t.row({"melding", "client", "received", "hh asked", "deadlines"});
        std::size_t overdue = 0;
        for (const app::MeldingStatus& m : app::melding_report(work, *clock, o.client)) {
            if (m.overdue()) ++overdue;
            if (o.overdue_only && !m.overdue()) continue;
            std::string text;
            for (const domain::Deadline& d : m.deadlines) text += (text.empty() ? "" : "; ") + deadline_text(d);
            t.row({std::to_string(m.melding.id.value), std::to_string(m.melding.client.value),
                   calendar::format_iso_date(m.melding.received_on),
                   m.melding.hh_minutes_requested ? std::to_string(*m.melding.hh_minutes_requested) + " min/week" : "-",
                   text});
            shown.insert(m.melding.client);
        }
        for (const domain::ClientId client : shown)
            audit_client(work, domain::AuditAction::read, "melding", "cli: melding list", client);
        t.print(out, "");
        out << overdue << (overdue == 1 ? " melding" : " meldingen") << " past a legal deadline on "
            << calendar::format_iso_date(clock->today()) << '\n';
        return out.str();
    });
    std::cout << report;
}

}  // namespace

void setup_client(CLI::App& app, const GlobalOptions& global)
{
    auto input = std::make_shared<app::ClientInput>();
    auto id = std::make_shared<std::int64_t>(0);

    CLI::App* client = app.add_subcommand("client", "Register and look up clients");
    client->require_subcommand(1);
    CLI::App* add = client->add_subcommand("add", "Register a client (the BSN is checked with the elfproef)");
    add->add_option("--bsn", input->bsn, "Citizen service number (9 digits)")->required();
    add->add_option("--name", input->name, "Name as the team uses it")->required();
    add->add_option("--birth-date", input->birth_date, "YYYY-MM-DD")->required();
    add->add_option("--sex", input->sex, "female or male")->required();
    add->add_option("--municipality", input->municipality, "CBS code, e.g. GM0014")->required();
    add->add_option("--area", input->area, "Area within the municipality")->required();
    add->add_option("--household", input->household, "single, couple, with_children or with_others")
        ->capture_default_str();
    add->add_option("--household-size", input->household_size, "People in the household")->capture_default_str();
    add->add_option("--dwelling", input->dwelling, "apartment, single_family_house, sheltered_housing or other")
        ->capture_default_str();
    add->add_option("--rooms-in-use", input->rooms_in_use, "Rooms in use beyond the basis set (living room, kitchen, bathroom, one bedroom, hall)")
        ->capture_default_str();
    add->add_option("--rooms-not-in-use", input->rooms_not_in_use, "Rooms not in use beyond the basis set")->capture_default_str();
    add->add_option("--pets", input->pets, "Pets that cause extra pollution")->capture_default_str();
    add->add_option("--carer", input->carers, "Informal carer as relationship:hours_per_week[:lives_in]; repeatable");
    add->callback([&global, input] { run_add(global, *input); });

    CLI::App* show = client->add_subcommand("show", "Show a client with meldingen and trajectories");
    show->add_option("client", *id, "Client id")->required();
    show->callback([&global, id] { run_show(global, *id); });
    client->add_subcommand("list", "List clients")->callback([&global] { run_list(global); });

    auto m = std::make_shared<MeldingOptions>();
    CLI::App* melding = app.add_subcommand("melding", "Requests for household help and their legal deadlines");
    melding->require_subcommand(1);
    CLI::App* m_add = melding->add_subcommand("add", "Register a melding (onderzoek due within 6 weeks)");
    m_add->add_option("client", m->client, "Client id")->required();
    m_add->add_option("--received", m->received_on, "Date the melding was received (YYYY-MM-DD)")->required();
    m_add->add_option("--hh-minutes", m->hh_minutes, "minutes of household help per week asked for (1 to 10080)");
    m_add->callback([&global, m] { run_melding_add(global, *m); });
    CLI::App* m_update = melding->add_subcommand("update", "Record the onderzoek, the aanvraag or the decision");
    m_update->add_option("melding", m->id, "Melding id")->required();
    m_update->add_option("--onderzoek-done", m->onderzoek_done_on, "Date the onderzoek was completed");
    m_update->add_option("--aanvraag", m->aanvraag_on, "Date of the aanvraag (decision due within 2 weeks)");
    m_update->add_option("--decided", m->decided_on, "Date of the decision (beschikking)");
    m_update->add_option("--hh-minutes", m->hh_minutes, "minutes of household help per week asked for (1 to 10080)");
    m_update->callback([&global, m] { run_melding_update(global, *m); });
    CLI::App* m_list = melding->add_subcommand("list", "List meldingen with their deadlines");
    m_list->add_option("--client", m->client, "Only this client's");
    m_list->add_flag("--overdue", m->overdue_only, "Only those past a legal deadline");
    m_list->callback([&global, m] { run_melding_list(global, *m); });
}

}  // namespace reable::cli
