#include "plans/plans_domain.h"

#include "core/date.h"
#include "plans/demo_plans.h"
#include "plans/plan_views.h"
#include "plans/permissions.h"
#include "plans/session_routes.h"

namespace apertura::plans {

PlansDomain::PlansDomain(store::Database& database, jurisdictions::JurisdictionsDomain& jurisdictions,
                         accounts::AccountService& accounts, store::FileStore& files,
                         EvidenceService::ContractLookup contract_title)
    : jurisdictions_(jurisdictions),
      secretariats_(database, jurisdictions.service(),
                    [&accounts](const std::string& email) -> std::optional<int64_t> {
                      auto user = accounts.find_by_email(email);
                      return user ? std::optional<int64_t>(user->id) : std::nullopt;
                    }),
      plans_(database, jurisdictions.service()),
      evidence_(database, files, plans_, secretariats_, std::move(contract_title)),
      sessions_(database, jurisdictions.service(), files) {}

void PlansDomain::install(web::Site& site) {
  PlanServices services{plans_, secretariats_, evidence_, sessions_};
  const web::Pages& pages = site.pages;
  jurisdictions_.add_section([services, &pages](const web::Request& request,
                                                const jurisdictions::Jurisdiction& jurisdiction) {
    return jurisdiction_section_html(services, pages, request, jurisdiction);
  });
  jurisdictions_.add_card_facts([services](std::map<int64_t, nlohmann::json>& cards) {
    for (const auto& row : services.plans.overview(today_iso())) {
      auto card = cards.find(row.jurisdiction.id);
      if (card == cards.end()) continue;
      for (auto& fact : home_card_facts(row)) card->second.push_back(std::move(fact));
    }
  });
  register_plan_api(site.router, services);
  register_session_routes(site.router, sessions_, site.pages);
  register_plan_pages(site.router, services, site.pages);
  site.pages.navigation().add({"Planes de acción", "/planes", 10});
  site.permissions.add("plans", plan_permissions());
}

void PlansDomain::load_demo(DemoRun& demo) {
  auto civil_society = demo.emails.find(Role::civil_society);
  int created = load_demo_plans(plans_, secretariats_, evidence_, jurisdictions_.service(), demo.loader,
                                civil_society == demo.emails.end() ? "" : civil_society->second);
  demo.report.push_back("planes de acción de demostración: " + std::to_string(created) + " nuevos");
}

}  // namespace apertura::plans
