#pragma once
// Pages, downloads and API endpoints for jurisdictions and institutions,
// including the portal's home page (the national overview).
#include <functional>
#include <map>
#include <vector>

#include "jurisdictions/jurisdiction_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::jurisdictions {

// Other domains add their block to a jurisdiction's page (the secretariat and
// the current plan) without this domain knowing about them.
using JurisdictionSection = std::function<std::string(const web::Request&, const Jurisdiction&)>;

// Other domains add lines to each state's card on the home page (its
// secretariat, its plan's progress, its red flags): for every jurisdiction id
// in `cards`, they append card_fact(...) lines to its array (lower rank first).
// One call for all the cards, so a domain reads what it needs at once.
using HomeCardFacts = std::function<void(std::map<int64_t, nlohmann::json>& cards)>;
// One line of a card, every key written (the template would otherwise find
// the card's own "url" for a line without one).
nlohmann::json card_fact(std::string text, std::string url = "", std::string tone = "", int rank = 100);

// `sections` and `card_facts` must outlive the router; domains may add to them until requests come.
void register_jurisdiction_routes(web::Router& router, JurisdictionService& service, const web::Pages& pages,
                                  const std::vector<JurisdictionSection>& sections,
                                  const std::vector<HomeCardFacts>& card_facts);

}  // namespace apertura::jurisdictions
