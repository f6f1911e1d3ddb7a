#include "reable/app/access.hpp"

#include "reable/error.hpp"

#include <algorithm>

namespace reable::app {

using namespace domain;

std::string Principal::basis() const
{
    std::string out(to_string(user.role));
    if (member) out += ": " + std::string(to_string(member->discipline)) + " of team " + std::to_string(member->team.value);
    if (user.municipality) out += ": municipality " + std::to_string(user.municipality->value);
    return out;
}

Principal load_principal(storage::UnitOfWork& work, const User& user)
{
    Principal out{user, std::nullopt, user.username};
    if (user.member) {
        out.member = work.organisation().member(*user.member);
        if (!out.member) throw Error(ErrorCode::internal, "user " + user.username + " has no team member record");
    }
    return out;
}

void require_client_access(storage::UnitOfWork& work, const Principal& who, ClientId client)
{
    const std::optional<storage::ClientScope> scope = work.clients().scope(client);
    if (!scope) throw Error(ErrorCode::not_found, "no client " + std::to_string(client.value));
    switch (who.user.role) {
    case Role::team_member:
        if (who.member && std::find(scope->teams.begin(), scope->teams.end(), who.member->team) != scope->teams.end())
            return;
        throw Error(ErrorCode::forbidden,
                    "client " + std::to_string(client.value) + " is not served by your team");
    case Role::access_assessor:
        if (who.user.municipality == scope->municipality) return;
        throw Error(ErrorCode::forbidden,
                    "client " + std::to_string(client.value) + " does not live in your municipality");
    case Role::evaluator:
        throw Error(ErrorCode::forbidden, "evaluators see pseudonymised exports only, not client records");
    case Role::administrator:
        throw Error(ErrorCode::forbidden, "administrators manage users, teams and instruments, not client records");
    }
    throw Error(ErrorCode::forbidden, "no access");
}

namespace {

template <class Query>
void scope_any(const Principal& who, Query& query)
{
    switch (who.user.role) {
    case Role::team_member:
        // A principal built by hand (not by load_principal) may lack the member record: seeing
        // nothing is the safe answer, not every client.
        if (!who.member)
            throw Error(ErrorCode::forbidden, "team member " + who.user.username + " is not bound to a team");
        query.team = who.member->team;
        return;
    case Role::access_assessor:
        query.municipality = who.user.municipality;
        return;
    case Role::evaluator:
    case Role::administrator:
        break;
    }
    throw Error(ErrorCode::forbidden, std::string(to_string(who.user.role)) + "s do not see client records");
}

}  // namespace

void scope_query(const Principal& who, storage::ClientQuery& query) { scope_any(who, query); }
void scope_query(const Principal& who, storage::TrajectoryQuery& query) { scope_any(who, query); }
void scope_query(const Principal& who, storage::MeldingQuery& query) { scope_any(who, query); }

}  // namespace reable::app
