#pragma once
// Wires the domains together: one database, the assets and templates, every
// service and its routes, and the middleware. `serve` runs it behind the HTTP
// server; the integration tests call the same handler in-process.
#include <memory>

#include "accounts/account_service.h"
#include "app/config.h"
#include "audit/audit_service.h"
#include "jurisdictions/jurisdiction_service.h"
#include "money/budget/budget_service.h"
#include "money/contracting/contracting_routes.h"
#include "money/contracting/contracting_service.h"
#include "money/import/import_job_service.h"
#include "money/flags/red_flag_service.h"
#include "plans/evidence_service.h"
#include "plans/plan_service.h"
#include "participation/proposal_service.h"
#include "plans/session_service.h"
#include "plans/secretariat_service.h"
#include "store/database.h"
#include "store/file_store.h"
#include "web/assets.h"
#include "web/middleware.h"
#include "web/pages.h"
#include "web/router.h"
#include "web/server.h"
#include "web/templates.h"

namespace apertura::app {

class Application {
 public:
  // Opens the database and applies pending migrations.
  Application(const Config& config, accounts::AccountSettings account_settings = {});

  web::Handler handler();
  // Starts what runs beside the requests (the queue of OCDS imports); the
  // server calls it, commands that only migrate or read do not.
  void start_background_work();
  // The server options this application needs beyond address and port
  // (which request bodies go to a file, and where).
  void configure(web::ServerOptions& options);
  const web::Router& router() const { return router_; }
  store::Database& database() { return *database_; }
  accounts::AccountService& accounts() { return accounts_; }
  jurisdictions::JurisdictionService& jurisdictions() { return jurisdictions_; }
  audit::AuditService& audit() { return audit_; }
  plans::PlanService& plans() { return plans_; }
  participation::ProposalService& proposals() { return proposals_; }
  plans::EvidenceService& evidence() { return evidence_; }
  plans::SessionService& sessions() { return sessions_; }
  plans::SecretariatService& secretariats() { return secretariats_; }
  money::ContractingService& contracting() { return contracting_; }
  money::BudgetService& budget() { return budget_; }
  money::RedFlagService& red_flags() { return red_flags_; }
  money::ImportJobService& import_jobs() { return import_jobs_; }
  const web::Assets& assets() const { return assets_; }

 private:
  web::MiddlewareOptions middleware_options();
  void register_system_routes();

  Config config_;
  std::unique_ptr<store::Database> database_;
  web::Assets assets_;
  web::Templates templates_;
  web::Pages pages_;
  jurisdictions::JurisdictionService jurisdictions_;
  accounts::AccountService accounts_;
  audit::AuditService audit_;
  plans::SecretariatService secretariats_;
  plans::PlanService plans_;
  participation::ProposalService proposals_;
  std::unique_ptr<store::FileStore> files_;
  plans::EvidenceService evidence_;
  plans::SessionService sessions_;
  money::RedFlagService red_flags_;
  money::ContractingService contracting_;
  money::BudgetService budget_;
  money::ContractingExtensions contracting_extensions_;
  // Last, so that its worker stops before the services it uses go.
  money::ImportJobService import_jobs_;
  web::Router router_;
};

}  // namespace apertura::app
