#include "money/flags/flag_views.h"

#include <map>

#include "money/contracting/contracting_views.h"

namespace apertura::money {

using nlohmann::json;

namespace {

std::string scope_label(const std::string& scope) {
  if (scope == "process") return "Proceso";
  if (scope == "buyer") return "Comprador";
  if (scope == "procuring_entity") return "Unidad compradora";
  return "Licitante o proveedor";
}

}  // namespace

std::string scope_count_text(const std::string& scope, int64_t count) {
  if (scope == "process") return counted(count, "proceso", "procesos");
  if (scope == "buyer") return counted(count, "comprador", "compradores");
  if (scope == "procuring_entity") return counted(count, "unidad compradora", "unidades compradoras");
  return counted(count, "licitante o proveedor", "licitantes o proveedores");
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
    view["value_text"] = flag_value_text(flags.info(flag.code), flag.value, flags.settings());
    view["scope_label"] = scope_label(flag.scope);
    out.push_back(view);
  }
  return out;
}

json indicator_summary(const RedFlagService& flags, const std::vector<FlagCount>& counts,
                       const std::string& filter_query) {
  std::map<std::string, std::vector<const FlagCount*>> by_code;
  for (const auto& count : counts) by_code[count.code].push_back(&count);
  json out = json::array();
  int64_t all = 0, raised = 0;
  for (const auto& info : flags.catalog()) {
    int64_t total = 0;
    std::string parts;
    const auto& counts_of = by_code[info.code];
    for (const FlagCount* count : counts_of) {
      total += count->count;
      parts += (parts.empty() ? "" : " · ") + scope_count_text(count->scope, count->count);
    }
    // "4 procesos"; with several kinds, "3 señales: 1 proceso · 2 licitantes o proveedores".
    if (counts_of.size() > 1) parts = counted(total, "señal", "señales") + ": " + parts;
    all += total;
    raised += total > 0 ? 1 : 0;
    out.push_back({{"code", info.code},
                   {"title", info.title},
                   {"why", info.why},
                   {"how", info.how},
                   {"count", total},
                   {"has_flags", total > 0},
                   {"counts_text", parts},
                   {"url", "/senales?code=" + info.code + filter_query}});
  }
  return {{"indicators", out},
          {"total_text", counted(all, "señal", "señales") + " de " + counted(raised, "indicador", "indicadores")}};
}

}  // namespace apertura::money
