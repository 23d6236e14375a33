#pragma once
// The pages under /solicitudes (request_pages.cpp) and the API under
// /api/v1/requests, /api/v1/request-regimes and /api/v1/closed-days
// (request_api.cpp). Handlers read the request (request_inputs.h), ask the
// service and show its answer (request_views.h).
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "jurisdictions/jurisdiction_service.h"
#include "requests/request_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::requests {

// What every handler of the domain uses.
struct RouteContext {
  RequestService& requests;
  jurisdictions::JurisdictionService& jurisdictions;
  const web::Pages& pages;
  std::string public_url;  // the portal's address, for links that leave the page (the receipt's)
};

void register_request_routes(web::Router& router, RequestService& requests,
                             jurisdictions::JurisdictionService& jurisdictions, const web::Pages& pages,
                             std::string public_url);
void register_request_pages(web::Router& router, RouteContext ctx);
void register_request_api(web::Router& router, RouteContext ctx);

// The fee schedules as pages and the API show them, with their jurisdictions' names.
nlohmann::json fee_schedule_rows(RouteContext ctx);
// A jurisdiction's name by its INEGI code; "" for "" (every jurisdiction).
std::string jurisdiction_name_of(RouteContext ctx, const std::string& code);

// The topics as a select's options, `chosen` selected.
nlohmann::json topic_options(RouteContext ctx, const std::string& chosen);
// Rows of a list with each institution's and topic's name (looked up once per institution).
std::vector<nlohmann::json> rows_of(RouteContext ctx, const std::vector<InformationRequest>& items);

}  // namespace apertura::requests
