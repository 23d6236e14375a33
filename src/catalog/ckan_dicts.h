#pragma once
// Catalog records as CKAN's Action API (version 3) names them, so that CKAN
// clients and harvesters read Apertura as they read CKAN: a dataset is a
// "package", an institution an "organization", a topic group a "group".
// Field names and JSON types follow CKAN 2.9–2.11's default schema.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog/dataset.h"
#include "catalog/dataset_service.h"
#include "core/license.h"

namespace apertura::catalog {

// "2026-12-07T19:00:00Z" -> "2026-12-07T19:00:00" (CKAN writes UTC without a zone).
std::string ckan_time(const std::string& timestamp);

nlohmann::json ckan_package(const Dataset& dataset, const std::optional<Publisher>& publisher,
                            const std::string& public_url);
nlohmann::json ckan_resource(const Dataset& dataset, const Resource& resource, const std::string& public_url);
nlohmann::json ckan_organization(const Publisher& publisher);
nlohmann::json ckan_group(const DatasetGroup& group);
nlohmann::json ckan_tag(const std::string& tag);
nlohmann::json ckan_license(const License& license);

}  // namespace apertura::catalog
