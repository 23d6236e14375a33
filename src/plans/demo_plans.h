#pragma once
// Demo data for the action-plan cycle: in Jalisco and Oaxaca, a constituted
// secretariat and a published 2026 plan of five commitments (contracting,
// budget, access to information, open data, participation) with milestones
// in different states, so the portal shows real-looking progress; each
// milestone reported done carries its evidence, a one-page PDF.
#include "jurisdictions/jurisdiction_service.h"
#include "plans/evidence_service.h"
#include "plans/plan_service.h"
#include "plans/secretariat_service.h"

namespace apertura::plans {

// Returns how many plans it created (0 when they exist already). The
// civil-society member of each secretariat is linked to the account with
// `civil_society_email` when it is not empty.
int load_demo_plans(PlanService& plans, SecretariatService& secretariats, EvidenceService& evidence,
                    jurisdictions::JurisdictionService& jurisdictions, const Actor& loader,
                    const std::string& civil_society_email = "");

}  // namespace apertura::plans
