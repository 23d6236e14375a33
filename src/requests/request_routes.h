#pragma once
// The pages under /solicitudes and the API under /api/v1/requests,
// /api/v1/request-regimes and /api/v1/closed-days.
#include "jurisdictions/jurisdiction_service.h"
#include "requests/request_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::requests {

void register_request_routes(web::Router& router, RequestService& requests,
                             jurisdictions::JurisdictionService& jurisdictions, const web::Pages& pages);

}  // namespace apertura::requests
