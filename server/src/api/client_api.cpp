// Clients, their meldingen and their access log.

#include "api/access_rules.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "http/problem.hpp"

#include "reable/app/client_service.hpp"
#include "reable/domain/bsn.hpp"

namespace reable::server {

namespace {

using domain::AuditAction;
using domain::Role;

/// Access assessors work with the person's BSN (the decision names it); team members see the name.
bool sees_bsn(const RequestContext& ctx) { return ctx.principal().user.role == Role::access_assessor; }

Response list_clients(RequestContext& ctx)
{
    storage::ClientQuery query;
    query.page = ctx.page();
    if (const auto area = ctx.query_id("area")) query.area = domain::AreaId{*area};
    if (const auto team = ctx.query_id("team")) query.team = domain::TeamId{*team};
    app::scope_query(ctx.principal(), query);  // after the filters: the user's scope always wins
    const storage::PageOf<domain::Client> page = ctx.work().clients().page(query);
    const auto write = [&](views::CompactWriter& w, const domain::Client& c) {
        ctx.record_client_access(c.id, AuditAction::read, "client list");
        views::client(w, c, ctx.work().clients().identity(c.id), false);
    };
    return views::json(views::list(page.items, write, page.total, query.page));
}

Response get_client(RequestContext& ctx)
{
    const domain::ClientId id{ctx.id("id")};
    ctx.access_client(id, AuditAction::read, "client");
    const domain::Client c = app::require_client(ctx.work(), id.value);
    views::CompactWriter w;
    views::client(w, c, ctx.work().clients().identity(id), sees_bsn(ctx));
    return views::json(w);
}

Response add_client(RequestContext& ctx)
{
    JsonBody body = ctx.json();
    app::ClientInput in;
    in.bsn = body.required_text("bsn");
    in.name = body.required_text("name");
    in.birth_date = body.required_text("birth_date");
    in.sex = body.required_text("sex");
    in.area = body.required_text("area");
    in.household = body.text("household").value_or(in.household);
    if (const auto v = body.integer("household_size")) in.household_size = std::to_string(*v);
    in.dwelling = body.text("dwelling").value_or(in.dwelling);
    if (const auto v = body.integer("rooms_in_use")) in.rooms_in_use = std::to_string(*v);
    if (const auto v = body.integer("rooms_not_in_use")) in.rooms_not_in_use = std::to_string(*v);
    if (const auto v = body.integer("pets")) in.pets = std::to_string(*v);
    in.carers = body.text_list("carers");
    body.finish();
    // An assessor registers clients of their own municipality only.
    const auto municipalities = ctx.work().organisation().municipalities();
    for (const domain::Municipality& m : municipalities)
        if (m.id == ctx.principal().user.municipality) in.municipality = m.code;
    const domain::ClientId id = app::add_client(ctx.work(), ctx.server.clock, in);
    ctx.record_client_access(id, AuditAction::create, "client");
    const domain::Client c = app::require_client(ctx.work(), id.value);
    views::CompactWriter w;
    views::client(w, c, ctx.work().clients().identity(id), true);
    return views::json(w, 201);
}

Response access_log(RequestContext& ctx)
{
    const domain::ClientId id{ctx.id("id")};
    if (ctx.principal().user.role == Role::administrator) {
        // The log keeper (logbeheerder) reads the log of any client, but not the client's record.
        if (!ctx.work().clients().scope(id)) throw Error(ErrorCode::not_found, "no client " + std::to_string(id.value));
        ctx.record_client_access(id, AuditAction::read, "access_log");
    } else {
        ctx.access_client(id, AuditAction::read, "access_log");
    }
    const storage::Page page = ctx.page();
    const storage::PageOf<domain::AuditEvent> events = ctx.work().audit().for_client(id, page);
    return views::json(views::list(events.items, views::audit_event, events.total, page));
}

Response add_melding(RequestContext& ctx)
{
    const domain::ClientId id{ctx.id("id")};
    ctx.access_client(id, AuditAction::create, "melding");
    JsonBody body = ctx.json();
    const std::string received_on = body.required_text("received_on");
    const std::optional<std::int64_t> minutes = body.integer("hh_minutes_requested");
    body.finish();
    const domain::MeldingId m = app::add_melding(ctx.work(), ctx.server.clock, id.value, received_on,
                                                 minutes ? std::to_string(*minutes) : std::string());
    return views::json(views::one(views::melding, *ctx.work().clients().melding(m)), 201);
}

Response list_meldingen(RequestContext& ctx)
{
    const domain::ClientId id{ctx.id("id")};
    ctx.access_client(id, AuditAction::read, "melding");
    return views::json(views::list(ctx.work().clients().meldingen(id), views::melding));
}

/// The access team's work list: meldingen of the assessor's municipality with their legal
/// deadlines, the overdue first, then by the next due date.
Response melding_work_list(RequestContext& ctx)
{
    storage::MeldingQuery query;
    query.page = ctx.page();
    if (const auto open = ctx.query("open")) {
        if (*open != "true" && *open != "false")
            throw BadRequest("open: \"" + *open + "\" is not allowed; allowed: true, false", {{"open", "true or false"}});
        query.open_only = *open == "true";
    }
    app::scope_query(ctx.principal(), query);
    const calendar::Date today = ctx.server.clock.today();
    const storage::PageOf<domain::Melding> page = ctx.work().clients().melding_page(query);
    const auto write = [&](views::CompactWriter& w, const domain::Melding& m) {
        ctx.record_client_access(m.client, AuditAction::read, "melding list");
        const std::optional<domain::ClientIdentity> who = ctx.work().clients().identity(m.client);
        views::melding_with_deadlines(w, m, who ? who->name : std::string(), today);
    };
    return views::json(views::list(page.items, write, page.total, query.page));
}

}  // namespace

void add_client_routes(Router& router)
{
    router.add({.method = "GET", .pattern = "/api/v1/clients",
                .summary = "Clients the user may see (a team's clients, or a municipality's), a page at a time",
                .tag = "clients", .roles = k_care, .audit_data = "client list",
                .query = {{"area", "area id"}, {"team", "team id"}}, .response_schema = "ClientPage",
                .handler = list_clients});
    router.add({.method = "POST", .pattern = "/api/v1/clients",
                .summary = "Register a client in the assessor's municipality (BSN checked with the elfproef)",
                .tag = "clients", .roles = k_assessor, .writes = true, .audit_data = "client",
                .request_schema = "ClientInput", .response_schema = "Client", .success_status = 201,
                .handler = add_client});
    router.add({.method = "GET", .pattern = "/api/v1/clients/{id}", .summary = "One client",
                .tag = "clients", .roles = k_care, .audit_data = "client", .response_schema = "Client",
                .handler = get_client});
    router.add({.method = "GET", .pattern = "/api/v1/clients/{id}/access-log",
                .summary = "Who accessed this client's data, when, how, on what basis (NEN 7513), newest first",
                .tag = "clients", .roles = {Role::access_assessor, Role::administrator}, .audit_data = "access_log",
                .response_schema = "AuditPage", .handler = access_log});
    router.add({.method = "GET", .pattern = "/api/v1/clients/{id}/meldingen", .summary = "A client's meldingen",
                .tag = "clients", .roles = k_assessor, .audit_data = "melding", .response_schema = "MeldingList",
                .handler = list_meldingen});
    router.add({.method = "GET", .pattern = "/api/v1/meldingen",
                .summary = "The meldingen of the assessor's municipality with their legal deadlines: overdue "
                           "first, then by the next due date",
                .tag = "clients", .roles = k_assessor, .audit_data = "melding list",
                .query = {{"open", "true (default): not yet decided; false: all"}},
                .response_schema = "MeldingPage", .handler = melding_work_list});
    router.add({.method = "POST", .pattern = "/api/v1/clients/{id}/meldingen",
                .summary = "Record a melding (starts the legal deadlines)", .tag = "clients", .roles = k_assessor,
                .writes = true, .audit_data = "melding", .request_schema = "MeldingInput",
                .response_schema = "Melding", .success_status = 201, .handler = add_melding});
}

}  // namespace reable::server
