#include "requests/request_routes.h"

#include "requests/request_views.h"

namespace apertura::requests {

namespace {

std::string institution_name(RouteContext ctx, std::map<int64_t, std::string>& names, int64_t id) {
  auto known = names.find(id);
  if (known != names.end()) return known->second;
  auto institution = ctx.jurisdictions.institution(id);
  return names[id] = institution ? institution->name : "";
}

}  // namespace

std::vector<nlohmann::json> rows_of(RouteContext ctx, const std::vector<InformationRequest>& items) {
  std::map<int64_t, std::string> names;
  std::map<std::string, std::string> topics;
  for (const auto& [slug, name] : ctx.requests.topics()) topics[slug] = name;
  std::vector<nlohmann::json> rows;
  for (const auto& item : items) {
    rows.push_back(request_row(item, institution_name(ctx, names, item.institution_id)));
    auto topic = topics.find(item.topic);
    rows.back()["topic_name"] = topic == topics.end() ? nlohmann::json() : nlohmann::json(topic->second);
  }
  return rows;
}

nlohmann::json topic_options(RouteContext ctx, const std::string& chosen) {
  nlohmann::json options = nlohmann::json::array();
  for (const auto& [slug, name] : ctx.requests.topics()) {
    options.push_back({{"value", slug}, {"label", name}, {"selected", slug == chosen}});
  }
  return options;
}

std::string jurisdiction_name_of(RouteContext ctx, const std::string& code) {
  if (code.empty()) return "";
  auto place = ctx.jurisdictions.find(code);
  return place ? place->name : code;
}

nlohmann::json fee_schedule_rows(RouteContext ctx) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& schedule : ctx.requests.fee_schedules()) {
    rows.push_back(fee_schedule_view(schedule, jurisdiction_name_of(ctx, schedule.jurisdiction_code)));
  }
  return rows;
}

void register_request_routes(web::Router& router, RequestService& requests,
                             jurisdictions::JurisdictionService& jurisdictions, const web::Pages& pages,
                             std::string public_url) {
  RouteContext ctx{requests, jurisdictions, pages, std::move(public_url)};
  register_request_pages(router, ctx);
  register_request_api(router, ctx);
}

}  // namespace apertura::requests
