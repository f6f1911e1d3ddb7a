#pragma once

// Role sets and look-ups shared by the handlers.

#include "http/request_context.hpp"

#include "reable/domain/trajectory.hpp"

#include <set>

namespace reable::server {

using RoleSet = std::set<domain::Role>;
inline const RoleSet k_team{domain::Role::team_member};
inline const RoleSet k_assessor{domain::Role::access_assessor};
inline const RoleSet k_care{domain::Role::team_member, domain::Role::access_assessor};
inline const RoleSet k_admin{domain::Role::administrator};
inline const RoleSet k_staff{domain::Role::team_member, domain::Role::access_assessor, domain::Role::administrator};
inline const RoleSet k_all{domain::Role::team_member, domain::Role::access_assessor, domain::Role::evaluator,
                           domain::Role::administrator};

/// The trajectory named by the path parameter "id", after checking (and auditing) that the user
/// may access its client's data.
domain::Trajectory accessible_trajectory(RequestContext& ctx, domain::AuditAction action, const std::string& data);

/// A team member acts as their own team member record: `member` (from a body) must be theirs or
/// empty. Returns the member id to use.
std::int64_t own_member(const RequestContext& ctx, std::optional<std::int64_t> member);

}  // namespace reable::server
