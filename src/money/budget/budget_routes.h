#pragma once
// Pages, downloads and API of budget execution and the money trail.
#include "money/budget_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::money {

void register_budget_routes(web::Router& router, BudgetService& budget, const web::Pages& pages);

// The budget lines a process reaches, for its page.
nlohmann::json process_budget_view(BudgetService& budget, const web::Request& request, const std::string& ocid);

}  // namespace apertura::money
