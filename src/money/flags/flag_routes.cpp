#include "money/flags/flag_routes.h"

#include <sstream>

#include "jurisdictions/jurisdiction_routes.h"
#include "money/flags/flag_views.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::money {

namespace {

using nlohmann::json;
using web::Request;
using web::Response;

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

FlagFilter flag_filter_from(const Request& request, jurisdictions::JurisdictionService& jurisdictions) {
  FlagFilter filter{request.query("code").value_or(""), request.query("scope").value_or(""), std::nullopt};
  if (!filter.code.empty() && !FlagSettings::all_codes().count(filter.code)) {
    throw DomainException(Error{ErrorKind::bad_request, "No existe esa señal de riesgo.",
                                {{"code", "código desconocido: " + filter.code}}});
  }
  if (!filter.scope.empty() && filter.scope != "process" && filter.scope != "buyer" &&
      filter.scope != "procuring_entity" && filter.scope != "tenderer") {
    throw DomainException(Error{ErrorKind::bad_request, "El ámbito es process, buyer, procuring_entity o tenderer.",
                                {{"scope", "valor desconocido: " + filter.scope}}});
  }
  if (auto place = request.query("jurisdiction"); place && !place->empty()) {
    auto found = jurisdictions.find(*place);
    if (!found) {
      throw DomainException(Error{ErrorKind::bad_request, "No existe esa entidad o municipio.",
                                  {{"jurisdiction", "clave o nombre corto desconocido: " + *place}}});
    }
    filter.jurisdiction_id = found->id;
  }
  return filter;
}

// The filters but the indicator, as query parameters to append ("&scope=process").
std::string other_filters(const Request& request) {
  std::string out;
  for (const char* name : {"scope", "jurisdiction"}) {
    auto value = request.query(name);
    if (value && !value->empty()) out += std::string("&") + name + "=" + web::url_encode(*value);
  }
  return out;
}

// The jurisdictions whose processes have red flags, each with how many of its processes have one.
std::vector<std::pair<jurisdictions::Jurisdiction, int64_t>> flagged_jurisdictions(
    RedFlagService& flags, jurisdictions::JurisdictionService& jurisdictions) {
  std::vector<std::pair<jurisdictions::Jurisdiction, int64_t>> out;
  for (const auto& [id, processes] : flags.flagged_processes_by_jurisdiction()) {
    if (auto place = jurisdictions.by_id(id)) out.emplace_back(std::move(*place), processes);
  }
  return out;
}

// Those jurisdictions, for the filter.
json flagged_places(RedFlagService& flags, jurisdictions::JurisdictionService& jurisdictions,
                    const FlagFilter& filter) {
  json places = json::array();
  for (const auto& [place, processes] : flagged_jurisdictions(flags, jurisdictions)) {
    places.push_back({{"code", place.code}, {"name", place.name}, {"selected", filter.jurisdiction_id == place.id}});
  }
  return places;
}

}  // namespace

void register_flag_routes(web::Router& router, RedFlagService& flags, ContractingService& contracting,
                          jurisdictions::JurisdictionService& jurisdictions, const web::Pages& pages) {
  router.get("/senales", [&flags, &jurisdictions, &pages](Request& request) {
    FlagFilter filter = flag_filter_from(request, jurisdictions);
    json catalog = json::array();
    for (const auto& info : flags.catalog()) {
      catalog.push_back({{"code", info.code}, {"title", info.title}, {"selected", info.code == filter.code}});
    }
    json data = {{"title", "Señales de riesgo en las contrataciones"},
                 {"catalog", catalog},
                 {"places", flagged_places(flags, jurisdictions, filter)},
                 {"scope_" + (filter.scope.empty() ? std::string("all") : filter.scope), true},
                 {"csv_url", "/senales.csv" + request.query_suffix()},
                 {"json_url", "/senales.json" + request.query_suffix()}};
    if (filter.code.empty()) {
      // Each indicator once, with how many it raised and what it means.
      json summary = indicator_summary(flags, flags.counts(filter), other_filters(request));
      data["summary"] = std::move(summary["indicators"]);
      data["total_text"] = std::move(summary["total_text"]);
      return pages.render(request, "money/flags", data);
    }
    // One indicator: its explanation once, then what it flagged.
    auto page = web::PageRequest::from(request, 50);
    auto result = flags.list(filter, {page.per_page, page.offset()});
    const RedFlagInfo& info = flags.info(filter.code);
    data["indicator"] = {{"code", info.code}, {"title", info.title}, {"why", info.why}, {"how", info.how},
                         {"value_means", info.value_means}};
    data["flags"] = flags_view(result.items, flags);
    data["has_results"] = !result.items.empty();
    data["total_text"] = counted(result.total, "señal", "señales");
    std::string others = other_filters(request);
    data["all_url"] = "/senales" + (others.empty() ? "" : "?" + others.substr(1));
    data["pagination"] = web::pagination_view(request, page, result.total);
    return pages.render(request, "money/flags", data);
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/senales." + format, [&flags, &jurisdictions, format](Request& request) {
      auto result = flags.list(flag_filter_from(request, jurisdictions), {web::kMaxDownloadRows, 0});
      return web::download(flag_table(result.items, flags), "senales-de-riesgo", format);
    });
  }

  router.get("/api/v1/processes/{ocid}/flags", [&contracting, &flags](Request& request) {
    auto detail = contracting.process(request.param("ocid"), ContractingService::History::without).take();
    json items = json::array();
    for (const auto& flag : flags.of_process(detail.row.ocid)) items.push_back(flag_json(flag, flags));
    return web::api_all(request, items);
  });
  router.get("/api/v1/flags", [&flags, &jurisdictions](Request& request) {
    auto page = web::PageRequest::from(request);
    auto result = flags.list(flag_filter_from(request, jurisdictions), {page.per_page, page.offset()});
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

void add_flag_card_facts(RedFlagService& flags, jurisdictions::JurisdictionService& jurisdictions,
                         std::map<int64_t, json>& cards) {
  // Nothing for a state without flags: it may simply have published no contracts here.
  for (const auto& [place, flagged] : flagged_jurisdictions(flags, jurisdictions)) {
    auto card = cards.find(place.id);
    if (card == cards.end() || flagged == 0) continue;
    card->second.push_back(jurisdictions::card_fact(
        counted(flagged, "contratación con señales de riesgo", "contrataciones con señales de riesgo"),
        "/senales?jurisdiction=" + web::url_encode(place.code), "warning", 50));
  }
}

}  // namespace apertura::money
