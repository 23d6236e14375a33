#include "money/flags/flag_routes.h"

#include <sstream>

#include "jurisdictions/jurisdiction_routes.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::money {

namespace {

using nlohmann::json;
using web::Request;
using web::Response;

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
    view["value_text"] = flag_value_text(flags.info(flag.code), flag.value, flags.settings());
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

}  // namespace

void register_flag_routes(web::Router& router, RedFlagService& flags, ContractingService& contracting,
                          const web::Pages& pages) {
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
                         {"csv_url", "/senales.csv" + request.query_suffix()},
                         {"json_url", "/senales.json" + request.query_suffix()}});
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/senales." + format, [&flags, format](Request& request) {
      auto result = flags.list(flag_filter_from(request), {web::kMaxDownloadRows, 0});
      return web::download(flag_table(result.items, flags), "senales-de-riesgo", format);
    });
  }

  router.get("/api/v1/processes/{ocid}/flags", [&contracting, &flags](Request& request) {
    auto detail = contracting.process(request.param("ocid"), ContractingService::History::without).take();
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
}

void extend_contracting_pages(ContractingExtensions& extensions, RedFlagService& flags) {
  extensions.process_page.push_back([&flags](const Request&, const std::string& ocid, json& data) {
    data["flags"] = flags_view(flags.of_process(ocid), flags);
    // Each accusation points at what it compared, shown on the same page.
    for (auto& flag : data["flags"]) {
      const std::string& section = flags.info(flag["code"].get<std::string>()).evidence;
      flag["evidence"] = section.empty() ? "" : "#" + section;
    }
    data["has_flags"] = !data["flags"].empty();
  });
  extensions.organization_page.push_back([&flags](const Request&, int64_t id, json& data) {
    data["flags"] = flags_view(flags.of_organization(id), flags);
    data["has_flags"] = !data["flags"].empty();
  });
  extensions.organization_api.push_back([&flags](const Request&, int64_t id, json& item) {
    item["flags"] = json::array();
    for (const auto& flag : flags.of_organization(id)) item["flags"].push_back(flag_json(flag, flags));
  });
}

void add_flag_card_facts(RedFlagService& flags, std::map<int64_t, json>& cards) {
  auto counts = flags.flagged_processes_by_jurisdiction();
  for (auto& [jurisdiction_id, facts] : cards) {
    auto found = counts.find(jurisdiction_id);
    int64_t flagged = found == counts.end() ? 0 : found->second;
    // Nothing when none: a state without flags may simply have published no contracts here.
    if (flagged == 0) continue;
    facts.push_back(jurisdictions::card_fact(
        std::to_string(flagged) + (flagged == 1 ? " contratación con señales de riesgo"
                                                : " contrataciones con señales de riesgo"),
        "/senales", "warning", 50));
  }
}

}  // namespace apertura::money
