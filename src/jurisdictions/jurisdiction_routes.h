#pragma once
// Pages, downloads and API endpoints for jurisdictions and institutions,
// including the portal's home page (the national overview).
#include <functional>
#include <vector>

#include "jurisdictions/jurisdiction_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::jurisdictions {

// Other domains add their block to a jurisdiction's page (the secretariat and
// the current plan) without this domain knowing about them.
using JurisdictionSection = std::function<std::string(const web::Request&, const Jurisdiction&)>;

void register_jurisdiction_routes(web::Router& router, JurisdictionService& service, const web::Pages& pages,
                                  std::vector<JurisdictionSection> sections = {});

}  // namespace apertura::jurisdictions
