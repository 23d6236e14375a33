#pragma once
// Pages and API endpoints of the action-plan cycle.
#include <string>

#include "plans/evidence_service.h"
#include "plans/plan_service.h"
#include "plans/secretariat_service.h"
#include "plans/session_service.h"
#include "web/api.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::plans {

struct PlanServices {
  PlanService& plans;
  SecretariatService& secretariats;
  EvidenceService& evidence;
  SessionService& sessions;
};

void register_plan_api(web::Router& router, PlanServices services);
void register_plan_pages(web::Router& router, PlanServices services, const web::Pages& pages);

// The block about the secretariat and the current plan on a jurisdiction's page.
std::string jurisdiction_section_html(PlanServices services, const web::Pages& pages, const web::Request& request,
                                      const jurisdictions::Jurisdiction& jurisdiction);

// The aims ticked in a form (checkboxes named "aims"), as "a,e,".
std::string form_aims(const web::FormData& form);

using web::id_param;

}  // namespace apertura::plans
