// The access team's onderzoek findings and decisions with the beschikking draft.

#include "api/access_rules.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"

#include "reable/app/decision_service.hpp"
#include "reable/decision/json_io.hpp"

namespace reable::server {

namespace {

using domain::AuditAction;

/// Reference data: every loaded policy version, ordered by id and version.
Response list_policies(RequestContext& ctx)
{
    return views::json(views::list(ctx.server.registry.policies(), views::policy));
}

Response record_findings(RequestContext& ctx)
{
    const domain::ClientId client{ctx.id("id")};
    ctx.access_client(client, AuditAction::create, "onderzoek");
    JsonBody body = ctx.json();
    app::FindingsInput in;
    in.client = client.value;
    in.date = body.text("date").value_or("");
    domain::OnderzoekFindings& f = in.findings;
    const auto flag = [&](const char* name, bool& out) { out = body.boolean(name).value_or(false); };
    bool not_household_help = false;
    flag("terminal", f.terminal);
    flag("bedbound", f.bedbound);
    flag("serious_psychiatric", f.serious_psychiatric);
    flag("needs_institutional_care", f.needs_institutional_care);
    flag("cannot_communicate", f.cannot_communicate);
    flag("decline_recoverable", f.decline_recoverable);
    flag("household_goal", f.household_goal);
    flag("acute_need", f.acute_need);
    flag("does_light_tasks", f.does_light_tasks);
    flag("does_medium_tasks", f.does_medium_tasks);
    flag("small_dwelling", f.small_dwelling);
    flag("network_covers_all", f.network_covers_all);
    flag("dropout_medical", f.dropout_medical);
    flag("not_household_help", not_household_help);
    f.concerns_household_help = !not_household_help;
    if (const auto v = body.integer("cognitive_screen")) in.cognitive_screen = std::to_string(*v);
    in.dementia = body.text("dementia").value_or(in.dementia);
    in.decline_since = body.text("decline_since").value_or("");
    if (const auto v = body.integer("reablement_wait_days")) in.reablement_wait_days = std::to_string(*v);
    in.limitation = body.text("limitation").value_or(in.limitation);
    body.finish();
    const domain::OnderzoekFindings stored = app::record_findings(ctx.work(), ctx.server.clock, in);
    views::CompactWriter w;
    w.begin_object()
        .key("id").value(stored.id.value)
        .key("client_id").value(client.value)
        .key("recorded_on").value(calendar::format_iso_date(stored.recorded_on))
        .end_object();
    return views::json(w, 201);
}

Response decide(RequestContext& ctx)
{
    const domain::ClientId client{ctx.id("id")};
    ctx.access_client(client, AuditAction::create, "decision");
    JsonBody body = ctx.json();
    app::DecideRequest in;
    in.client = client.value;
    in.policy = body.text("policy").value_or("");
    in.choice = body.text("choice").value_or(in.choice);
    in.outcome = body.text("outcome").value_or("");
    if (const auto v = body.number_text("minutes")) in.minutes = *v;
    in.motivation = body.text("motivation").value_or("");
    in.dry_run = body.boolean("dry_run").value_or(false);
    body.finish();
    const app::DecideResult result = app::decide(ctx.work(), ctx.server.registry, ctx.server.clock, in);
    if (in.dry_run) {
        // Nothing is stored; the decision (id 0) and its draft are shown as the service computed
        // them, in the shape a stored decision has: outcome, minutes, band, reasons, extra items.
        views::CompactWriter w;
        w.begin_object().key("dry_run").value(true);
        w.key("decision").raw(decision::to_json(result.record));
        w.key("beschikking").value(result.beschikking).end_object();
        return views::json(w);
    }
    return views::json_text(decision::to_json(result.record), 201);
}

Response list_decisions(RequestContext& ctx)
{
    const domain::ClientId client{ctx.id("id")};
    ctx.access_client(client, AuditAction::read, "decision");
    const auto write = [](views::CompactWriter& w, const domain::RecordedDecision& d) { w.raw(decision::to_json(d)); };
    return views::json(views::list(ctx.work().decisions().for_client(client), write));
}

domain::RecordedDecision accessible_decision(RequestContext& ctx)
{
    const domain::RecordedDecision d = app::find_decision(ctx.work(), ctx.id("id"));
    ctx.access_client(d.client, AuditAction::read, "decision");
    return d;
}

Response get_decision(RequestContext& ctx) { return views::json_text(decision::to_json(accessible_decision(ctx))); }

Response get_beschikking(RequestContext& ctx)
{
    return Response{200, "text/plain; charset=utf-8", app::stored_beschikking(accessible_decision(ctx)), {}};
}

}  // namespace

void add_decision_routes(Router& router)
{
    router.add({.method = "GET", .pattern = "/api/v1/policies",
                .summary = "The decision policies: names, and whether reablement comes before household help "
                           "(precedence) or is offered freely (voluntary)",
                .tag = "decisions", .roles = k_all, .response_schema = "PolicyList", .handler = list_policies});
    router.add({.method = "POST", .pattern = "/api/v1/clients/{id}/onderzoek",
                .summary = "Record the onderzoek findings the decision is made on (supersedes earlier findings)",
                .tag = "decisions", .roles = k_assessor, .writes = true, .audit_data = "onderzoek",
                .request_schema = "FindingsInput", .response_schema = "Created", .success_status = 201,
                .handler = record_findings});
    router.add({.method = "GET", .pattern = "/api/v1/clients/{id}/decisions", .summary = "A client's decisions",
                .tag = "decisions", .roles = k_assessor, .audit_data = "decision",
                .response_schema = "DecisionList", .handler = list_decisions});
    router.add({.method = "POST", .pattern = "/api/v1/clients/{id}/decisions",
                .summary = "Decide on household help under a policy: outcome, minutes per week, reasons, draft",
                .tag = "decisions", .roles = k_assessor, .writes = true, .audit_data = "decision",
                .request_schema = "DecideInput", .response_schema = "DecideAnswer", .success_status = 201,
                .handler = decide});
    router.add({.method = "GET", .pattern = "/api/v1/decisions/{id}", .summary = "One decision with inputs and trace",
                .tag = "decisions", .roles = k_assessor, .audit_data = "decision", .response_schema = "Decision",
                .handler = get_decision});
    router.add({.method = "GET", .pattern = "/api/v1/decisions/{id}/beschikking",
                .summary = "The decision's beschikking draft (Dutch text)", .tag = "decisions", .roles = k_assessor,
                .audit_data = "decision", .response_schema = "text/plain", .handler = get_beschikking});
}

}  // namespace reable::server
