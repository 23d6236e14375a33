#include "accounts/accounts_domain.h"

#include <map>

#include "accounts/api_token_routes.h"
#include "accounts/demo_accounts.h"
#include "accounts/inbox_routes.h"
#include "accounts/permissions.h"

namespace apertura::accounts {

AccountsDomain::AccountsDomain(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                               AccountSettings settings, AccountRoutesOptions options)
    : jurisdictions_(jurisdictions),
      service_(
          database, settings, [this](int64_t id) { return jurisdictions_.institution_exists(id); },
          [this](const std::string& code) -> std::optional<int64_t> {
            auto found = jurisdictions_.find(code);
            return found ? std::optional<int64_t>(found->id) : std::nullopt;
          }),
      inbox_(database, service_),
      tokens_(database),
      options_(std::move(options)) {}

void AccountsDomain::install(web::Site& site) {
  register_account_routes(site.router, service_, site.pages, options_);
  register_inbox_routes(site.router, inbox_, site.pages);
  register_api_token_routes(site.router, tokens_, site.pages);
  web::NavigationEntry inbox{"Mis avisos", "/avisos", 5, web::Menu::account};
  inbox.count = [this](const Actor& actor) {
    auto unread = inbox_.unread(actor);
    return unread.ok() ? *unread : int64_t{0};
  };
  site.pages.navigation().add(std::move(inbox));
  site.pages.navigation().add({"Cuentas", "/admin/usuarios", 90, web::Menu::account, {Role::admin}});
  site.permissions.add("accounts", account_permissions());
}

void AccountsDomain::load_demo(DemoRun& demo) {
  std::map<std::string, int64_t> jalisco;  // institutions by acronym
  if (auto place = jurisdictions_.find("14")) {
    for (const auto& institution : jurisdictions_.institutions(place->id, {100, 0}).items) {
      if (!institution.acronym.empty()) jalisco[institution.acronym] = institution.id;
    }
  }
  int created = 0;
  for (const auto& account : demo_accounts()) {
    auto found = jalisco.find(account.institution_acronym);
    std::optional<int64_t> institution =
        account.role == Role::official && found != jalisco.end() ? std::optional<int64_t>(found->second) : std::nullopt;
    auto user = service_.create_user(
        demo.loader, {account.email, account.display_name, account.password, account.role, institution, ""});
    if (user) ++created;
    else if (user.error().kind != ErrorKind::conflict) throw DomainException(user.error());
  }
  auto users = service_.list_users(demo.loader, {1000, 0}).take();
  // The first account of each role stands for it (the finance official, not the guarantor's).
  for (const auto& account : demo_accounts()) {
    for (const auto& user : users.items) {
      if (account.email != user.email || demo.accounts.count(account.role)) continue;
      demo.accounts[account.role] = user.as_actor();
      demo.emails[account.role] = account.email;
    }
  }
  demo.report.push_back("cuentas de demostración: " + std::to_string(created) + " nuevas");
}

}  // namespace apertura::accounts
