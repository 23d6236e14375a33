#include "requests/request_rules.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/text.h"
#include "requests/messages.h"
#include "store/search_index.h"

namespace apertura::requests {

// The calendar day of a UTC timestamp on a clock `offset_minutes` from UTC.
std::string local_date(const std::string& timestamp, int offset_minutes) {
  auto time = parse_timestamp(timestamp);
  if (!time) return timestamp.substr(0, 10);
  auto local = std::chrono::floor<std::chrono::days>(*time + std::chrono::minutes(offset_minutes));
  std::chrono::year_month_day day{local};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return text;
}

Error not_found(const std::string& folio) { return Error::not_found(say(Msg::request_not_found, folio)); }

// The response term as it stands: the regime's days, plus any extension,
// from the day after the term started.
BusinessCount response_count(const BusinessCalendar& calendar, const Regime& regime, const InformationRequest& request) {
  return calendar.add_business_days(request.term_start_on,
                                    std::max(1, regime.days(TermKind::response)) + request.extended_days);
}

// The last day of a term of the regime's `kind` counted from `from`.
std::string term_end(const BusinessCalendar& calendar, const Regime& regime, TermKind kind, const std::string& from) {
  return calendar.add_business_days(from, std::max(1, regime.days(kind))).due;
}

// A step the state of the request does not allow, said on the form's step field.
Error refused(const std::string& message) { return Error::invalid(message, {{"action", message}}); }

std::optional<Error> checked_text(const std::string& text, const char* field, Msg message) {
  if (utf8_length(text) >= 10 && utf8_length(text) <= 20000 && is_valid_utf8(text)) return std::nullopt;
  return Error::invalid(say(message), {{field, say(message)}});
}

bool requester_key_matches(const InformationRequest& request, const std::string& key) {
  return !trim(key).empty() && !request.requester_key_hash.empty() &&
         constant_time_equal(sha256_hex(trim(key)), request.requester_key_hash);
}

void index_for_search(store::Connection& connection, const InformationRequest& request,
                      const std::string& institution_name) {
  store::SearchIndex::upsert(connection, {kRequestSearchKind, request.id, request.jurisdiction_id, institution_name,
                                          request.description + "\n" + request.location_hint});
}

}  // namespace apertura::requests
