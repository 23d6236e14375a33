#pragma once
// The open-data catalog domain: datasets and their resources by version,
// topic groups and tags, searched with facets, and read by CKAN clients
// through CKAN's Action API.
#include <string>

#include "catalog/dataset_service.h"
#include "catalog/datastore/datastore_service.h"
#include "core/periodic_task.h"
#include "jurisdictions/jurisdiction_service.h"
#include "store/database.h"
#include "store/file_store.h"
#include "web/domain.h"

namespace apertura::catalog {

class CatalogDomain : public web::Domain {
 public:
  // `public_url` starts the absolute links the APIs and downloads carry;
  // `check_links` runs the hourly check of the resources' links.
  CatalogDomain(store::Database& database, store::FileStore& files, jurisdictions::JurisdictionService& jurisdictions,
                std::string public_url, bool check_links = true);

  std::string_view name() const override { return "catalog"; }
  void install(web::Site& site) override;
  // A few datasets of the demo states' institutions, published, one with two versions.
  void load_demo(DemoRun& demo) override;

  DatasetService& datasets() { return datasets_; }
  DatastoreService& datastore() { return datastore_; }
  // The hourly check of the resources' links.
  void start() override {
    if (check_links_) link_checks_.start();
  }
  void stop() override { link_checks_.stop(); }

 private:
  DatasetService datasets_;
  DatastoreService datastore_;
  std::string public_url_;
  bool check_links_;
  PeriodicTask link_checks_;
};

}  // namespace apertura::catalog
