#pragma once
// The money domain: following public money from the budget to the contract.
// Its parts, each in its folder and each built only on those before it:
// ocds/ (the OCDS engine), contracting/ (browsing processes, buyers and
// suppliers), flags/ (red flags), import/ (the import pipeline and its jobs)
// and budget/ (budget lines and the money trail).
#include <string>

#include "jurisdictions/jurisdictions_domain.h"
#include "money/budget/budget_service.h"
#include "money/contracting/contracting_routes.h"
#include "money/contracting/contracting_service.h"
#include "money/flags/red_flag_service.h"
#include "money/import/import_job_service.h"
#include "store/database.h"
#include "web/domain.h"

namespace apertura::money {

class MoneyDomain : public web::Domain {
 public:
  // `upload_dir`: where uploaded OCDS files wait for their import.
  // It adds its red flags to each state's card on the home page of `jurisdictions`.
  MoneyDomain(store::Database& database, jurisdictions::JurisdictionsDomain& jurisdictions, FlagSettings flags,
              std::string upload_dir);

  std::string_view name() const override { return "money"; }
  void install(web::Site& site) override;
  // Synthetic contracting processes for Jalisco and Oaxaca, imported as an
  // official's upload would be, their budget lines, and the red flags.
  void load_demo(DemoRun& demo) override;
  // The queue of OCDS imports.
  void start() override { import_jobs_.start(); }
  void stop() override { import_jobs_.stop(); }

  ContractingService& contracting() { return contracting_; }
  RedFlagService& red_flags() { return red_flags_; }
  BudgetService& budget() { return budget_; }
  ImportJobService& import_jobs() { return import_jobs_; }

 private:
  store::Database& database_;
  jurisdictions::JurisdictionsDomain& jurisdictions_domain_;
  jurisdictions::JurisdictionService& jurisdictions_;
  RedFlagService red_flags_;
  ContractingService contracting_;
  BudgetService budget_;
  ContractingExtensions contracting_extensions_;
  // Last, so that its worker stops before the services it uses go.
  ImportJobService import_jobs_;
};

}  // namespace apertura::money
