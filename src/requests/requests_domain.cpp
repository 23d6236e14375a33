#include "requests/requests_domain.h"

#include "requests/demo_requests.h"
#include "requests/permissions.h"
#include "requests/request_routes.h"

namespace apertura::requests {

RequestsDomain::RequestsDomain(store::Database& database, jurisdictions::JurisdictionService& jurisdictions)
    : database_(database), jurisdictions_(jurisdictions), requests_(database, jurisdictions) {}

void RequestsDomain::install(web::Site& site) {
  register_request_routes(site.router, requests_, jurisdictions_, site.pages);
  site.pages.navigation().add({"Solicitudes", "/solicitudes", 20});
  site.pages.navigation().add({"Solicitudes por atender", "/solicitudes/unidad", 12, web::Menu::account,
                               {Role::official, Role::admin}});
  site.permissions.add("requests", request_permissions());
}

void RequestsDomain::load_demo(DemoRun& demo) {
  int64_t filed = load_demo_requests(database_, jurisdictions_, demo);
  demo.report.push_back("solicitudes de información de demostración: " + std::to_string(filed) + " nuevas");
}

}  // namespace apertura::requests
