#include "requests/request_measures.h"

#include "requests/messages.h"

namespace apertura::requests {

namespace {

using Figure = std::function<std::optional<double>(const RequestTally&)>;

// A measure over the scope's statistics, linking to the requests (or appeals) behind it.
plans::Measure measure(std::string key, Msg label, Msg unit, std::string list, Figure figure,
                       RequestService& requests, jurisdictions::JurisdictionService& jurisdictions) {
  return {std::move(key), std::string(text(label)), std::string(text(unit)),
          [&requests, &jurisdictions, list, figure](const plans::MeasureScope& scope) -> std::optional<plans::Measured> {
            auto place = jurisdictions.by_id(scope.jurisdiction_id);
            if (!place) return std::nullopt;
            StatsQuery query;
            query.jurisdiction = place->code;
            query.institution_id = scope.institution_id;
            query.from = scope.from;
            query.until = scope.until;
            auto stats = requests.statistics(query);
            if (!stats) return std::nullopt;
            auto value = figure(stats->total);
            if (!value) return std::nullopt;
            std::string url = list + "?jurisdiction=" + place->slug;
            if (scope.institution_id) url += "&institution=" + std::to_string(*scope.institution_id);
            if (list == "/solicitudes") url += "&from=" + scope.from + "&to=" + scope.until;
            return plans::Measured{*value, url};
          }};
}

std::optional<double> share(int64_t part, int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

void add_request_measures(plans::MeasureCatalog& catalog, RequestService& requests,
                          jurisdictions::JurisdictionService& jurisdictions) {
  catalog.add(measure("requests_on_time_share", Msg::measure_on_time_share, Msg::unit_percent, "/solicitudes",
                      [](const RequestTally& t) { return share(t.on_time, t.responded()); }, requests, jurisdictions));
  catalog.add(measure("requests_received", Msg::measure_received, Msg::unit_requests, "/solicitudes",
                      [](const RequestTally& t) { return std::optional<double>(static_cast<double>(t.received)); },
                      requests, jurisdictions));
  catalog.add(measure("requests_median_days", Msg::measure_median_days, Msg::unit_business_days, "/solicitudes",
                      [](const RequestTally& t) { return t.median_business_days; }, requests, jurisdictions));
  catalog.add(measure("appeals_changed_share", Msg::measure_appeals_changed_share, Msg::unit_percent, "/solicitudes/recursos",
                      [](const RequestTally& t) {
                        return share(t.appeals_revoked + t.appeals_modified,
                                     t.appeals - t.appeals_open - t.appeals_rejected);
                      },
                      requests, jurisdictions));
}

}  // namespace apertura::requests
