#pragma once
// Pages, downloads and API of red flags, and the flags they add to the pages
// of a contracting process and of an organisation.
#include <map>

#include <nlohmann/json.hpp>

#include "money/contracting/contracting_routes.h"
#include "money/contracting/contracting_service.h"
#include "jurisdictions/jurisdiction_service.h"
#include "money/flags/red_flag_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::money {

void register_flag_routes(web::Router& router, RedFlagService& flags, ContractingService& contracting,
                          jurisdictions::JurisdictionService& jurisdictions, const web::Pages& pages);

// A process's and an organisation's flags on their pages and API items.
void extend_contracting_pages(ContractingExtensions& extensions, RedFlagService& flags);

// Each state's card on the home page says how many of its processes have a
// red flag, and links to them.
void add_flag_card_facts(RedFlagService& flags, jurisdictions::JurisdictionService& jurisdictions,
                         std::map<int64_t, nlohmann::json>& cards);

}  // namespace apertura::money
