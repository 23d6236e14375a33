#pragma once
// Pages, downloads and API of budget execution and the money trail.
#include "money/budget/budget_service.h"
#include "money/contracting/contracting_routes.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::money {

void register_budget_routes(web::Router& router, BudgetService& budget, const web::Pages& pages);

// The budget lines a process reaches, on its page.
void extend_contracting_pages(ContractingExtensions& extensions, BudgetService& budget);

}  // namespace apertura::money
