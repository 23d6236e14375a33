#pragma once
// The action-plans domain, the heart of the declaration: each
// jurisdiction's Technical Tripartite Secretariat and its sessions, one-year
// plans of five commitments, their milestones, indicators and evidence.
#include "accounts/account_service.h"
#include "jurisdictions/jurisdictions_domain.h"
#include "plans/evidence_service.h"
#include "plans/plan_routes.h"
#include "plans/plan_service.h"
#include "plans/secretariat_service.h"
#include "plans/session_service.h"
#include "store/database.h"
#include "store/file_store.h"
#include "web/domain.h"

namespace apertura::plans {

class PlansDomain : public web::Domain {
 public:
  // `contract_title`: the title of a contracting process published in the
  // portal, for evidence that points at one (the money domain answers).
  PlansDomain(store::Database& database, jurisdictions::JurisdictionsDomain& jurisdictions,
              accounts::AccountService& accounts, store::FileStore& files,
              EvidenceService::ContractLookup contract_title);

  std::string_view name() const override { return "plans"; }
  void install(web::Site& site) override;
  // In Jalisco and Oaxaca, a constituted secretariat and a published plan.
  void load_demo(DemoRun& demo) override;

  PlanService& plans() { return plans_; }
  SecretariatService& secretariats() { return secretariats_; }
  EvidenceService& evidence() { return evidence_; }
  SessionService& sessions() { return sessions_; }

 private:
  jurisdictions::JurisdictionsDomain& jurisdictions_;
  SecretariatService secretariats_;
  PlanService plans_;
  EvidenceService evidence_;
  SessionService sessions_;
};

}  // namespace apertura::plans
