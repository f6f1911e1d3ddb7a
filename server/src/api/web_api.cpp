// The web interface: its page and files, served from memory, public (the page signs in through
// the API). A strict Content-Security-Policy allows only the server's own scripts and styles.

#include "api/routes.hpp"
#include "http/request_context.hpp"
#include "web/web_assets.hpp"

#include "reable/error.hpp"

namespace reable::server {

namespace {

constexpr const char* k_content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

Response asset(const std::string& name)
{
    for (const WebAsset& a : web_assets())
        if (a.name == name)
            return Response{200,
                            std::string(a.media_type),
                            std::string(a.body),
                            {{"Content-Security-Policy", k_content_security_policy},
                             {"Referrer-Policy", "no-referrer"},
                             {"Cache-Control", "no-cache"}}};
    throw Error(ErrorCode::not_found, "the web interface has no file \"" + name + "\"");
}

}  // namespace

void add_web_routes(Router& router)
{
    router.add({.method = "GET",
                .pattern = "/",
                .summary = "The web interface (Dutch, English switchable); it signs in through /api/v1/auth/login",
                .tag = "web",
                .authenticated = false,
                .response_schema = "text/html",
                .handler = [](RequestContext&) { return asset("index.html"); }});
    router.add({.method = "GET",
                .pattern = "/app/{file}",
                .summary = "A script, style sheet or image of the web interface",
                .tag = "web",
                .authenticated = false,
                .response_schema = "text/plain",
                .handler = [](RequestContext& ctx) { return asset(ctx.param("file")); }});
}

}  // namespace reable::server
