#pragma once

#include "http/router.hpp"

namespace reable::server {

/// Every route of the service, in the order of the OpenAPI document.
Router build_router();

// One function per area; each adds its routes.
void add_system_routes(Router& router);
void add_auth_routes(Router& router);
void add_instrument_routes(Router& router);
void add_organisation_routes(Router& router);
void add_client_routes(Router& router);
void add_trajectory_routes(Router& router);
void add_decision_routes(Router& router);
void add_export_routes(Router& router);
void add_web_routes(Router& router);

/// The OpenAPI 3 document for the router's routes (schemas from the embedded components).
std::string openapi_document(const Router& router);

}  // namespace reable::server
