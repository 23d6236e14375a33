#pragma once
// Pages, downloads and API of contracting processes (follow the money).
#include "money/budget_service.h"
#include "money/contracting_service.h"
#include "money/red_flag_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::money {

// Where the API takes an OCDS file as the request body; the server writes
// such bodies to a temporary file, so their size is not bounded by memory.
inline constexpr const char* kOcdsImportApiPath = "/api/v1/ocds/imports";

void register_contracting_routes(web::Router& router, ContractingService& service, RedFlagService& flags,
                                 BudgetService& budget, const web::Pages& pages);

}  // namespace apertura::money
