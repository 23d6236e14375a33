#pragma once
// What the requests' handlers read from an HTTP request: filters, a filing,
// a step, a regime. Reading only; the service checks everything it is given.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "requests/request_service.h"
#include "web/request.h"

namespace apertura::requests {

// A whole decimal number, or nullopt.
std::optional<int64_t> number(const std::string& text);
// The archive's filters (q, similar_to, jurisdiction, institution, status,
// outcome, from, to); a malformed institution is a 400.
RequestQuery query_of(const web::Request& request);
// The statistics' filters (jurisdiction, institution, year).
StatsQuery stats_query_of(const web::Request& request);
// The institutions ticked on the filing form.
std::vector<int64_t> chosen_institutions(const web::FormData& form);
// The filing form, with the client's address for the rate limits.
FilingInput filing_from(const web::Request& request);
RegimeInput regime_from_form(const web::FormData& form);
RegimeInput regime_from_json(const nlohmann::json& body);
// A step from a urlencoded or multipart form: its fields, and its "files" parts.
WorkInput work_from_form(const web::Request& request);
// A step as JSON: action, text, outcome, reference, version; for an answer
// also pages, media (numbers), shipping (true/false) and waiver.
WorkInput work_from_json(const nlohmann::json& body);
// An appeal's step from a urlencoded or multipart form (with its "files" parts).
AppealStepInput appeal_step_from_form(const web::Request& request);
// An appeal's step as JSON: action, text, result, complied, key, version.
AppealStepInput appeal_step_from_json(const nlohmann::json& body);
// A redaction from the form: the target "event:ID" names a step of the history.
RedactionInput redaction_from_form(const web::FormData& form);
// A redaction as JSON: target, event_id, text, reason.
RedactionInput redaction_from_json(const nlohmann::json& body);
// The first file sent in the multipart form's `field`; empty when none was chosen.
std::pair<std::string, std::string> upload_of(const web::Request& request, const std::string& field);
// A step on a delivery's cost: action, reference, version.
CostStepInput cost_step_from_form(const web::FormData& form);
CostStepInput cost_step_from_json(const nlohmann::json& body);
// A fee schedule: the form's prices in pesos; JSON's in cents (simple_page_cents...).
FeeScheduleInput fee_schedule_from_form(const web::FormData& form);
FeeScheduleInput fee_schedule_from_json(const nlohmann::json& body);
// An appeals list's filters (jurisdiction, institution, status).
AppealQuery appeal_query_of(const web::Request& request);

}  // namespace apertura::requests
