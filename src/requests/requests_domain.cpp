#include "requests/requests_domain.h"

#include <spdlog/spdlog.h>

#include "requests/demo_requests.h"
#include "requests/permissions.h"
#include "requests/request_measures.h"
#include "requests/request_routes.h"

namespace apertura::requests {

RequestsDomain::RequestsDomain(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                               accounts::AccountService& accounts, store::FileStore& files, std::string public_url,
                               plans::MeasureCatalog& measures)
    : database_(database),
      jurisdictions_(jurisdictions),
      correspondents_{[&accounts](int64_t user_id) -> std::optional<std::string> {
                        auto user = accounts.find(user_id);
                        return user ? std::optional<std::string>(user->email) : std::nullopt;
                      },
                      [&accounts](int64_t institution_id) { return accounts.official_emails(institution_id); },
                      std::move(public_url)},
      requests_(database, jurisdictions, {}, correspondents_, {}, &files),
      reminders_("warning units of requests about to fall due", std::chrono::hours(1), [this] {
        if (int64_t closed = requests_.close_unclarified()) spdlog::info("{} requests not clarified in time closed", closed);
        if (int64_t closed = requests_.close_unpaid()) spdlog::info("{} deliveries not paid in time closed", closed);
        if (int64_t queued = requests_.remind_due_soon()) spdlog::info("{} warnings of requests due soon queued", queued);
      }) {
  add_request_measures(measures, requests_, jurisdictions);
}

void RequestsDomain::start() { reminders_.start(); }

void RequestsDomain::stop() { reminders_.stop(); }

void RequestsDomain::install(web::Site& site) {
  register_request_routes(site.router, requests_, jurisdictions_, site.pages, correspondents_.public_url);
  site.pages.navigation().add({"Solicitudes", "/solicitudes", 20});
  site.pages.navigation().add({"Solicitudes por atender", "/solicitudes/unidad", 12, web::Menu::account,
                               {Role::official, Role::admin}});
  site.pages.navigation().add({"Recursos por resolver", "/solicitudes/recursos?status=open", 13, web::Menu::account,
                               {Role::official, Role::admin}});
  site.permissions.add("requests", request_permissions());
}

void RequestsDomain::load_demo(DemoRun& demo) {
  int64_t filed = load_demo_requests(database_, jurisdictions_, demo, correspondents_);
  demo.report.push_back("solicitudes de información de demostración: " + std::to_string(filed) + " nuevas");
}

}  // namespace apertura::requests
