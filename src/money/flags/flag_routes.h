#pragma once
// Pages, downloads and API of red flags, and the flags they add to the pages
// of a contracting process and of an organisation.
#include "money/contracting/contracting_routes.h"
#include "money/contracting/contracting_service.h"
#include "money/flags/red_flag_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::money {

void register_flag_routes(web::Router& router, RedFlagService& flags, ContractingService& contracting,
                          const web::Pages& pages);

// A process's and an organisation's flags on their pages and API items.
void extend_contracting_pages(ContractingExtensions& extensions, RedFlagService& flags);

}  // namespace apertura::money
