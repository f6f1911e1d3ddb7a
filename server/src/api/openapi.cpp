// The OpenAPI 3.0 document, generated from the route table so it cannot list a route that does not
// exist or miss one that does. Schemas come from server/openapi/components.json.

#include "api/routes.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace reable::server {

extern const char* const k_openapi_components;  // generated from server/openapi/components.json

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr ordered() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr schema_ref(const std::string& name)
{
    Object::Ptr o = ordered();
    o->set("$ref", "#/components/schemas/" + name);
    return o;
}

Object::Ptr content(const std::string& schema)
{
    Object::Ptr c = ordered();
    Object::Ptr media = ordered();
    if (schema == "text/plain" || schema == "text/csv" || schema == "text/html" || schema == "image/svg+xml") {
        Object::Ptr s = ordered();
        s->set("type", "string");
        media->set("schema", s);
        c->set(schema, media);
    } else {
        media->set("schema", schema_ref(schema));
        c->set("application/json", media);
    }
    return c;
}

Object::Ptr problem_response(const std::string& description)
{
    Object::Ptr r = ordered();
    r->set("description", description);
    Object::Ptr c = ordered();
    Object::Ptr media = ordered();
    media->set("schema", schema_ref("Problem"));
    c->set("application/problem+json", media);
    r->set("content", c);
    return r;
}

Object::Ptr operation(const Route& route)
{
    Object::Ptr op = ordered();
    op->set("summary", route.summary);
    Array::Ptr tags = new Array;
    tags->add(route.tag);
    op->set("tags", tags);
    std::string roles;
    for (const domain::Role r : route.roles) roles += (roles.empty() ? "" : ", ") + std::string(to_string(r));
    if (route.authenticated) op->set("description", "Roles: " + roles + ".");

    Array::Ptr params = new Array;
    std::size_t at = 0;
    while ((at = route.pattern.find('{', at)) != std::string::npos) {
        const std::size_t end = route.pattern.find('}', at);
        Object::Ptr p = ordered();
        p->set("name", route.pattern.substr(at + 1, end - at - 1));
        p->set("in", "path");
        p->set("required", true);
        Object::Ptr s = ordered();
        s->set("type", route.pattern.substr(at + 1, end - at - 1) == "id" ? "integer" : "string");
        p->set("schema", s);
        params->add(p);
        at = end;
    }
    std::vector<QueryParam> query = route.query;
    if (route.response_schema.find("Page") != std::string::npos) {
        query.push_back({"limit", "page size, 1–500 (default 50)"});
        query.push_back({"offset", "rows to skip (default 0)"});
    }
    for (const QueryParam& q : query) {
        Object::Ptr p = ordered();
        p->set("name", q.name);
        p->set("in", "query");
        p->set("description", q.description);
        Object::Ptr s = ordered();
        s->set("type", "string");
        p->set("schema", s);
        params->add(p);
    }
    // Every signed-in POST may be made idempotent (http/idempotency.hpp).
    const bool idempotent = route.method == "POST" && route.authenticated;
    if (idempotent) {
        Object::Ptr p = ordered();
        p->set("name", "Idempotency-Key");
        p->set("in", "header");
        p->set("required", false);
        p->set("description",
               "1 to 100 visible ASCII characters. The first successful answer is kept for 24 hours (in memory, "
               "per user and key; not across a restart) and a repeat of the same request with the key gets it "
               "again with the header Idempotent-Replayed: true, without the request running twice. The key "
               "with another method, path or body is 422; while the first request runs, a repeat is 409. "
               "Refused requests are not kept: correct them and send them again with the same key.");
        Object::Ptr s = ordered();
        s->set("type", "string");
        s->set("minLength", 1);
        s->set("maxLength", 100);
        p->set("schema", s);
        params->add(p);
    }
    if (params->size() > 0) op->set("parameters", params);

    if (!route.request_schema.empty()) {
        Object::Ptr body = ordered();
        body->set("required", true);
        body->set("content", content(route.request_schema));
        op->set("requestBody", body);
    }
    Object::Ptr responses = ordered();
    Object::Ptr ok = ordered();
    ok->set("description", route.success_status == 204 ? "Done" : "Success");
    if (!route.response_schema.empty()) ok->set("content", content(route.response_schema));
    responses->set(std::to_string(route.success_status), ok);
    if (route.authenticated) {
        responses->set("400", problem_response("Malformed request: bad JSON, a wrong type, an unknown field or id"));
        responses->set("401", problem_response("No valid bearer token"));
        responses->set("403", problem_response("The role or its scope does not allow this"));
        responses->set("404", problem_response("Not found"));
        if (route.writes || idempotent) {
            responses->set("409", problem_response(idempotent ? "Conflicts with the stored state, or a request with "
                                                                "the same Idempotency-Key is still running"
                                                              : "Conflicts with the stored state"));
            responses->set("422", problem_response("Valid JSON, but a value breaks a rule (named in `field`)"));
        }
    }
    op->set("responses", responses);
    if (route.authenticated) {
        Array::Ptr security = new Array;
        Object::Ptr bearer = ordered();
        bearer->set("bearer", Array::Ptr(new Array));
        security->add(bearer);
        op->set("security", security);
    }
    return op;
}

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::string openapi_document(const Router& router)
{
    Object::Ptr doc = ordered();
    doc->set("openapi", "3.0.3");
    Object::Ptr info = ordered();
    info->set("title", "Reable API");
    info->set("version", "1");
    info->set("description",
              "Reablement trajectories, test scoring and household-help decisions. Every access to client data "
              "is audit-logged (NEN 7513). Errors are RFC 9457 application/problem+json.");
    doc->set("info", info);
    Object::Ptr paths = ordered();
    for (const Route& route : router.routes()) {
        Object::Ptr item = paths->has(route.pattern) ? paths->getObject(route.pattern) : ordered();
        item->set(lower(route.method), operation(route));
        paths->set(route.pattern, item);
    }
    doc->set("paths", paths);
    Poco::JSON::Parser parser;
    doc->set("components", parser.parse(k_openapi_components));
    std::ostringstream out;
    doc->stringify(out);
    return out.str();
}

}  // namespace reable::server
