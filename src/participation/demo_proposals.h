#pragma once
// Demo data for co-creation: proposals answered by the demo secretariat.
#include "participation/proposal_service.h"
#include "plans/plan_service.h"

namespace apertura::participation {

// Proposals for Jalisco from the demo citizen: one adopted into the plan, one
// not adopted with its reason, one still open with a comment. Returns how many
// it created (0 when Jalisco already has proposals).
int load_demo_proposals(ProposalService& proposals, plans::PlanService& plans, const Actor& citizen,
                        const Actor& civil_society, const Actor& admin);

}  // namespace apertura::participation
