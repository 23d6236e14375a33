#pragma once
// The participation domain: problems and proposals for a jurisdiction's
// plan, with supports, comments and the secretariat's answers.
#include <string>

#include "accounts/account_service.h"
#include "jurisdictions/jurisdiction_service.h"
#include "participation/proposal_service.h"
#include "plans/plans_domain.h"
#include "store/database.h"
#include "web/domain.h"

namespace apertura::participation {

class ParticipationDomain : public web::Domain {
 public:
  // `public_url` starts the links in the messages to proposers.
  ParticipationDomain(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                      plans::PlansDomain& plans, accounts::AccountService& accounts, std::string public_url);

  std::string_view name() const override { return "participation"; }
  void install(web::Site& site) override;
  // Proposals for Jalisco: one adopted into its plan, one not, one open.
  void load_demo(DemoRun& demo) override;

  ProposalService& proposals() { return proposals_; }

 private:
  plans::PlansDomain& plans_;
  ProposalService proposals_;
};

}  // namespace apertura::participation
