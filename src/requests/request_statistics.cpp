// RequestService::statistics: the archive's figures per institution.
#include <algorithm>
#include <map>

#include "core/clock.h"
#include "core/date.h"
#include "core/text.h"
#include "requests/messages.h"
#include "requests/request_service.h"

namespace apertura::requests {

namespace {

void add_to(RequestTally& total, const RequestTally& one) {
  total.received += one.received;
  total.answered += one.answered;
  total.not_competent += one.not_competent;
  total.on_time += one.on_time;
  total.late += one.late;
  total.open += one.open;
  total.overdue += one.overdue;
  total.extended += one.extended;
  total.clarified += one.clarified;
  total.not_filed += one.not_filed;
  for (const auto& [outcome, count] : one.outcomes) total.outcomes[outcome] += count;
  total.appeals += one.appeals;
  total.appeals_open += one.appeals_open;
  total.appeals_rejected += one.appeals_rejected;
  total.appeals_confirmed += one.appeals_confirmed;
  total.appeals_revoked += one.appeals_revoked;
  total.appeals_modified += one.appeals_modified;
  total.appeals_dismissed += one.appeals_dismissed;
  total.appeals_complied += one.appeals_complied;
  total.appeals_not_complied += one.appeals_not_complied;
}

// The median of values given with how many times each occurs.
std::optional<double> weighted_median(std::vector<std::pair<int, int64_t>> values) {
  int64_t n = 0;
  for (const auto& [value, count] : values) n += count;
  if (n == 0) return std::nullopt;
  std::sort(values.begin(), values.end());
  auto at = [&values](int64_t position) {  // the value at a 0-based position
    for (const auto& [value, count] : values) {
      if (position < count) return value;
      position -= count;
    }
    return values.back().first;
  };
  return (at((n - 1) / 2) + at(n / 2)) / 2.0;
}

}  // namespace

Result<RequestStatistics> RequestService::statistics(const StatsQuery& query) {
  RequestStatistics stats;
  StatsFilter filter;
  std::string jurisdiction_code;
  if (!trim(query.jurisdiction).empty()) {
    auto place = jurisdictions_.find(trim(query.jurisdiction));
    if (!place) return place.error();
    filter.jurisdiction_id = place->id;
    jurisdiction_code = place->code;
    stats.jurisdiction_name = place->name;
    stats.jurisdiction_slug = place->slug;
  }
  auto connection = database_.connect();
  filter.today = today_in(*connection, jurisdiction_code);
  stats.year = query.year == 0 ? std::stoi(filter.today.substr(0, 4)) : query.year;
  if (stats.year < 2000 || stats.year > 2100) {
    return Error{ErrorKind::bad_request, say(Msg::year_filter_field), {{"year", say(Msg::year_filter_field)}}};
  }
  filter.institution_id = query.institution_id;
  filter.from = std::to_string(stats.year) + "-01-01";
  filter.until = std::to_string(stats.year + 1) + "-01-01";
  if (!query.from.empty() || !query.until.empty()) {
    if (!is_iso_date(query.from) || !is_iso_date(query.until) || query.until < query.from) {
      return Error{ErrorKind::bad_request, say(Msg::date_filter_field), {{"from", say(Msg::date_filter_field)}}};
    }
    filter.from = query.from;
    filter.until = add_days(query.until, 1);
    stats.year = std::stoi(query.from.substr(0, 4));
  }

  std::map<int64_t, RequestTally> by_institution;
  for (const auto& row : RequestRepository::counts(*connection, filter)) {
    RequestTally& tally = by_institution[row.institution_id];
    tally.institution_id = row.institution_id;
    tally.received = row.received;
    tally.answered = row.answered;
    tally.not_competent = row.not_competent;
    tally.on_time = row.on_time;
    tally.late = row.late;
    tally.open = row.open;
    tally.overdue = row.overdue;
    tally.extended = row.extended;
    tally.clarified = row.clarified;
    tally.not_filed = row.not_filed;
    for (const auto& [name, count] : row.outcomes) {
      if (auto outcome = parse_outcome(name); outcome && count > 0) tally.outcomes[*outcome] = count;
    }
  }
  for (const auto& row : AppealRepository::counts(*connection, filter)) {
    RequestTally& tally = by_institution[row.institution_id];
    tally.institution_id = row.institution_id;
    tally.appeals = row.filed;
    tally.appeals_open = row.open;
    tally.appeals_rejected = row.rejected;
    tally.appeals_confirmed = row.confirmed;
    tally.appeals_revoked = row.revoked;
    tally.appeals_modified = row.modified;
    tally.appeals_dismissed = row.dismissed;
    tally.appeals_complied = row.complied;
    tally.appeals_not_complied = row.not_complied;
  }
  // Business days to respond, counted on each institution's own calendar.
  std::map<int64_t, int64_t> place_of;  // institution -> jurisdiction
  std::map<int64_t, BusinessCalendar> calendars;
  std::map<int64_t, std::vector<std::pair<int, int64_t>>> spans;
  std::vector<std::pair<int, int64_t>> all_spans;
  for (const auto& row : RequestRepository::response_spans(*connection, filter)) {
    auto place = place_of.find(row.institution_id);
    if (place == place_of.end()) {
      auto institution = jurisdictions_.institution(row.institution_id);
      place = place_of.emplace(row.institution_id, institution ? institution->jurisdiction_id : 0).first;
    }
    int days = calendar_of(*connection, calendars, place->second).business_days_between(row.received_on, row.answered_on);
    spans[row.institution_id].emplace_back(days, row.count);
    all_spans.emplace_back(days, row.count);
  }
  for (auto& [id, tally] : by_institution) {
    auto institution = jurisdictions_.institution(id);
    tally.institution_name = institution ? institution->name : "";
    tally.median_business_days = weighted_median(spans[id]);
    add_to(stats.total, tally);
    stats.institutions.push_back(tally);
  }
  stats.total.median_business_days = weighted_median(all_spans);
  std::stable_sort(stats.institutions.begin(), stats.institutions.end(), [](const RequestTally& a, const RequestTally& b) {
    return a.received != b.received ? a.received > b.received : a.institution_name < b.institution_name;
  });
  stats.years = RequestRepository::years(*connection, filter.jurisdiction_id);
  return stats;
}

}  // namespace apertura::requests
