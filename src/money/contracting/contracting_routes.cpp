#include "money/contracting/contracting_routes.h"

#include "money/contracting/contracting_views.h"
#include "money/contracting/process_views.h"
#include "money/ocds/json_access.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::money {

namespace {

using nlohmann::json;
using web::Request;
using web::Response;

json groups_view(const std::vector<AmountGroup>& groups, bool methods) {
  json out = json::array();
  for (const auto& g : groups) {
    out.push_back({{"label", methods ? method_label(g.key) : (g.key.empty() ? "Sin año" : g.key)},
                   {"processes", g.processes},
                   {"amount_text", money_text(g.amount, "")}});
  }
  return out;
}

json counterparts_view(const std::vector<Counterpart>& list) {
  json out = json::array();
  for (const auto& c : list) {
    out.push_back({{"name", c.name}, {"url", "/organizaciones/" + std::to_string(c.id)}, {"processes", c.processes},
                   {"amount_text", money_text(c.amount, "")}, {"since_on", c.since.substr(0, 10)}});
  }
  return out;
}

std::vector<std::string> selected_ocids(ContractingService& service, const Request& request,
                                        const web::PageRequest& page) {
  std::vector<std::string> ocids;
  if (auto ocid = request.query("ocid")) {
    ocids.push_back(*ocid);
    return ocids;
  }
  for (const auto& row : service.find(filter_from(request), {page.per_page, page.offset()}).items) {
    ocids.push_back(row.ocid);
  }
  return ocids;
}


}  // namespace

void register_contracting_routes(web::Router& router, ContractingService& service, const web::Pages& pages,
                                 const ContractingExtensions& extensions) {
  // --- pages ---------------------------------------------------------------
  router.get("/contrataciones", [&service, &pages, &extensions](Request& request) {
    ProcessFilter filter = filter_from(request);
    auto page = web::PageRequest::from(request, 25);
    auto result = service.find(filter, {page.per_page, page.offset()});
    json rows = json::array();
    for (const auto& row : result.items) rows.push_back(process_view(row));
    json data = {{"title", "Contrataciones públicas"},
                 {"processes", rows},
                 {"has_results", !rows.empty()},
                 {"total", result.total},
                 {"total_is_lower_bound", result.total_is_lower_bound},
                 {"q", filter.text},
                 {"from", filter.date_from},
                 {"to", filter.date_to},
                 {"min", request.query("min").value_or("")},
                 {"max", request.query("max").value_or("")},
                 {"buyer", request.query("buyer").value_or("")},
                 {"supplier", request.query("supplier").value_or("")},
                 {"method_" + (filter.method.empty() ? std::string("all") : filter.method), true},
                 {"sort_" + filter.sort, true},
                 {"pagination", web::pagination_view(request, page, result.total)},
                 {"csv_url", "/contrataciones.csv" + request.query_suffix()},
                 {"json_url", "/contrataciones.json" + request.query_suffix()},
                 {"ocds_url", "/api/v1/ocds/records" + request.query_suffix()}};
    if (auto license = service.shared_license()) {
      data["license"] = web::license_json(*license);
    } else {
      data["licenses_differ"] = true;
    }
    for (const auto& extend : extensions.processes_page) extend(request, data);
    return pages.render(request, "money/processes", data);
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/contrataciones." + format, [&service, format](Request& request) {
      auto result = service.find(filter_from(request), {web::kMaxDownloadRows, 0});
      std::vector<License> licenses = service.licenses(result.items);
      return web::download(process_table(result.items, licenses), "contrataciones", format, License::shared(licenses));
    });
  }

  router.get("/contrataciones/{ocid}", [&service, &pages, &extensions](Request& request) {
    auto detail = service.process(request.param("ocid")).take();
    json data = process_page_data(detail);
    data["ocid_path"] = web::url_encode(detail.row.ocid);
    for (const auto& extend : extensions.process_page) extend(request, detail.row.ocid, data);
    return pages.render(request, "money/process", data);
  });

  router.get("/organizaciones/{id}", [&service, &pages, &extensions](Request& request) {
    int64_t id = web::id_param(request, "id", "la organización");
    auto detail = service.organization(id).take();
    json data = {{"title", detail.organization.name},
                 {"organization", {{"name", detail.organization.name}, {"identifier", detail.organization.identifier}}},
                 {"spend_by_year", groups_view(detail.spend_by_year, false)},
                 {"methods", groups_view(detail.methods, true)},
                 {"top_suppliers", counterparts_view(detail.top_suppliers)},
                 {"income_by_year", groups_view(detail.income_by_year, false)},
                 {"buyers", counterparts_view(detail.buyers)},
                 {"is_buyer", !detail.spend_by_year.empty()},
                 {"is_supplier", !detail.income_by_year.empty()},
                 {"buyer_processes_url", "/contrataciones?buyer=" + std::to_string(id)},
                 {"supplier_processes_url", "/contrataciones?supplier=" + std::to_string(id)},
                 {"json_url", "/api/v1/organizations/" + std::to_string(id)},
                 {"breadcrumbs", json::array({{{"label", "Contrataciones"}, {"url", "/contrataciones"}}})}};
    for (const auto& extend : extensions.organization_page) extend(request, id, data);
    return pages.render(request, "money/organization", data);
  });

  // --- API -------------------------------------------------------------------
  router.get("/api/v1/processes", [&service](Request& request) {
    auto page = web::PageRequest::from(request);
    auto result = service.find(filter_from(request), {page.per_page, page.offset()});
    json items = json::array();
    for (const auto& row : result.items) items.push_back(process_json(row));
    return web::api_list(request, items, page, result.total, result.total_is_lower_bound);
  });
  router.get("/api/v1/processes/{ocid}", [&service](Request& request) {
    auto detail = service.process(request.param("ocid"), ContractingService::History::without).take();
    json item = process_json(detail.row);
    item["license"] = web::license_json(detail.license);
    item["compiled_release"] = detail.compiled;
    item["compiled_by"] = detail.compiled_by_publisher ? "publisher" : "apertura";
    return web::api_item(item);
  });
  router.get("/api/v1/processes/{ocid}/versioned", [&service](Request& request) {
    auto detail = service.process(request.param("ocid")).take();
    return web::api_item(detail.versioned);
  });
  router.get("/api/v1/processes/{ocid}/changes", [&service](Request& request) {
    auto detail = service.process(request.param("ocid")).take();
    json items = json::array();
    for (const auto& c : detail.changes) {
      items.push_back({{"date", c.date}, {"release_id", c.release_id}, {"path", c.path}, {"before", c.before},
                       {"after", c.after}});
    }
    return web::api_all(request, items);
  });
  router.get("/api/v1/organizations/{id}", [&service, &extensions](Request& request) {
    int64_t id = web::id_param(request, "id", "la organización");
    json item = organization_json(service.organization(id).take());
    for (const auto& extend : extensions.organization_api) extend(request, id, item);
    return web::api_item(item);
  });
  router.get("/api/v1/ocds/records", [&service](Request& request) {
    auto page = web::PageRequest::from(request);
    return Response::json(
        service.record_package(selected_ocids(service, request, page), "/api/v1/ocds/records" + request.query_suffix()));
  });
  router.get("/api/v1/ocds/releases", [&service](Request& request) {
    auto page = web::PageRequest::from(request);
    return Response::json(service.release_package(selected_ocids(service, request, page),
                                                  "/api/v1/ocds/releases" + request.query_suffix()));
  });
}

}  // namespace apertura::money
