#pragma once
// JSON views of plans for pages, downloads and the API: the stored fields
// plus what is derived (progress, completion level, overdue milestones,
// labels in Spanish).
#include <nlohmann/json.hpp>

#include "plans/plan.h"
#include "plans/plan_rules.h"
#include "plans/plan_service.h"

namespace apertura::plans {

nlohmann::json progress_json(const Progress& progress);
// The commitment with its progress and each milestone's and indicator's labels.
nlohmann::json commitment_view(const Commitment& commitment, const std::string& today);
// The whole plan as one open document: plan, commitments, milestones, indicators, progress.
nlohmann::json plan_document_json(const PlanDocument& document, const std::string& today);
nlohmann::json secretariat_json(const Secretariat& secretariat);
nlohmann::json overview_row_json(const JurisdictionProgress& row);
// The lines a state's card on the home page shows: its secretariat, and its
// plan with its status, progress and overdue milestones.
nlohmann::json home_card_facts(const JurisdictionProgress& row);

}  // namespace apertura::plans
