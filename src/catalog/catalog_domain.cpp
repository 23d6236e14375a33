#include "catalog/catalog_domain.h"

#include "catalog/catalog_routes.h"
#include "catalog/demo_datasets.h"

namespace apertura::catalog {

CatalogDomain::CatalogDomain(store::Database& database, store::FileStore& files,
                             jurisdictions::JurisdictionService& jurisdictions, std::string public_url,
                             bool check_links)
    : datasets_(database, files, jurisdictions),
      datastore_(database, files, datasets_),
      public_url_(std::move(public_url)),
      check_links_(check_links),
      link_checks_("checking the catalog's links", std::chrono::hours(1), [this] { datasets_.check_links(200); }) {
  datasets_.set_resource_hooks({[this](const Resource& resource, const std::string& data) {
                                  datastore_.load_added(resource, data);
                                },
                                [](store::Connection& connection, int64_t resource_id) {
                                  DatastoreService::forget(connection, resource_id);
                                }});
}

void CatalogDomain::install(web::Site& site) {
  register_dataset_pages(site.router, datasets_, datastore_, site.pages, public_url_);
  register_datastore_pages(site.router, datasets_, datastore_, site.pages);
  register_dataset_api(site.router, datasets_, public_url_);
  register_ckan_api(site.router, datasets_, datastore_, public_url_);
  register_dcat_routes(site.router, datasets_, public_url_);
  site.token_only_paths.push_back("/api/3/");
  site.token_only_paths.push_back("/api/action/");
  site.pages.navigation().add({"Datos abiertos", "/datos", 25});
  site.permissions.add("catalog", catalog_permissions());
}

void CatalogDomain::load_demo(DemoRun& demo) {
  int created = load_demo_datasets(datasets_, demo.loader);
  demo.report.push_back("conjuntos de datos de demostración: " + std::to_string(created) + " nuevos");
}

}  // namespace apertura::catalog
