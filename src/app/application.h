#pragma once
// The portal: one database, the assets and templates, and the list of
// domains, each installed in order (docs/adding-a-domain.md). `serve` runs
// it behind the HTTP server; the integration tests call the same handler
// in-process.
#include <memory>
#include <vector>

#include "accounts/accounts_domain.h"
#include "app/config.h"
#include "audit/audit_domain.h"
#include "core/permissions.h"
#include "jurisdictions/jurisdictions_domain.h"
#include "money/money_domain.h"
#include "notifications/notifications_domain.h"
#include "catalog/catalog_domain.h"
#include "participation/participation_domain.h"
#include "plans/plans_domain.h"
#include "requests/requests_domain.h"
#include "store/database.h"
#include "store/file_store.h"
#include "web/assets.h"
#include "web/domain.h"
#include "web/middleware.h"
#include "web/pages.h"
#include "web/router.h"
#include "web/server.h"
#include "web/templates.h"

namespace apertura::app {

class Application {
 public:
  // Opens the database, applies pending migrations, builds and installs the domains.
  Application(const Config& config, accounts::AccountSettings account_settings = {});
  // Stops the domains' background work, then lets them go, last first.
  ~Application();
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  web::Handler handler();
  // Starts what runs beside the requests (the queue of OCDS imports); the
  // server calls it, commands that only migrate or read do not.
  void start_background_work();
  // The server options this application needs beyond address and port
  // (which request bodies go to a file, and where).
  void configure(web::ServerOptions& options);
  const web::Router& router() const { return router_; }
  store::Database& database() { return *database_; }
  // Every installed domain, in the order they were installed.
  const std::vector<std::unique_ptr<web::Domain>>& domains() const { return domains_; }
  // The permission tables of every installed domain.
  const PermissionCatalog& permissions() const { return permissions_; }

  accounts::AccountService& accounts() { return accounts_->service(); }
  jurisdictions::JurisdictionService& jurisdictions() { return jurisdictions_->service(); }
  audit::AuditService& audit() { return audit_->service(); }
  plans::PlanService& plans() { return plans_->plans(); }
  participation::ProposalService& proposals() { return participation_->proposals(); }
  requests::RequestService& requests() { return requests_->requests(); }
  catalog::DatasetService& datasets() { return catalog_->datasets(); }
  catalog::DatastoreService& datastore() { return catalog_->datastore(); }
  plans::EvidenceService& evidence() { return plans_->evidence(); }
  plans::SessionService& sessions() { return plans_->sessions(); }
  plans::SecretariatService& secretariats() { return plans_->secretariats(); }
  money::ContractingService& contracting() { return money_->contracting(); }
  money::BudgetService& budget() { return money_->budget(); }
  money::RedFlagService& red_flags() { return money_->red_flags(); }
  money::ImportJobService& import_jobs() { return money_->import_jobs(); }
  notifications::NotificationsDomain& notifications() { return *notifications_; }
  const web::Assets& assets() const { return assets_; }
  // The cache of anonymous answers, or null when it is off.
  web::PageCache* page_cache() { return page_cache_.get(); }

 private:
  template <typename DomainType, typename... Args>
  DomainType* add(Args&&... args) {
    auto domain = std::make_unique<DomainType>(std::forward<Args>(args)...);
    DomainType* added = domain.get();
    domains_.push_back(std::move(domain));
    return added;
  }
  web::MiddlewareOptions middleware_options();
  void register_system_routes();
  // The domains' work beside the requests, last domain first.
  void stop_background_work();

  Config config_;
  std::unique_ptr<store::Database> database_;
  web::Assets assets_;
  web::Templates templates_;
  web::Pages pages_;
  std::unique_ptr<store::FileStore> files_;
  web::Router router_;
  PermissionCatalog permissions_;
  std::vector<web::FileUpload> file_uploads_;
  std::vector<std::string> token_only_paths_;
  std::vector<std::unique_ptr<web::Domain>> domains_;
  std::unique_ptr<web::PageCache> page_cache_;  // null when page_cache_mb is 0
  notifications::NotificationsDomain* notifications_ = nullptr;
  jurisdictions::JurisdictionsDomain* jurisdictions_ = nullptr;
  accounts::AccountsDomain* accounts_ = nullptr;
  audit::AuditDomain* audit_ = nullptr;
  money::MoneyDomain* money_ = nullptr;
  plans::PlansDomain* plans_ = nullptr;
  participation::ParticipationDomain* participation_ = nullptr;
  requests::RequestsDomain* requests_ = nullptr;
  catalog::CatalogDomain* catalog_ = nullptr;
};

}  // namespace apertura::app
