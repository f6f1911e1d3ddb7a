// Teams and their members; users; the audit log's integrity. Administration, no client data.

#include "api/access_rules.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"

#include "reable/app/audit_service.hpp"
#include "reable/app/organisation_service.hpp"
#include "reable/app/user_service.hpp"

namespace reable::server {

namespace {

Response list_teams(RequestContext& ctx)
{
    return views::json(views::list(ctx.work().organisation().teams(), views::team));
}

Response add_team(RequestContext& ctx)
{
    JsonBody body = ctx.json();
    const std::string municipality = body.required_text("municipality");
    const std::string name = body.required_text("name");
    body.finish();
    const domain::TeamId id = app::add_team(ctx.work(), municipality, name);
    ctx.audit(domain::AuditAction::admin, "team");
    return views::json(views::one(views::team, *ctx.work().organisation().team(id)), 201);
}

Response list_members(RequestContext& ctx)
{
    const domain::TeamId team{ctx.id("id")};
    if (!ctx.work().organisation().team(team))
        throw Error(ErrorCode::not_found, "no team " + std::to_string(team.value));
    return views::json(views::list(ctx.work().organisation().members(team), views::member));
}

Response add_member(RequestContext& ctx)
{
    JsonBody body = ctx.json();
    const std::string name = body.required_text("name");
    const std::string discipline = body.required_text("discipline");
    body.finish();
    const domain::MemberId id = app::add_member(ctx.work(), ctx.id("id"), name, discipline);
    ctx.audit(domain::AuditAction::admin, "member");
    return views::json(views::one(views::member, *ctx.work().organisation().member(id)), 201);
}

Response list_users(RequestContext& ctx)
{
    return views::json(views::list(ctx.work().users().list(), views::user));
}

Response verify_audit(RequestContext& ctx)
{
    auto db = ctx.server.pool.lease();
    const app::AuditVerification v = app::verify_audit(*db, ctx.query("expect_head"));
    views::CompactWriter w;
    w.begin_object().key("intact").value(v.intact).key("events").value(static_cast<std::int64_t>(v.events));
    w.key("head").value(v.head);
    if (!v.intact) w.key("first_bad").value(v.first_bad).key("problem").value(v.problem);
    w.end_object();
    return views::json(w);
}

}  // namespace

void add_organisation_routes(Router& router)
{
    router.add({.method = "GET", .pattern = "/api/v1/teams", .summary = "All reablement teams", .tag = "organisation",
                .roles = k_staff, .response_schema = "TeamList", .handler = list_teams});
    router.add({.method = "POST", .pattern = "/api/v1/teams", .summary = "Add a team to a municipality",
                .tag = "organisation", .roles = k_admin, .writes = true, .request_schema = "TeamInput",
                .response_schema = "Team", .success_status = 201, .handler = add_team});
    router.add({.method = "GET", .pattern = "/api/v1/teams/{id}/members", .summary = "A team's members",
                .tag = "organisation", .roles = k_staff, .response_schema = "MemberList", .handler = list_members});
    router.add({.method = "POST", .pattern = "/api/v1/teams/{id}/members", .summary = "Add a member to a team",
                .tag = "organisation", .roles = k_admin, .writes = true, .request_schema = "MemberInput",
                .response_schema = "Member", .success_status = 201, .handler = add_member});
    router.add({.method = "GET", .pattern = "/api/v1/users", .summary = "All users with role and scope (no hashes)",
                .tag = "organisation", .roles = k_admin, .response_schema = "UserList", .handler = list_users});
    router.add({.method = "GET", .pattern = "/api/v1/audit/verify",
                .summary = "Check the audit log's hash chain; optionally that a recorded head is still in it",
                .tag = "audit", .roles = k_admin,
                .query = {{"expect_head", "a head hash recorded earlier"}},
                .response_schema = "AuditVerification", .handler = verify_audit});
}

}  // namespace reable::server
