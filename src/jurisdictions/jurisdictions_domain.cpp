#include "jurisdictions/jurisdictions_domain.h"

#include "jurisdictions/demo_jurisdictions.h"

namespace apertura::jurisdictions {

void JurisdictionsDomain::install(web::Site& site) {
  register_jurisdiction_routes(site.router, service_, site.pages, sections_, card_facts_);
  site.pages.navigation().add({"Jurisdicciones", "/jurisdicciones", 50});
  site.permissions.add("jurisdictions", jurisdiction_permissions());
}

void JurisdictionsDomain::load_demo(DemoRun& demo) {
  int jurisdictions = 0;
  int institutions = 0;
  for (const auto& place : demo_jurisdictions()) {
    if (!service_.find(place.code)) {
      auto created = service_.create(demo.loader, {place.code, place.name, place.level});
      if (!created) throw DomainException(created.error());
      ++jurisdictions;
    }
    for (const auto& institution : place.institutions) {
      institutions += add_demo_institution(service_, demo.loader, place.code, institution) ? 1 : 0;
    }
  }
  demo.report.push_back("jurisdicciones de demostración: " + std::to_string(jurisdictions) + " jurisdicciones, " +
                        std::to_string(institutions) + " instituciones nuevas");
}

}  // namespace apertura::jurisdictions
