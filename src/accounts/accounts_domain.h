#pragma once
// The accounts domain: sign-up, sign-in, sessions, roles and the admins'
// list of accounts. Accounts belong to institutions and jurisdictions, which
// the jurisdictions domain keeps.
#include "accounts/account_routes.h"
#include "accounts/account_service.h"
#include "accounts/api_token_service.h"
#include "accounts/inbox_service.h"
#include "jurisdictions/jurisdictions_domain.h"
#include "store/database.h"
#include "web/domain.h"

namespace apertura::accounts {

class AccountsDomain : public web::Domain {
 public:
  AccountsDomain(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                 AccountSettings settings, AccountRoutesOptions options);

  std::string_view name() const override { return "accounts"; }
  void install(web::Site& site) override;
  // One account per role (demo_accounts); the official works at Jalisco's
  // Secretaría de Finanzas.
  void load_demo(DemoRun& demo) override;

  AccountService& service() { return service_; }
  ApiTokenService& tokens() { return tokens_; }

 private:
  jurisdictions::JurisdictionService& jurisdictions_;
  AccountService service_;
  InboxService inbox_;
  ApiTokenService tokens_;
  AccountRoutesOptions options_;
};

}  // namespace apertura::accounts
