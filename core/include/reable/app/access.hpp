#pragma once

// Who may see which client. A rule of the domain, not of HTTP: the web service applies it to every
// request that touches a client, and the tests apply it directly.

#include "reable/domain/organisation.hpp"
#include "reable/domain/user.hpp"
#include "reable/storage/database.hpp"
#include "reable/timestamp.hpp"

#include <optional>
#include <string>

namespace reable::app {

/// A signed-in user with what their role's scope needs: a team member's team and discipline, an
/// access assessor's municipality.
struct Principal {
    domain::User user;
    std::optional<domain::Member> member;  ///< team members only
    std::string on_behalf_of;              ///< the responsible user (NEN 7513); the user themself by default

    /// The authorisation basis, for the audit log: "team_member: physiotherapist of team 3".
    std::string basis() const;
};

Principal load_principal(storage::UnitOfWork& work, const domain::User& user);

/// Throws Error{not_found} when the client does not exist and Error{forbidden} when the
/// principal's role or scope does not cover it: a team member sees the clients their team serves,
/// an access assessor those of their municipality; evaluators and administrators no client record.
void require_client_access(storage::UnitOfWork& work, const Principal& who, domain::ClientId client);

/// Narrows a client, trajectory or melding list to what the principal may see (sets team or municipality).
/// Error{forbidden} for roles that see no client records.
void scope_query(const Principal& who, storage::ClientQuery& query);
void scope_query(const Principal& who, storage::TrajectoryQuery& query);
void scope_query(const Principal& who, storage::MeldingQuery& query);

}  // namespace reable::app
