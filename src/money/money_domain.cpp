#include "money/money_domain.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <spdlog/spdlog.h>

#include "jurisdictions/demo_jurisdictions.h"
#include "money/budget/budget_routes.h"
#include "money/budget/permissions.h"
#include "money/contracting/demo_contracts.h"
#include "money/flags/flag_routes.h"
#include "money/import/import_indexes.h"
#include "money/import/import_job_routes.h"
#include "money/import/ocds_importer.h"
#include "money/import/permissions.h"

namespace apertura::money {

MoneyDomain::MoneyDomain(store::Database& database, jurisdictions::JurisdictionsDomain& jurisdictions,
                         FlagSettings flags, std::string upload_dir)
    : database_(database),
      jurisdictions_domain_(jurisdictions),
      jurisdictions_(jurisdictions.service()),
      red_flags_(database, std::move(flags)),
      contracting_(database),
      budget_(database, jurisdictions_),
      import_jobs_(database, red_flags_.settings(), jurisdictions_, std::move(upload_dir)) {
  // An import killed before it built its list indexes again left them out;
  // every run of the portal or the command line puts them back first.
  auto connection = database.connect();
  if (int built = ImportIndexes::build_missing(*connection)) {
    spdlog::info("built {} list indexes that an interrupted OCDS import had left out", built);
  }
}

void MoneyDomain::install(web::Site& site) {
  register_import_job_routes(site.router, import_jobs_, site.pages);
  extend_contracting_pages(contracting_extensions_, red_flags_);
  extend_contracting_pages(contracting_extensions_, budget_);
  extend_contracting_pages(contracting_extensions_, import_jobs_);
  // A process imported for a jurisdiction sits under it: jurisdiction -> contrataciones -> process.
  contracting_extensions_.process_page.push_back([this](const web::Request&, const std::string&, nlohmann::json& data) {
    const auto& id = data["process"]["jurisdiction_id"];
    if (!id.is_number_integer()) return;
    if (auto jurisdiction = jurisdictions_.by_id(id.get<int64_t>())) {
      nlohmann::json crumb = {{"label", jurisdiction->name}, {"url", "/jurisdicciones/" + jurisdiction->slug}};
      data["breadcrumbs"].insert(data["breadcrumbs"].begin(), std::move(crumb));
    }
  });
  register_contracting_routes(site.router, contracting_, site.pages, contracting_extensions_);
  register_flag_routes(site.router, red_flags_, contracting_, jurisdictions_, site.pages);
  jurisdictions_domain_.add_card_facts(
      [this](std::map<int64_t, nlohmann::json>& cards) { add_flag_card_facts(red_flags_, jurisdictions_, cards); });
  register_budget_routes(site.router, budget_, site.pages);

  auto& navigation = site.pages.navigation();
  navigation.add({"Presupuesto", "/presupuesto", 20});
  navigation.add({"Contrataciones", "/contrataciones", 30});
  navigation.add({"Señales de riesgo", "/senales", 40});
  site.permissions.add("money/import", import_permissions());
  site.permissions.add("money/budget", budget_permissions());
  site.file_uploads.push_back(
      {kOcdsImportApiPath, [this](const Actor& actor) { return import_jobs_.may_import(actor); }});
}

void MoneyDomain::load_demo(DemoRun& demo) {
  int64_t releases = 0;
  int64_t processes = 0;
  int64_t flags = 0;
  int64_t budget_lines = 0;
  struct State {
    const char* code;
    const char* name;
    const char* prefix;
    const char* website;
  };
  int64_t units = 0;
  // Each state's synthetic releases go through a file, as an official's
  // upload would: the same reader, merge and flags.
  for (const State& state : {State{"14", "Jalisco", "ocds-apdemo-jal", "https://www.jalisco.gob.mx"},
                             State{"20", "Oaxaca", "ocds-apdemo-oax", "https://www.oaxaca.gob.mx"}}) {
    if (demo.contracts_per_state <= 0) break;
    auto jurisdiction = jurisdictions_.find(state.code);
    if (!jurisdiction) continue;
    std::string path = (std::filesystem::temp_directory_path() /
                        ("apertura-demo-" + std::string(state.code) + "-" + std::to_string(::getpid()) + ".jsonl"))
                           .string();
    DemoContractsOptions options;
    options.processes = demo.contracts_per_state;
    options.seed = demo.seed + std::stoull(state.code);
    options.ocid_prefix = state.prefix;
    options.state = state.name;
    options.website = state.website;
    // The buying units the contracts and budget lines name are institutions of the state.
    for (const auto& unit : demo_buying_units(options)) {
      units += jurisdictions::add_demo_institution(jurisdictions_, demo.loader, state.code, unit) ? 1 : 0;
    }
    {
      std::ofstream out(path);
      write_demo_releases(out, options);
    }
    ImportOptions import;
    import.jurisdiction_id = jurisdiction->id;
    import.unstated_version = "1.1";  // the demo's releases are OCDS 1.1, written without a package
    import.flags = &red_flags_.settings();
    OcdsImporter importer(database_, demo.loader, import);
    ImportSummary imported = importer.import_file(path, "demo-" + std::string(state.code) + ".jsonl");
    std::filesystem::remove(path);
    // The budget lines once: a second demo run leaves them (and their audit trail) as they are.
    if (budget_.lines(state.code, std::nullopt, "", {1, 0}).take().total == 0) {
      auto lines = budget_.import_csv(demo.loader, state.code, demo_budget_csv(options));
      if (!lines) throw DomainException(lines.error());
      budget_lines += lines->created;
    }
    releases += imported.imported;
    processes += imported.imported > 0 ? imported.processes : 0;
  }
  if (releases > 0) flags = red_flags_.recompute_all(demo.loader).flags;
  demo.report.push_back("contrataciones de demostración: " + std::to_string(releases) + " entregas nuevas, " +
                        std::to_string(processes) + " procesos, " + std::to_string(flags) + " señales de riesgo, " +
                        std::to_string(budget_lines) + " líneas presupuestarias nuevas, " + std::to_string(units) +
                        " unidades compradoras nuevas");
}

}  // namespace apertura::money
