// RequestService: reproduction costs (pricing an answer's delivery, its payment and collection, the daily close of unpaid ones) and the fee schedules admins keep.
#include <regex>

#include "audit/audit_log.h"
#include "core/date_text.h"
#include "core/number_text.h"
#include "core/text.h"
#include "requests/cost_repository.h"
#include "requests/messages.h"
#include "requests/request_rules.h"
#include "requests/request_service.h"

namespace apertura::requests {

namespace {

// A count as typed: "" is 0; otherwise 0 to 100,000.
std::optional<int> quantity_of(const std::string& typed) {
  std::string value = trim(typed);
  if (value.empty()) return 0;
  if (!std::regex_match(value, std::regex("[0-9]{1,6}")) || std::stoi(value) > 100000) return std::nullopt;
  return std::stoi(value);
}

// Pesos as typed ("2.50", "$1,200", "28") in cents; nullopt when malformed or over 100,000.
std::optional<int64_t> cents_of(const std::string& typed) {
  std::string value;
  for (char c : trim(typed)) {
    if (c != ',' && c != '$' && c != ' ') value += c;
  }
  std::smatch parts;
  if (!std::regex_match(value, parts, std::regex("([0-9]{1,6})(?:\\.([0-9]{1,2}))?"))) return std::nullopt;
  int64_t cents = std::stoll(parts[1].str()) * 100;
  if (parts[2].matched) cents += std::stoll(parts[2].str()) * (parts[2].length() == 1 ? 10 : 1);
  if (cents > 100000 * 100) return std::nullopt;
  return cents;
}

bool delivers_information(const InformationRequest& request) {
  return request.outcome == Outcome::delivered || request.outcome == Outcome::partial ||
         request.outcome == Outcome::classified;
}

}  // namespace

Result<std::optional<RequestCost>> RequestService::priced_delivery(store::Connection& connection,
                                                                   const WorkInput& input,
                                                                   const InformationRequest& answered,
                                                                   const Regime& regime,
                                                                   const BusinessCalendar& calendar,
                                                                   const jurisdictions::Jurisdiction& jurisdiction) {
  Validation validation;
  auto pages = quantity_of(input.pages);
  auto media = quantity_of(input.media);
  validation.require(pages.has_value(), "pages", say(Msg::quantity_field));
  validation.require(media.has_value(), "media", say(Msg::quantity_field));
  std::string waiver = trim(input.waiver);
  validation.require(utf8_length(waiver) <= 300 && is_valid_utf8(waiver), "waiver", say(Msg::waiver_field));
  if (!validation.ok()) return validation.error();
  CostQuantities quantities{*pages, *media, input.shipping};
  if (!quantities.any()) return std::optional<RequestCost>{};
  if (!delivers_information(answered)) {
    return Error::invalid(say(Msg::cost_only_when_delivering), {{"pages", say(Msg::cost_only_when_delivering)}});
  }
  int year = std::stoi(answered.answered_on.substr(0, 4));
  auto schedule = CostRepository::in_force(connection, jurisdiction.code, year);
  if (!schedule) {
    std::string message = say(Msg::no_fee_schedule, jurisdiction.name, year);
    return Error::invalid(message, {{"pages", message}});
  }
  RequestCost cost;
  cost.request_id = answered.id;
  cost.fee_schedule_id = schedule->id;
  cost.quantities = quantities;
  cost.quote = quote_cost(answered.delivery, *schedule, regime.days(TermKind::free_pages), quantities,
                          answered.answered_late, waiver);
  if (cost.quote.amount_cents > 0) {
    cost.status = CostStatus::awaiting_payment;
    cost.payment_due_on = term_end(calendar, regime, TermKind::payment, answered.answered_on);
  } else {
    cost.status = CostStatus::available;
    cost.available_until = term_end(calendar, regime, TermKind::availability, answered.answered_on);
  }
  return std::optional<RequestCost>{cost};
}

Result<RequestCost> RequestService::work_cost(const Actor& actor, const std::string& folio, const CostStepInput& input) {
  if (auto error = request_permissions().check(actor, RequestAction::work)) return *error;
  auto connection = database_.connect();
  auto request = RequestRepository::by_folio(*connection, folio);
  if (!request) return not_found(folio);
  if (!may_work(actor, *request)) return Error::forbidden(say(Msg::not_your_institution));
  auto found = CostRepository::of_request(*connection, request->id);
  if (!found) return Error::not_found(say(Msg::cost_not_found, folio));
  RequestCost cost = *found;
  const RequestCost before = cost;
  if (input.version >= 0 && input.version != cost.version) return Error::conflict(say(Msg::cost_changed_meanwhile));
  auto regime = RegimeRepository::find(*connection, request->regime_id);
  auto jurisdiction = jurisdictions_.by_id(request->jurisdiction_id);
  auto institution = jurisdictions_.institution(request->institution_id);
  if (!regime || !jurisdiction || !institution) return not_found(folio);
  std::string action = trim(input.action);
  std::string today = today_for(*regime);
  std::string kind;
  std::string note;
  if (action == "paid") {
    if (cost.status != CostStatus::awaiting_payment) {
      return refused(say(Msg::cost_step_refused, cost_status_label_es(cost.status)));
    }
    if (today > cost.payment_due_on) return refused(say(Msg::payment_too_late, date_es(cost.payment_due_on)));
    std::string reference = trim(input.reference);
    if (reference.empty() || utf8_length(reference) > 120 || !is_valid_utf8(reference)) {
      return Error::invalid(say(Msg::payment_reference_field), {{"reference", say(Msg::payment_reference_field)}});
    }
    BusinessCalendar calendar = calendar_for(*connection, jurisdiction->code);
    cost.status = CostStatus::available;
    cost.paid_on = today;
    cost.payment_reference = reference;
    cost.available_until = term_end(calendar, *regime, TermKind::availability, today);
    kind = "cost_paid";
    note = say(Msg::paid_event, cents_text(cost.quote.amount_cents), reference, date_es(cost.available_until));
  } else if (action == "collected") {
    if (cost.status != CostStatus::available) {
      return refused(say(Msg::cost_step_refused, cost_status_label_es(cost.status)));
    }
    cost.status = CostStatus::collected;
    cost.collected_on = today;
    kind = "cost_collected";
    note = say(Msg::collected_event);
  } else {
    return Error::invalid(say(Msg::cost_action_field), {{"action", say(Msg::cost_action_field)}});
  }
  std::vector<std::string> requester = mail_.requester_addresses(*request);
  store::Transaction transaction(*connection);
  if (!CostRepository::update(*connection, cost)) return Error::conflict(say(Msg::cost_changed_meanwhile));
  RequestRepository::add_event(*connection, {0, request->id, kind, now_(), institution->name, note, ""});
  mail_.step(*connection, *request, note, requester);
  audit::AuditLog::append_public(*connection, actor, kind, "request_cost", request->id, request->jurisdiction_id,
                                 before.to_json(), cost.to_json());
  transaction.commit();
  return *CostRepository::of_request(*connection, request->id);
}

int64_t RequestService::close_unpaid() {
  auto connection = database_.connect();
  std::string today = today_in(*connection, "");
  int64_t closed = 0;
  for (auto cost : CostRepository::unpaid_before(*connection, today)) {
    auto request = RequestRepository::by_id(*connection, cost.request_id);
    if (!request) continue;
    // The regime's clock may be a day behind the general one.
    auto regime = RegimeRepository::find(*connection, request->regime_id);
    if (regime && cost.payment_due_on >= today_for(*regime)) continue;
    const RequestCost before = cost;
    cost.status = CostStatus::unpaid;
    std::string note = say(Msg::unpaid_event, date_es(cost.payment_due_on));
    std::vector<std::string> requester = mail_.requester_addresses(*request);
    store::Transaction transaction(*connection);
    if (!CostRepository::update(*connection, cost)) continue;  // paid meanwhile
    RequestRepository::add_event(*connection, {0, request->id, "cost_unpaid", now_(), say(Msg::system_label), note, ""});
    audit::AuditLog::append_public(*connection, Actor::system("plazos"), "cost_unpaid", "request_cost", request->id,
                                   request->jurisdiction_id, before.to_json(), cost.to_json());
    mail_.step(*connection, *request, note, requester);
    transaction.commit();
    ++closed;
  }
  return closed;
}

std::vector<FeeSchedule> RequestService::fee_schedules() {
  auto connection = database_.connect();
  return CostRepository::schedules(*connection);
}

Result<FeeSchedule> RequestService::save_fee_schedule(const Actor& actor, const FeeScheduleInput& input) {
  if (auto error = request_permissions().check(actor, RequestAction::manage_regimes)) return *error;
  Validation validation;
  FeeSchedule schedule;
  if (!trim(input.jurisdiction).empty()) {
    auto place = jurisdictions_.find(trim(input.jurisdiction));
    if (place) schedule.jurisdiction_code = place->code;
    else validation.fail("jurisdiction", place.error().message);
  }
  std::string year = trim(input.year);
  bool year_ok = std::regex_match(year, std::regex("[0-9]{4}")) && std::stoi(year) >= 2000 && std::stoi(year) <= 2100;
  validation.require(year_ok, "year", say(Msg::fee_year_field));
  if (year_ok) schedule.year = std::stoi(year);
  auto price = [&validation](const std::string& typed, const char* field, int64_t& into) {
    auto cents = cents_of(typed);
    if (cents) into = *cents;
    else validation.fail(field, say(Msg::fee_price_field));
  };
  price(input.simple_page, "simple_page", schedule.simple_page_cents);
  price(input.certified_page, "certified_page", schedule.certified_page_cents);
  price(input.medium, "medium", schedule.medium_cents);
  price(input.shipping, "shipping", schedule.shipping_cents);
  schedule.payment_instructions = trim(input.payment_instructions);
  validation.require(!schedule.payment_instructions.empty() && utf8_length(schedule.payment_instructions) <= 2000 &&
                         is_valid_utf8(schedule.payment_instructions),
                     "payment_instructions", say(Msg::fee_instructions_field));
  schedule.legal_basis = trim(input.legal_basis);
  validation.require(!schedule.legal_basis.empty() && utf8_length(schedule.legal_basis) <= 4000 &&
                         is_valid_utf8(schedule.legal_basis),
                     "legal_basis", say(Msg::legal_basis_field));
  schedule.verified = input.verified;
  if (!validation.ok()) return validation.error();

  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  auto before = CostRepository::schedule_for_year(*connection, schedule.jurisdiction_code, schedule.year);
  if (before) {
    schedule.id = before->id;
    schedule.version = input.version >= 0 ? input.version : before->version;
    if (!CostRepository::update_schedule(*connection, schedule)) return Error::conflict(say(Msg::fee_changed_meanwhile));
  } else {
    schedule.id = CostRepository::insert_schedule(*connection, schedule);
  }
  auto after = CostRepository::schedule(*connection, schedule.id);
  audit::AuditLog::append_public(*connection, actor, before ? "update" : "create", "request_fee_schedule", after->id,
                                 std::nullopt, before ? before->to_json() : nlohmann::json(), after->to_json());
  transaction.commit();
  return *after;
}

}  // namespace apertura::requests
