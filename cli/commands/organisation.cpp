#include "commands/organisation.hpp"

#include "reable/app/organisation_service.hpp"
#include "reable/error.hpp"
#include "text_table.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace reable::cli {
namespace {

struct OrganisationOptions {
    std::string code;
    std::string name;
    std::vector<std::string> areas;
    std::string municipality;
    std::int64_t team = 0;
    std::string discipline;
};

void run_municipality_add(const GlobalOptions& global, const OrganisationOptions& o)
{
    in_write_transaction(global, [&](storage::UnitOfWork& work) {
        app::register_municipality(work, o.code, o.name, o.areas);
    });
    std::cout << "registered " << o.code << " " << o.name;
    if (!o.areas.empty()) std::cout << " with " << o.areas.size() << (o.areas.size() == 1 ? " area" : " areas");
    std::cout << '\n';
}

void run_municipality_list(const GlobalOptions& global)
{
    in_read_transaction(global, [](storage::UnitOfWork& work) {
        Table t;
        t.row({"code", "name", "areas"});
        for (const domain::Municipality& m : work.organisation().municipalities()) {
            std::string areas;
            for (const domain::Area& a : work.organisation().areas(m.id)) areas += (areas.empty() ? "" : ", ") + a.name;
            t.row({m.code, m.name, areas});
        }
        t.print(std::cout, "");
    });
}

void run_team_add(const GlobalOptions& global, const OrganisationOptions& o)
{
    const domain::TeamId id = in_write_transaction(
        global, [&](storage::UnitOfWork& work) { return app::add_team(work, o.municipality, o.name); });
    std::cout << "team " << id << " " << o.name << " added\n";
}

void run_team_list(const GlobalOptions& global)
{
    in_read_transaction(global, [](storage::UnitOfWork& work) {
        Table t;
        t.row({"id", "team", "municipality", "members"});
        const auto municipalities = work.organisation().municipalities();
        for (const domain::Team& team : work.organisation().teams()) {
            std::string where;
            for (const auto& m : municipalities)
                if (m.id == team.municipality) where = m.code + " " + m.name;
            t.row({std::to_string(team.id.value), team.name, where,
                   std::to_string(work.organisation().members(team.id).size())});
        }
        t.print(std::cout, "");
    });
}

void run_team_show(const GlobalOptions& global, const OrganisationOptions& o)
{
    in_read_transaction(global, [&](storage::UnitOfWork& work) {
        const std::optional<domain::Team> team = work.organisation().team(domain::TeamId{o.team});
        if (!team) throw reable::Error(ErrorCode::not_found, "there is no team " + std::to_string(o.team));
        std::cout << "Team " << team->id << " " << team->name << "\n\n";
        Table t;
        t.row({"id", "member", "discipline", "active", "trajectories"});
        for (const domain::Member& m : work.organisation().members(team->id))
            t.row({std::to_string(m.id.value), m.name, std::string(domain::to_string(m.discipline)),
                   m.active ? "yes" : "no", std::to_string(work.trajectories().for_member(m.id).size())});
        t.print(std::cout, "  ");
    });
}

void run_member_add(const GlobalOptions& global, const OrganisationOptions& o)
{
    const domain::MemberId id = in_write_transaction(
        global, [&](storage::UnitOfWork& work) { return app::add_member(work, o.team, o.name, o.discipline); });
    std::cout << "member " << id << " " << o.name << " (" << o.discipline << ") added to team " << o.team << '\n';
}

}  // namespace

void setup_organisation(CLI::App& app, const GlobalOptions& global)
{
    auto o = std::make_shared<OrganisationOptions>();

    CLI::App* municipality = app.add_subcommand("municipality", "Register municipalities and their areas");
    municipality->require_subcommand(1);
    CLI::App* m_add = municipality->add_subcommand("add", "Register a municipality, or add areas to one");
    m_add->add_option("code", o->code, "CBS code, e.g. GM0014")->required();
    m_add->add_option("name", o->name, "Name, e.g. Groningen")->required();
    m_add->add_option("--area", o->areas, "An area (district, WIJ area); repeat for more");
    m_add->callback([&global, o] { run_municipality_add(global, *o); });
    municipality->add_subcommand("list", "List municipalities with their areas")->callback([&global] {
        run_municipality_list(global);
    });

    CLI::App* team = app.add_subcommand("team", "Reablement teams and their members");
    team->require_subcommand(1);
    CLI::App* t_add = team->add_subcommand("add", "Add a team in a municipality");
    t_add->add_option("name", o->name, "Team name")->required();
    t_add->add_option("--municipality", o->municipality, "CBS code of the municipality")->required();
    t_add->callback([&global, o] { run_team_add(global, *o); });
    team->add_subcommand("list", "List the teams")->callback([&global] { run_team_list(global); });
    CLI::App* t_show = team->add_subcommand("show", "Show a team with its members");
    t_show->add_option("team", o->team, "Team id")->required();
    t_show->callback([&global, o] { run_team_show(global, *o); });

    CLI::App* member = team->add_subcommand("member", "Team members");
    member->require_subcommand(1);
    CLI::App* mb_add = member->add_subcommand("add", "Add a member with a discipline to a team");
    mb_add->add_option("team", o->team, "Team id")->required();
    mb_add->add_option("name", o->name, "Member's name")->required();
    mb_add->add_option("--discipline", o->discipline,
                       "ergotherapist, physiotherapist, household_helper or social_worker")
        ->required();
    mb_add->callback([&global, o] { run_member_add(global, *o); });
}

}  // namespace reable::cli
