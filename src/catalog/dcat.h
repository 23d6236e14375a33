#pragma once
// The catalog for harvesters of other portals: DCAT 2 (as DCAT-AP and
// ckanext-dcat use it) in Turtle and JSON-LD, and Project Open Data's
// data.json (DCAT-US 1.1), which national portals harvest.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/dataset.h"
#include "catalog/dataset_service.h"
#include "core/rdf.h"

namespace apertura::catalog {

// A dataset with its publisher, as the catalog documents list them.
struct Published {
  Dataset dataset;
  std::optional<Publisher> publisher;
};

// One page of the catalog: which page, of how many datasets, at what size.
struct CatalogPage {
  int64_t page = 1;
  int64_t per_page = 100;
  int64_t total = 0;
  std::string address;  // the document's own address without ?page=, for hydra's links
};

RdfGraph dcat_catalog(const std::vector<Published>& datasets, const CatalogPage& page, const std::string& public_url);
RdfGraph dcat_dataset(const Published& dataset, const std::string& public_url);
nlohmann::json project_open_data(const std::vector<Published>& datasets, const std::string& public_url);

}  // namespace apertura::catalog
