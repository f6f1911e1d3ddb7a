#include "fixture_users.hpp"

#include "reable/domain/discipline.hpp"

namespace reable::testing {

std::vector<FixtureUser> fixture_users(storage::UnitOfWork& work)
{
    std::vector<FixtureUser> out{{"beheer", "administrator", std::nullopt, ""},
                                 {"wij", "access_assessor", std::nullopt, "GM0014"},
                                 {"wij2", "access_assessor", std::nullopt, "GM0363"},
                                 {"onderzoeker", "evaluator", std::nullopt, ""}};
    const auto teams = work.organisation().teams();
    for (std::size_t t = 0; t < 2 && t < teams.size(); ++t)
        for (const domain::Member& m : work.organisation().members(teams[t].id))
            if (m.discipline == domain::Discipline::physiotherapist)
                out.push_back({t == 0 ? "fysio" : "fysio2", "team_member", m.id.value, ""});
    return out;
}

}  // namespace reable::testing
