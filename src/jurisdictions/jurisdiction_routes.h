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

// `sections` must outlive the router; domains may add to it until requests come.
void register_jurisdiction_routes(web::Router& router, JurisdictionService& service, const web::Pages& pages,
                                  const std::vector<JurisdictionSection>& sections);

}  // namespace apertura::jurisdictions
