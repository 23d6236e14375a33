#include "app/demo.h"

#include <map>

#include "jurisdictions/demo_jurisdictions.h"
#include "plans/demo_plans.h"

namespace apertura::app {

const std::vector<DemoAccount>& demo_accounts() {
  static const std::vector<DemoAccount> accounts = {
      {"admin@demo.apertura.mx", "Administración del órgano garante", Role::admin, "demo-admin-2026"},
      {"funcionaria@demo.apertura.mx", "Laura Méndez (Finanzas Jalisco)", Role::official, "demo-official-2026"},
      {"sociedad@demo.apertura.mx", "Colectivo Ciudad Abierta", Role::civil_society, "demo-civil-2026"},
      {"ciudadana@demo.apertura.mx", "María Pérez", Role::citizen, "demo-citizen-2026"},
  };
  return accounts;
}

DemoSummary load_demo(Application& application) {
  DemoSummary summary;
  Actor loader = Actor::system("demo");
  auto& jurisdictions = application.jurisdictions();
  std::optional<int64_t> jalisco_finance;
  for (const auto& demo : jurisdictions::demo_jurisdictions()) {
    auto found = jurisdictions.find(demo.code);
    if (!found) {
      found = jurisdictions.create(loader, {demo.code, demo.name, demo.level});
      if (!found) throw DomainException(found.error());
      ++summary.jurisdictions_created;
    }
    for (const auto& institution : demo.institutions) {
      auto added = jurisdictions.add_institution(loader, demo.code, {institution.name, institution.acronym, ""});
      if (added) ++summary.institutions_created;
      else if (added.error().kind != ErrorKind::conflict) throw DomainException(added.error());
    }
    if (demo.code == "14") {
      auto list = jurisdictions.institutions(found->id, {100, 0});
      for (const auto& institution : list.items) {
        if (institution.name.rfind("Secretaría de Finanzas", 0) == 0) jalisco_finance = institution.id;
      }
    }
  }
  for (const auto& account : demo_accounts()) {
    std::optional<int64_t> institution = account.role == Role::official ? jalisco_finance : std::nullopt;
    auto created = application.accounts().create_user(
        loader, {account.email, account.display_name, account.password, account.role, institution});
    if (created) ++summary.accounts_created;
    else if (created.error().kind != ErrorKind::conflict) throw DomainException(created.error());
  }
  summary.plans_created =
      plans::load_demo_plans(application.plans(), application.secretariats(), application.jurisdictions(), loader);
  std::map<Role, Actor> actors;
  auto users = application.accounts().list_users(loader, {1000, 0}).take();
  for (const auto& user : users.items) {
    for (const auto& account : demo_accounts()) {
      if (account.email == user.email) actors[account.role] = user.as_actor();
    }
  }
  if (actors.count(Role::citizen) && actors.count(Role::civil_society) && actors.count(Role::admin)) {
    summary.proposals_created = plans::load_demo_proposals(application.proposals(), application.plans(),
                                                           actors[Role::citizen], actors[Role::civil_society],
                                                           actors[Role::admin]);
  }
  return summary;
}

}  // namespace apertura::app
