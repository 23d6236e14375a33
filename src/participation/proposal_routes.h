#pragma once
// Pages and API endpoints of co-creation proposals.
#include "plans/plan_service.h"
#include "participation/proposal_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::participation {

void register_proposal_routes(web::Router& router, ProposalService& proposals, plans::PlanService& plans,
                              const web::Pages& pages);

}  // namespace apertura::participation
