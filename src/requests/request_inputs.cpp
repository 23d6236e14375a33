#include "requests/request_inputs.h"

#include <charconv>

#include "core/error.h"
#include "core/number_text.h"
#include "requests/messages.h"
#include "web/api.h"

namespace apertura::requests {

using web::Request;
using web::text_field;

std::optional<int64_t> number(const std::string& text) { return whole_number(text); }

RequestQuery query_of(const Request& request) {
  RequestQuery query;
  query.text = request.query("q").value_or("");
  query.jurisdiction = request.query("jurisdiction").value_or("");
  query.status = request.query("status").value_or("");
  query.similar_to = request.query("similar_to").value_or("");
  query.outcome = request.query("outcome").value_or("");
  query.topic = request.query("topic").value_or("");
  query.from = request.query("from").value_or("");
  query.to = request.query("to").value_or("");
  std::string institution = request.query("institution").value_or("");
  if (!institution.empty()) {
    query.institution_id = number(institution);
    if (!query.institution_id) {
      throw DomainException(Error{ErrorKind::bad_request, say(Msg::institution_filter_not_number),
                                  {{"institution", say(Msg::institution_filter_field)}}});
    }
  }
  return query;
}

StatsQuery stats_query_of(const Request& request) {
  RequestQuery filters = query_of(request);
  StatsQuery query;
  query.jurisdiction = filters.jurisdiction;
  query.institution_id = filters.institution_id;
  std::string year = request.query("year").value_or("");
  if (!year.empty()) query.year = static_cast<int>(number(year).value_or(-1));
  return query;
}

std::vector<int64_t> chosen_institutions(const web::FormData& form) {
  std::vector<int64_t> ids;
  for (const auto& [name, value] : form.pairs()) {
    if (name != "institution_ids") continue;
    ids.push_back(number(value).value_or(-1));
  }
  return ids;
}

FilingInput filing_from(const Request& request) {
  const auto& form = request.form();
  return {chosen_institutions(form), form.text("requester_name"), form.text("show_name") == "1",
          form.text("contact"),      form.text("description"),    form.text("location_hint"),
          form.text("delivery"),     form.text("notify_by"),      form.text("channel"),
          request.remote_address,    HumanProof{form.text("proof_token"), form.text("proof_nonce"), form.text("proof_answer")},
          form.text("topic")};
}

RegimeInput regime_from_form(const web::FormData& form) {
  RegimeInput input{form.text("code"),           form.text("name"),        form.text("jurisdiction_code"),
                    form.text("effective_from"), form.text("effective_to"), form.text("guarantor"),
                    form.text("legal_basis"),    form.text("verified") == "1", form.text("utc_offset_minutes"),
                    {},                          {}};
  for (TermKind kind : all_terms()) {
    std::string name(term_name(kind));
    input.term_values[name] = form.text("term_" + name);
    input.term_articles[name] = form.text("article_" + name);
  }
  return input;
}

RegimeInput regime_from_json(const nlohmann::json& body) {
  RegimeInput input{text_field(body, "code"),           text_field(body, "name"),
                    text_field(body, "jurisdiction_code"), text_field(body, "effective_from"),
                    text_field(body, "effective_to"),   text_field(body, "guarantor"),
                    text_field(body, "legal_basis"),    body.contains("verified") && body["verified"] == true,
                    body.contains("utc_offset_minutes") && body["utc_offset_minutes"].is_number_integer()
                        ? std::to_string(body["utc_offset_minutes"].get<int64_t>())
                        : text_field(body, "utc_offset_minutes"),
                    {},
                    {}};
  if (body.contains("terms") && body["terms"].is_object()) {
    for (const auto& [name, term] : body["terms"].items()) {
      if (!term.is_object()) {
        input.term_values[name] = "?";
        continue;
      }
      const auto& value = term.contains("value") ? term["value"] : nlohmann::json();
      input.term_values[name] = value.is_number_integer() ? std::to_string(value.get<int64_t>()) : "?";
      if (term.contains("article") && term["article"].is_string()) input.term_articles[name] = term["article"].get<std::string>();
    }
  }
  return input;
}

namespace {

std::vector<std::pair<std::string, std::string>> files_of(const Request& request) { return request.files_named("files"); }

int64_t version_of(const nlohmann::json& body) {
  return body.contains("version") && body["version"].is_number_integer() ? body["version"].get<int64_t>() : -1;
}

// A count sent as a number or as text; "" when absent, "?" (which the
// service refuses) when of another type.
std::string count_field(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return "";
  if (body[name].is_number_integer()) return std::to_string(body[name].get<int64_t>());
  return body[name].is_string() ? body[name].get<std::string>() : "?";
}

// A price sent in cents, as the form's pesos ("2.50"); "?" when not a whole number.
std::string pesos_field(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || !body[name].is_number_integer() || body[name].get<int64_t>() < 0) return "?";
  return cents_decimal(body[name].get<int64_t>());
}

}  // namespace

std::pair<std::string, std::string> upload_of(const Request& request, const std::string& field) {
  auto files = request.files_named(field);
  return files.empty() ? std::pair<std::string, std::string>{} : files.front();
}

CostStepInput cost_step_from_form(const web::FormData& form) {
  return {form.text("action"), form.text("reference"), number(form.text("version")).value_or(-1)};
}

CostStepInput cost_step_from_json(const nlohmann::json& body) {
  return {text_field(body, "action"), text_field(body, "reference"), version_of(body)};
}

FeeScheduleInput fee_schedule_from_form(const web::FormData& form) {
  return {form.text("jurisdiction"), form.text("year"), form.text("simple_page"), form.text("certified_page"),
          form.text("medium"), form.text("shipping"), form.text("payment_instructions"), form.text("legal_basis"),
          form.text("verified") == "1", number(form.text("version")).value_or(-1)};
}

FeeScheduleInput fee_schedule_from_json(const nlohmann::json& body) {
  return {text_field(body, "jurisdiction"),
          count_field(body, "year"),
          pesos_field(body, "simple_page_cents"),
          pesos_field(body, "certified_page_cents"),
          pesos_field(body, "medium_cents"),
          pesos_field(body, "shipping_cents"),
          text_field(body, "payment_instructions"),
          text_field(body, "legal_basis"),
          body.contains("verified") && body["verified"] == true,
          version_of(body)};
}

WorkInput work_from_form(const Request& request) {
  const auto& f = request.form();
  return {f.text("action"), f.text("text"), f.text("outcome"), f.text("reference"),
          number(f.text("version")).value_or(-1), files_of(request), f.text("pages"), f.text("media"),
          f.text("shipping") == "1", f.text("waiver")};
}

AppealStepInput appeal_step_from_form(const Request& request) {
  const auto& f = request.form();
  return {f.text("action"), f.text("text"),   f.text("result"), f.text("complied"),
          f.text("key"),    number(f.text("version")).value_or(-1), files_of(request)};
}

AppealStepInput appeal_step_from_json(const nlohmann::json& body) {
  return {text_field(body, "action"), text_field(body, "text"), text_field(body, "result"),
          text_field(body, "complied"), text_field(body, "key"), version_of(body)};
}

RedactionInput redaction_from_form(const web::FormData& form) {
  RedactionInput input{form.text("target"), std::nullopt, form.text("text"), form.text("reason")};
  if (input.target.rfind("event:", 0) == 0) {
    input.event_id = number(input.target.substr(6));
    input.target = "event";
  }
  return input;
}

RedactionInput redaction_from_json(const nlohmann::json& body) {
  return {text_field(body, "target"),
          body.contains("event_id") && body["event_id"].is_number_integer() ? std::optional<int64_t>(body["event_id"].get<int64_t>())
                                                                             : std::nullopt,
          text_field(body, "text"), text_field(body, "reason")};
}

AppealQuery appeal_query_of(const Request& request) {
  RequestQuery filters = query_of(request);
  return {filters.jurisdiction, filters.institution_id, filters.status};
}

WorkInput work_from_json(const nlohmann::json& body) {
  return {text_field(body, "action"), text_field(body, "text"), text_field(body, "outcome"), text_field(body, "reference"),
          version_of(body), {}, count_field(body, "pages"), count_field(body, "media"),
          body.contains("shipping") && body["shipping"] == true, text_field(body, "waiver")};
}

}  // namespace apertura::requests
