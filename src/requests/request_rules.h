#pragma once
// Small rules the requests service's parts share (request_service.cpp files,
// request_steps.cpp works, request_regimes.cpp manages regimes and closed
// days): local dates, the terms as they stand, the errors they return.
#include <optional>
#include <string>

#include "core/business_calendar.h"
#include "core/error.h"
#include "requests/information_request.h"
#include "requests/messages.h"
#include "requests/regime.h"
#include "store/connection.h"

namespace apertura::requests {

// The kind requests are indexed under for full-text search.
inline constexpr const char* kRequestSearchKind = "information_request";

// The calendar day of a UTC timestamp on a clock `offset_minutes` from UTC.
std::string local_date(const std::string& timestamp, int offset_minutes);
Error not_found(const std::string& folio);
// The response term as it stands: the regime's days, plus any extension,
// from the day after the term started.
BusinessCount response_count(const BusinessCalendar& calendar, const Regime& regime, const InformationRequest& request);
// The last day of a term of the regime's `kind` counted from `from`.
std::string term_end(const BusinessCalendar& calendar, const Regime& regime, TermKind kind, const std::string& from);
// A step the state of the request does not allow, said on the form's step field.
Error refused(const std::string& message);
// A step's text (or an appeal's reasons): 10 to 20,000 characters of UTF-8,
// or the error on `field` saying `message`.
std::optional<Error> checked_text(const std::string& text, const char* field = "text",
                                  Msg message = Msg::action_text_field);
// Whether `key` is the one the requester got at filing (only its hash is kept).
bool requester_key_matches(const InformationRequest& request, const std::string& key);
// Indexes the request's public words (its description and location hint)
// under its institution's name, replacing what was indexed before.
void index_for_search(store::Connection& connection, const InformationRequest& request,
                      const std::string& institution_name);

}  // namespace apertura::requests
