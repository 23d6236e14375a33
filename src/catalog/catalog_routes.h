#pragma once
// The open-data catalog's pages (/datos), its JSON API (/api/v1/datasets),
// its CKAN-compatible Action API (/api/3/action/...) and its DCAT documents.
#include <string>

#include "catalog/dataset_service.h"
#include "catalog/datastore/datastore_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::catalog {

// `public_url` starts the absolute links that downloads and APIs carry.
void register_dataset_pages(web::Router& router, DatasetService& datasets, DatastoreService& datastore,
                            const web::Pages& pages, const std::string& public_url);
// A resource's table: to page, sort and search, to download, and its column types to correct.
void register_datastore_pages(web::Router& router, DatasetService& datasets, DatastoreService& datastore,
                              const web::Pages& pages);
void register_dataset_api(web::Router& router, DatasetService& datasets, const std::string& public_url);
// DCAT (Turtle, JSON-LD) and Project Open Data's data.json, for harvesters.
void register_dcat_routes(web::Router& router, DatasetService& datasets, const std::string& public_url);
void register_ckan_api(web::Router& router, DatasetService& datasets, DatastoreService& datastore,
                       const std::string& public_url);

}  // namespace apertura::catalog
