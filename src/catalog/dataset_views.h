#pragma once
// Catalog records as pages, API items and downloads show them: labels,
// sizes and dates for people, links, the citation of a dataset.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/dataset.h"
#include "catalog/dataset_service.h"
#include "web/downloads.h"

namespace apertura::catalog {

// "/datos/<slug>".
std::string dataset_path(const Dataset& dataset);
// "/datos/<slug>/recursos/<id>/descarga" for a kept file; the link itself for a link.
std::string resource_download_path(const Dataset& dataset, const Resource& resource);

nlohmann::json publisher_view(const std::optional<Publisher>& publisher);
// A search result: title, link, a short description, formats, publisher, licence, dates.
nlohmann::json dataset_card(const Dataset& dataset, const std::optional<Publisher>& publisher);
nlohmann::json resource_view(const Dataset& dataset, const Resource& resource);
// The API's item: the record with its publisher and links.
nlohmann::json dataset_api_item(const Dataset& dataset, const std::optional<Publisher>& publisher,
                                const std::string& public_url);
// "Secretaría de Finanzas (2026). Compras públicas 2026 (versión 2026.1) [conjunto de datos]. Publicado en
// <url>. Licencia CC BY 4.0."
std::string citation(const Dataset& dataset, const std::optional<Publisher>& publisher, const std::string& url);
// The score and each check, passed or missing, in words.
nlohmann::json quality_view(const DatasetQuality& quality);
// The catalog's search results as a downloadable list.
web::Table datasets_table(const std::vector<Dataset>& datasets, const std::vector<std::optional<Publisher>>& publishers,
                          const std::string& public_url);

}  // namespace apertura::catalog
