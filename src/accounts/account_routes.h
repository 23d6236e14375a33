#pragma once
// Pages and API endpoints for accounts: sign up, sign in, sign out, password
// reset, "my account", and the admins' user list with role changes.
#include "accounts/account_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::accounts {

struct AccountRoutesOptions {
  bool secure_cookies = false;
  std::string public_url = "http://localhost:8080";  // for links in messages
  bool mail_delivered = false;  // SMTP is configured: messages leave by e-mail
};

void register_account_routes(web::Router& router, AccountService& service, const web::Pages& pages,
                             AccountRoutesOptions options);

}  // namespace apertura::accounts
