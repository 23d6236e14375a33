#pragma once
// Pages, downloads and API endpoints for jurisdictions and institutions,
// including the portal's home page (the national overview).
#include "jurisdictions/jurisdiction_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::jurisdictions {

void register_jurisdiction_routes(web::Router& router, JurisdictionService& service,
                                  const web::Pages& pages);

}  // namespace apertura::jurisdictions
