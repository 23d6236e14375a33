#pragma once
// Pages, downloads and API of contracting processes (follow the money).
#include "money/budget_service.h"
#include "money/contracting_service.h"
#include "money/red_flag_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::money {

void register_contracting_routes(web::Router& router, ContractingService& service, RedFlagService& flags,
                                 BudgetService& budget, const web::Pages& pages);

}  // namespace apertura::money
