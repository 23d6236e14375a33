#pragma once
// The jurisdictions domain: jurisdictions and their institutions (sujetos
// obligados), the home page, and the jurisdiction pages other domains add
// their blocks to.
#include <vector>

#include "jurisdictions/jurisdiction_routes.h"
#include "jurisdictions/jurisdiction_service.h"
#include "store/database.h"
#include "web/domain.h"

namespace apertura::jurisdictions {

class JurisdictionsDomain : public web::Domain {
 public:
  explicit JurisdictionsDomain(store::Database& database) : service_(database) {}

  std::string_view name() const override { return "jurisdictions"; }
  void install(web::Site& site) override;
  // The federation and the twelve states that signed the declaration, with
  // a few institutions each.
  void load_demo(DemoRun& demo) override;

  JurisdictionService& service() { return service_; }
  // A block on every jurisdiction's page (the secretariat and its plan);
  // domains add theirs when they install.
  void add_section(JurisdictionSection section) { sections_.push_back(std::move(section)); }
  // Lines on each state's card on the home page, in the order domains add them.
  void add_card_facts(HomeCardFacts facts) { card_facts_.push_back(std::move(facts)); }

 private:
  JurisdictionService service_;
  std::vector<JurisdictionSection> sections_;
  std::vector<HomeCardFacts> card_facts_;
};

}  // namespace apertura::jurisdictions
