#include "app/demo.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "jurisdictions/demo_jurisdictions.h"
#include "money/contracting/demo_contracts.h"
#include "money/import/ocds_importer.h"
#include "participation/demo_proposals.h"
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

namespace {

// Writes each state's synthetic releases to a temporary file and imports it
// as an official's upload would be: the same reader, merge and flags.
void load_demo_contracts(Application& application, const Actor& loader, int64_t per_state, uint64_t seed,
                         DemoSummary& summary) {
  if (per_state <= 0) return;
  struct State {
    const char* code;
    const char* name;
    const char* prefix;
  };
  for (const State& state : {State{"14", "Jalisco", "ocds-apdemo-jal"}, State{"20", "Oaxaca", "ocds-apdemo-oax"}}) {
    auto jurisdiction = application.jurisdictions().find(state.code);
    if (!jurisdiction) continue;
    std::string path = (std::filesystem::temp_directory_path() /
                        ("apertura-demo-" + std::string(state.code) + "-" + std::to_string(::getpid()) + ".jsonl"))
                           .string();
    money::DemoContractsOptions demo;
    demo.processes = per_state;
    demo.seed = seed + std::stoull(state.code);
    demo.ocid_prefix = state.prefix;
    demo.state = state.name;
    {
      std::ofstream out(path);
      money::write_demo_releases(out, demo);
    }
    money::ImportOptions options;
    options.jurisdiction_id = jurisdiction->id;
    options.flags = &application.red_flags().settings();
    money::OcdsImporter importer(application.database(), loader, options);
    money::ImportSummary imported = importer.import_file(path, "demo-" + std::string(state.code) + ".jsonl");
    std::filesystem::remove(path);
    // The budget lines once: a second demo run leaves them (and their audit trail) as they are.
    if (application.budget().lines(state.code, std::nullopt, "", {1, 0}).take().total == 0) {
      auto budget = application.budget().import_csv(loader, state.code, money::demo_budget_csv(demo));
      if (!budget) throw DomainException(budget.error());
      summary.budget_lines += budget->created;
    }
    summary.releases_imported += imported.imported;
    summary.processes_created += imported.imported > 0 ? imported.processes : 0;
  }
  if (summary.releases_imported > 0) summary.red_flags = application.red_flags().recompute_all(loader).flags;
}

}  // namespace

DemoSummary load_demo(Application& application, int64_t contracts_per_state, uint64_t seed) {
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
        loader, {account.email, account.display_name, account.password, account.role, institution, ""});
    if (created) ++summary.accounts_created;
    else if (created.error().kind != ErrorKind::conflict) throw DomainException(created.error());
  }
  std::string civil_society_email;
  for (const auto& account : demo_accounts()) {
    if (account.role == Role::civil_society) civil_society_email = account.email;
  }
  summary.plans_created = plans::load_demo_plans(application.plans(), application.secretariats(),
                                                 application.jurisdictions(), loader, civil_society_email);
  std::map<Role, Actor> actors;
  auto users = application.accounts().list_users(loader, {1000, 0}).take();
  for (const auto& user : users.items) {
    for (const auto& account : demo_accounts()) {
      if (account.email == user.email) actors[account.role] = user.as_actor();
    }
  }
  if (actors.count(Role::citizen) && actors.count(Role::civil_society) && actors.count(Role::admin)) {
    summary.proposals_created = participation::load_demo_proposals(application.proposals(), application.plans(),
                                                           actors[Role::citizen], actors[Role::civil_society],
                                                           actors[Role::admin]);
  }
  load_demo_contracts(application, loader, contracts_per_state, seed, summary);
  return summary;
}

}  // namespace apertura::app
