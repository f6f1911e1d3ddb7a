#include "api/access_rules.hpp"

#include "reable/app/trajectory_service.hpp"
#include "reable/error.hpp"

namespace reable::server {

domain::Trajectory accessible_trajectory(RequestContext& ctx, domain::AuditAction action, const std::string& data)
{
    const domain::Trajectory t = app::require_trajectory(ctx.work(), ctx.id("id"));
    ctx.access_client(t.client, action, data);
    return t;
}

std::int64_t own_member(const RequestContext& ctx, std::optional<std::int64_t> member)
{
    const app::Principal& who = ctx.principal();
    if (!who.member) throw Error(ErrorCode::forbidden, "only team members log their own work");
    if (member && *member != who.member->id.value)
        throw Error(ErrorCode::forbidden, "member_id: " + std::to_string(*member) +
                                              " is not you; team members log their own work (you are member " +
                                              std::to_string(who.member->id.value) + ")");
    return who.member->id.value;
}

}  // namespace reable::server
