#include "money/contracting_routes.h"

#include <sstream>

#include "money/budget_routes.h"
#include "money/contracting_views.h"
#include "money/json_access.h"
#include "money/permissions.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::money {

namespace {

using nlohmann::json;
using web::Request;
using web::Response;

constexpr int64_t kChangesShown = 200;

std::string query_suffix(const Request& request) {
  return request.query_string.empty() ? "" : "?" + request.query_string;
}

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
                   {"amount_text", money_text(c.amount, "")}, {"since", c.since.substr(0, 10)}});
  }
  return out;
}

std::string short_value(const json& value) {
  if (value.is_null()) return "—";
  if (value.is_string()) return value.get<std::string>();
  std::string text = value.dump();
  return text.size() > 160 ? text.substr(0, 157) + "..." : text;
}

json process_page_data(const ProcessDetail& detail) {
  const json& compiled = detail.compiled;
  json view = process_view(detail.row);
  json releases = json::array();
  for (const auto& r : detail.releases) {
    json tags = json::parse(r.tags, nullptr, false);
    std::string tag_text;
    if (tags.is_array()) {
      for (const auto& t : tags) tag_text += (tag_text.empty() ? "" : ", ") + (t.is_string() ? t.get<std::string>() : t.dump());
    }
    releases.push_back({{"id", r.release_id}, {"date", r.date}, {"tags", tag_text}, {"publisher", r.publisher_name}});
  }
  json changes = json::array();
  for (const auto& c : detail.changes) {
    if (static_cast<int64_t>(changes.size()) >= kChangesShown) break;
    changes.push_back({{"date", c.date.substr(0, 10)}, {"release_id", c.release_id}, {"path", c.path},
                       {"before", short_value(c.before)}, {"after", short_value(c.after)}});
  }
  json awards = json::array();
  for (const auto& award : array_field(compiled, "awards")) {
    if (!award.is_object()) continue;
    std::string names;
    for (const auto& supplier : array_field(award, "suppliers")) {
      if (const std::string* name = string_field(supplier, "name")) names += (names.empty() ? "" : "; ") + *name;
    }
    const json& value = field(award, "value");
    const std::string* currency = string_field(value, "currency");
    const std::string* status = string_field(award, "status");
    awards.push_back({{"id", text_of(field(award, "id"))},
                      {"suppliers", names},
                      {"status", status ? *status : ""},
                      {"amount_text", money_text(amount_of(field(value, "amount")), currency ? *currency : "")}});
  }
  const std::string* description = string_field(field(compiled, "tender"), "description");
  return {{"title", detail.row.title.empty() ? detail.row.ocid : detail.row.title},
          {"process", view},
          {"description", description ? *description : ""},
          {"awards", awards},
          {"has_awards", !awards.empty()},
          {"releases", releases},
          {"changes", changes},
          {"has_changes", !changes.empty()},
          {"changes_total", detail.changes.size()},
          {"compiled_url", "/api/v1/processes/" + detail.row.ocid},
          {"record_url", "/api/v1/ocds/records?ocid=" + detail.row.ocid}};
}

json flag_json(const RedFlag& flag, const RedFlagService& flags) {
  const RedFlagInfo& info = flags.info(flag.code);
  json j = {{"code", flag.code},   {"title", info.title.empty() ? flag.code : info.title}, {"scope", flag.scope},
            {"subject", flag.subject}, {"value", flag.value}, {"detail", flag.detail},
            {"why", info.why},     {"how", info.how},     {"value_means", info.value_means},
            {"computed_at", flag.computed_at}};
  if (!flag.label.empty()) j["label"] = flag.label;
  if (!flag.url.empty()) j["url"] = flag.url;
  return j;
}

json flags_view(const std::vector<RedFlag>& list, const RedFlagService& flags) {
  json out = json::array();
  for (const auto& flag : list) {
    json view = flag_json(flag, flags);
    std::ostringstream value;
    value.precision(4);
    value << flag.value;
    view["value_text"] = value.str();
    view["scope_label"] = flag.scope == "process"            ? "Proceso"
                          : flag.scope == "buyer"            ? "Comprador"
                          : flag.scope == "procuring_entity" ? "Unidad compradora"
                                                             : "Licitante o proveedor";
    out.push_back(view);
  }
  return out;
}

web::Table flag_table(const std::vector<RedFlag>& list, const RedFlagService& flags) {
  web::Table table{{{"code", "Código"},
                    {"title", "Señal"},
                    {"scope", "Ámbito"},
                    {"subject", "Sujeto"},
                    {"label", "Nombre"},
                    {"value", "Valor"},
                    {"detail", "Detalle"},
                    {"why", "Por qué es un riesgo"},
                    {"how", "Cómo se calcula"},
                    {"computed_at", "Calculada"}},
                   {}};
  for (const auto& flag : list) table.rows.push_back(flag_json(flag, flags));
  return table;
}

FlagFilter flag_filter_from(const Request& request) {
  FlagFilter filter{request.query("code").value_or(""), request.query("scope").value_or("")};
  if (!filter.code.empty() && !FlagSettings::all_codes().count(filter.code)) {
    throw DomainException(Error{ErrorKind::bad_request, "No existe esa señal de riesgo.",
                                {{"code", "código desconocido: " + filter.code}}});
  }
  if (!filter.scope.empty() && filter.scope != "process" && filter.scope != "buyer" &&
      filter.scope != "procuring_entity" && filter.scope != "tenderer") {
    throw DomainException(Error{ErrorKind::bad_request, "El ámbito es process, buyer, procuring_entity o tenderer.",
                                {{"scope", "valor desconocido: " + filter.scope}}});
  }
  return filter;
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

void register_contracting_routes(web::Router& router, ContractingService& service, RedFlagService& flags,
                                 BudgetService& budget, const web::Pages& pages) {
  // --- pages ---------------------------------------------------------------
  router.get("/contrataciones", [&service, &pages](Request& request) {
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
                 {"csv_url", "/contrataciones.csv" + query_suffix(request)},
                 {"json_url", "/contrataciones.json" + query_suffix(request)},
                 {"ocds_url", "/api/v1/ocds/records" + query_suffix(request)},
                 {"can_import", contracting_permissions().allows(request.actor.role,
                                                                 ContractingAction::import_releases)}};
    return pages.render(request, "money/processes", data);
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/contrataciones." + format, [&service, format](Request& request) {
      auto result = service.find(filter_from(request), {web::kMaxDownloadRows, 0});
      return web::download(process_table(result.items), "contrataciones", format);
    });
  }

  router.get("/contrataciones/{ocid}", [&service, &flags, &budget, &pages](Request& request) {
    auto detail = service.process(request.param("ocid")).take();
    json data = process_page_data(detail);
    data.update(process_budget_view(budget, request, detail.row.ocid));
    data["ocid_path"] = web::url_encode(detail.row.ocid);
    data["flags"] = flags_view(flags.of_process(detail.row.ocid), flags);
    data["has_flags"] = !data["flags"].empty();
    return pages.render(request, "money/process", data);
  });

  router.get("/senales", [&flags, &pages](Request& request) {
    FlagFilter filter = flag_filter_from(request);
    auto page = web::PageRequest::from(request, 50);
    auto result = flags.list(filter, {page.per_page, page.offset()});
    json catalog = json::array();
    for (const auto& info : flags.catalog()) {
      catalog.push_back({{"code", info.code}, {"title", info.title}, {"why", info.why}, {"how", info.how},
                         {"selected", info.code == filter.code}});
    }
    return pages.render(request, "money/flags",
                        {{"title", "Señales de riesgo en las contrataciones"},
                         {"flags", flags_view(result.items, flags)},
                         {"has_results", !result.items.empty()},
                         {"total", result.total},
                         {"catalog", catalog},
                         {"scope_" + (filter.scope.empty() ? std::string("all") : filter.scope), true},
                         {"pagination", web::pagination_view(request, page, result.total)},
                         {"csv_url", "/senales.csv" + query_suffix(request)},
                         {"json_url", "/senales.json" + query_suffix(request)}});
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/senales." + format, [&flags, format](Request& request) {
      auto result = flags.list(flag_filter_from(request), {web::kMaxDownloadRows, 0});
      return web::download(flag_table(result.items, flags), "senales-de-riesgo", format);
    });
  }

  router.get("/organizaciones/{id}", [&service, &flags, &pages](Request& request) {
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
                 {"json_url", "/api/v1/organizations/" + std::to_string(id)}};
    data["flags"] = flags_view(flags.of_organization(id), flags);
    data["has_flags"] = !data["flags"].empty();
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
    item["compiled_release"] = detail.compiled;
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
  router.get("/api/v1/organizations/{id}", [&service, &flags](Request& request) {
    int64_t id = web::id_param(request, "id", "la organización");
    json item = organization_json(service.organization(id).take());
    item["flags"] = json::array();
    for (const auto& flag : flags.of_organization(id)) item["flags"].push_back(flag_json(flag, flags));
    return web::api_item(item);
  });
  router.get("/api/v1/processes/{ocid}/flags", [&service, &flags](Request& request) {
    auto detail = service.process(request.param("ocid"), ContractingService::History::without).take();
    json items = json::array();
    for (const auto& flag : flags.of_process(detail.row.ocid)) items.push_back(flag_json(flag, flags));
    return web::api_all(request, items);
  });
  router.get("/api/v1/flags", [&flags](Request& request) {
    auto page = web::PageRequest::from(request);
    auto result = flags.list(flag_filter_from(request), {page.per_page, page.offset()});
    json items = json::array();
    for (const auto& flag : result.items) items.push_back(flag_json(flag, flags));
    return web::api_list(request, items, page, result.total);
  });
  router.get("/api/v1/ocds/records", [&service](Request& request) {
    auto page = web::PageRequest::from(request);
    return Response::json(
        service.record_package(selected_ocids(service, request, page), "/api/v1/ocds/records" + query_suffix(request)));
  });
  router.get("/api/v1/ocds/releases", [&service](Request& request) {
    auto page = web::PageRequest::from(request);
    return Response::json(service.release_package(selected_ocids(service, request, page),
                                                  "/api/v1/ocds/releases" + query_suffix(request)));
  });
}

}  // namespace apertura::money
