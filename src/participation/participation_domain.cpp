#include "participation/participation_domain.h"

#include "participation/demo_proposals.h"
#include "participation/proposal_routes.h"

namespace apertura::participation {

ParticipationDomain::ParticipationDomain(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                                         plans::PlansDomain& plans, accounts::AccountService& accounts,
                                         std::string public_url)
    : plans_(plans),
      proposals_(
          database, jurisdictions, plans.plans(),
          [&accounts](int64_t user_id) -> std::optional<std::string> {
            auto user = accounts.find(user_id);
            return user ? std::optional<std::string>(user->email) : std::nullopt;
          },
          std::move(public_url)) {}

void ParticipationDomain::install(web::Site& site) {
  register_proposal_routes(site.router, proposals_, plans_.plans(), site.pages);
  site.pages.navigation().add({"Mis propuestas", "/propuestas/mias", 10, web::Menu::account});
  site.permissions.add("participation", proposal_permissions());
}

void ParticipationDomain::load_demo(DemoRun& demo) {
  int created = 0;
  if (demo.accounts.count(Role::citizen) && demo.accounts.count(Role::civil_society) &&
      demo.accounts.count(Role::admin)) {
    created = load_demo_proposals(proposals_, plans_.plans(), demo.accounts[Role::citizen],
                                  demo.accounts[Role::civil_society], demo.accounts[Role::admin]);
  }
  demo.report.push_back("propuestas de demostración: " + std::to_string(created) + " nuevas");
}

}  // namespace apertura::participation
