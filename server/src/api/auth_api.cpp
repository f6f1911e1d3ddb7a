// Sign in, sign out, who am I.

#include "api/routes.hpp"
#include "api/views.hpp"
#include "http/problem.hpp"
#include "http/request_context.hpp"

#include "reable/app/audit_service.hpp"
#include "reable/app/user_service.hpp"

namespace reable::server {

namespace {

using domain::Role;
const std::set<Role> k_everyone{Role::team_member, Role::access_assessor, Role::evaluator, Role::administrator};

/// A login attempt as an audit line: who tried (the username as given), from where, the result.
domain::AuditEvent login_event(const RequestContext& ctx, const std::string& username,
                               const std::optional<domain::User>& user, domain::AuditResult result)
{
    domain::AuditEvent e;
    e.at = format_utc(ctx.now());
    if (user) e.user = user->id;
    e.username = username.substr(0, 64);
    e.user_role = user ? std::string(to_string(user->role)) : "none";
    e.on_behalf_of = e.username;
    e.action = domain::AuditAction::login;
    e.data = "session";
    e.resource = "POST /api/v1/auth/login from " + ctx.remote();
    e.result = result;
    e.basis = "password";
    return e;
}

Response login(RequestContext& ctx)
{
    JsonBody body = ctx.json();
    const std::string username = body.required_text("username");
    const std::string password = body.required_text("password");
    body.finish();

    const auto now_steady = LoginLimiter::Clock::now();
    if (const auto wait = ctx.server.limiter.blocked(username, ctx.remote(), now_steady))
        throw HttpStatusError(429, "too_many_requests",
                              "too many failed logins; try again in " + std::to_string(*wait) + " seconds",
                              {{"Retry-After", std::to_string(*wait)}});
    try {
        const app::LoginResult result =
            app::login(ctx.work(), ctx.now(), username, password, ctx.server.token_lifetime);
        ctx.work().audit().append(login_event(ctx, username, result.user, domain::AuditResult::success));
        ctx.server.limiter.succeeded(username);
        views::CompactWriter w;
        w.begin_object().key("token").value(result.token).key("token_type").value("Bearer");
        w.key("expires_at").value(result.expires_at).key("user");
        views::user(w, result.user);
        w.end_object();
        return views::json(w);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::unauthenticated) throw;
        // Close this request's write transaction first: the audit writer needs the write lock.
        ctx.abandon_work();
        ctx.server.limiter.failed(username, ctx.remote(), now_steady);
        ctx.server.audit.append({login_event(ctx, username, std::nullopt, domain::AuditResult::failed)});
        throw;
    }
}

Response logout(RequestContext& ctx)
{
    const app::Principal& who = ctx.principal();
    app::logout(ctx.work(), ctx.now(), ctx.bearer());
    ctx.work().audit().append(app::audit_event(who, ctx.now(), domain::AuditAction::logout, "session",
                                               "POST /api/v1/auth/logout", std::nullopt, domain::AuditResult::success));
    return Response{204, "application/json", "", {}};
}

Response me(RequestContext& ctx)
{
    const app::Principal& who = ctx.principal();
    views::CompactWriter w;
    w.begin_object();
    views::user_fields(w, who.user);
    w.key("team_id");
    if (who.member) w.value(who.member->team.value); else w.null();
    w.key("discipline");
    if (who.member) w.value(to_string(who.member->discipline)); else w.null();
    w.key("basis").value(who.basis()).end_object();
    return views::json(w);
}

}  // namespace

void add_auth_routes(Router& router)
{
    router.add({.method = "POST",
                .pattern = "/api/v1/auth/login",
                .summary = "Sign in with username and password; returns a bearer token with its expiry",
                .tag = "auth",
                .authenticated = false,
                .writes = true,
                .own_transaction = true,
                .request_schema = "LoginRequest",
                .response_schema = "LoginResponse",
                .handler = login});
    router.add({.method = "POST",
                .pattern = "/api/v1/auth/logout",
                .summary = "Revoke the bearer token used for this request",
                .tag = "auth",
                .roles = k_everyone,
                .writes = true,
                .success_status = 204,
                .handler = logout});
    router.add({.method = "GET",
                .pattern = "/api/v1/me",
                .summary = "The signed-in user, with role, team or municipality",
                .tag = "auth",
                .roles = k_everyone,
                .response_schema = "Me",
                .handler = me});
}

}  // namespace reable::server
