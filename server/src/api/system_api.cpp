// Health, metrics and the API description: no client data, no sign-in.

#include "api/routes.hpp"
#include "api/views.hpp"
#include "http/request_context.hpp"
#include "infra/metrics.hpp"

namespace reable::server {

void add_system_routes(Router& router)
{
    router.add({.method = "GET",
                .pattern = "/healthz",
                .summary = "Liveness: answers ok while the server accepts requests",
                .tag = "system",
                .authenticated = false,
                .response_schema = "text/plain",
                .handler = [](RequestContext&) {
                    return Response{200, "text/plain; charset=utf-8", "ok\n", {}};
                }});
    router.add({.method = "GET",
                .pattern = "/metrics",
                .summary = "Prometheus metrics: requests, latency histogram, errors, database size",
                .tag = "system",
                .authenticated = false,
                .response_schema = "text/plain",
                .handler = [](RequestContext& ctx) {
                    std::map<std::string, double> gauges;
                    {
                        auto db = ctx.server.pool.lease();
                        gauges["reable_database_size_bytes"] = static_cast<double>(db->size_bytes());
                    }
                    gauges["reable_audit_batches_total"] = static_cast<double>(ctx.server.audit.batches());
                    gauges["reable_audit_events_written_total"] = static_cast<double>(ctx.server.audit.events());
                    return Response{200, "text/plain; version=0.0.4; charset=utf-8",
                                    ctx.server.metrics.render(gauges), {}};
                }});
    router.add({.method = "GET",
                .pattern = "/api/v1/openapi.json",
                .summary = "This API described in OpenAPI 3.0",
                .tag = "system",
                .authenticated = false,
                .response_schema = "OpenApi",
                .handler = [](RequestContext& ctx) { return views::json_text(openapi_document(ctx.server.router)); }});
}

Router build_router()
{
    Router router;
    add_system_routes(router);
    add_auth_routes(router);
    add_instrument_routes(router);
    add_organisation_routes(router);
    add_client_routes(router);
    add_trajectory_routes(router);
    add_decision_routes(router);
    add_export_routes(router);
    add_web_routes(router);
    return router;
}

}  // namespace reable::server
