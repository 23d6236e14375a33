#pragma once
// Pages, downloads and API of contracting processes (follow the money).
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "money/contracting/contracting_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::money {

// What the parts of the money domain built on contracting (red flags, the
// budget, imports) add to its pages and API, so that contracting knows none
// of them. Each adds its own fields to the data the page or item is made of.
struct ContractingExtensions {
  std::vector<std::function<void(const web::Request&, nlohmann::json& data)>> processes_page;
  std::vector<std::function<void(const web::Request&, const std::string& ocid, nlohmann::json& data)>> process_page;
  std::vector<std::function<void(const web::Request&, int64_t organization_id, nlohmann::json& data)>>
      organization_page;
  std::vector<std::function<void(const web::Request&, int64_t organization_id, nlohmann::json& item)>>
      organization_api;
};

// `extensions` must outlive the router.
void register_contracting_routes(web::Router& router, ContractingService& service, const web::Pages& pages,
                                 const ContractingExtensions& extensions);

}  // namespace apertura::money
