#include "requests/request_service.h"

#include <chrono>
#include <cstdio>
#include <regex>
#include <set>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/text.h"
#include "requests/messages.h"
#include "store/search_index.h"

namespace apertura::requests {

namespace {

constexpr size_t kMaxInstitutions = 33;  // as the national platform allows
constexpr const char* kSearchKind = "information_request";

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

// "SSJ" from the institution's acronym; "I12" when it has none that fits.
std::string folio_part(const jurisdictions::Institution& institution) {
  std::string part;
  for (char c : institution.acronym) {
    if (std::isalnum(static_cast<unsigned char>(c))) part += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (part.empty() || part.size() > 12) part = "I" + std::to_string(institution.id);
  return part;
}

// "2026-SSJ": the year received and the institution.
std::string folio_prefix(const std::string& received_on, const jurisdictions::Institution& institution) {
  return received_on.substr(0, 4) + "-" + folio_part(institution);
}

std::string folio_of(const std::string& prefix, int64_t number) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(number));
  return prefix + "-" + digits;
}

Error not_found(const std::string& folio) { return Error::not_found(say(Msg::request_not_found, folio)); }

}  // namespace

RequestService::RequestService(store::Database& database, jurisdictions::JurisdictionService& jurisdictions, Clock now)
    : database_(database), jurisdictions_(jurisdictions), now_(now ? std::move(now) : Clock(now_timestamp)) {}

bool RequestService::may_file(const Actor& actor) const {
  return request_permissions().allows(actor.role, RequestAction::file);
}
bool RequestService::may_capture(const Actor& actor) const {
  return request_permissions().allows(actor.role, RequestAction::capture);
}
bool RequestService::may_manage_regimes(const Actor& actor) const {
  return request_permissions().allows(actor.role, RequestAction::manage_regimes);
}
bool RequestService::may_manage_calendar(const Actor& actor) const {
  return request_permissions().allows(actor.role, RequestAction::manage_calendar);
}

BusinessCalendar RequestService::calendar_for(store::Connection& connection, const std::string& jurisdiction_code) {
  std::vector<ClosedDays> closed;
  for (auto& row : ClosedDaysRepository::for_jurisdiction(connection, jurisdiction_code)) {
    closed.push_back(std::move(row.days));
  }
  return BusinessCalendar(std::move(closed));
}

Result<std::vector<InformationRequest>> RequestService::file(const Actor& actor, const FilingInput& input) {
  if (auto error = request_permissions().check(actor, RequestAction::file)) return *error;
  Validation validation;
  InformationRequest base;
  base.requester_name = trim(input.requester_name);
  base.show_name = input.show_name && !base.requester_name.empty();
  base.contact = trim(input.contact);
  base.description = trim(input.description);
  base.location_hint = trim(input.location_hint);
  validation.require(utf8_length(base.description) >= 10 && utf8_length(base.description) <= 10000 &&
                         is_valid_utf8(base.description),
                     "description", say(Msg::description_field));
  validation.require(utf8_length(base.location_hint) <= 2000 && is_valid_utf8(base.location_hint), "location_hint",
                     say(Msg::location_field));
  validation.require(utf8_length(base.requester_name) <= 200 && is_valid_utf8(base.requester_name), "requester_name",
                     say(Msg::name_field));
  validation.require(base.contact.empty() || (base.contact.size() <= 200 && looks_like_email(base.contact)), "contact",
                     say(Msg::contact_field));
  auto delivery = parse_delivery(trim(input.delivery).empty() ? "electronic" : trim(input.delivery));
  validation.require(delivery.has_value(), "delivery", say(Msg::delivery_field));
  base.delivery = delivery.value_or(Delivery::electronic);
  auto notify_by = parse_notify_by(trim(input.notify_by).empty() ? "portal" : trim(input.notify_by));
  validation.require(notify_by.has_value(), "notify_by", say(Msg::notify_by_field));
  base.notify_by = notify_by.value_or(NotifyBy::portal);
  validation.require(base.notify_by != NotifyBy::email || !base.contact.empty(), "contact", say(Msg::contact_needed));
  auto channel = parse_channel(trim(input.channel).empty() ? "web" : trim(input.channel));
  validation.require(channel.has_value(), "channel", say(Msg::channel_field));
  base.channel = channel.value_or(Channel::web);
  if (base.channel != Channel::web) {
    if (auto error = request_permissions().check(actor, RequestAction::capture)) return *error;
    base.captured_by = actor.user_id;
  }
  if (actor.user_id && base.channel == Channel::web) base.requester_id = actor.user_id;

  std::vector<jurisdictions::Institution> institutions;
  std::set<int64_t> seen;
  for (int64_t id : input.institution_ids) {
    if (!seen.insert(id).second) continue;
    auto institution = jurisdictions_.institution(id);
    if (!institution) {
      validation.fail("institution_ids", say(Msg::institution_field));
      break;
    }
    // An official captures only for their own institution.
    if (base.channel != Channel::web && actor.role == Role::official && actor.institution_id != institution->id) {
      validation.fail("institution_ids", say(Msg::capture_own_institution));
      break;
    }
    institutions.push_back(*institution);
  }
  if (input.institution_ids.empty()) validation.fail("institution_ids", say(Msg::institution_field));
  if (institutions.size() > kMaxInstitutions) validation.fail("institution_ids", say(Msg::too_many_institutions));
  if (!validation.ok()) return validation.error();

  base.filed_at = now_();
  auto connection = database_.connect();
  // Everything is read before the transaction: the regimes and calendars.
  struct Case {
    InformationRequest request;
    const jurisdictions::Institution* institution;
    BusinessCount response;
  };
  std::vector<Case> cases;
  for (const auto& institution : institutions) {
    auto jurisdiction = jurisdictions_.by_id(institution.jurisdiction_id);
    if (!jurisdiction) return Error::not_found(say(Msg::institution_field));
    auto regime = RegimeRepository::in_force(*connection, jurisdiction->code, local_date(base.filed_at, -360));
    if (!regime) {
      return Error::invalid(say(Msg::no_regime_in_force, local_date(base.filed_at, -360)), {});
    }
    BusinessCalendar calendar = calendar_for(*connection, jurisdiction->code);
    InformationRequest request = base;
    request.jurisdiction_id = institution.jurisdiction_id;
    request.institution_id = institution.id;
    request.regime_id = regime->id;
    request.received_on = calendar.on_or_after(local_date(base.filed_at, regime->utc_offset_minutes));
    BusinessCount response = calendar.add_business_days(request.received_on, std::max(1, regime->days(TermKind::response)));
    request.response_due_on = response.due;
    cases.push_back({std::move(request), &institution, std::move(response)});
  }

  std::vector<InformationRequest> filed;
  store::Transaction transaction(*connection);
  for (auto& [request, institution, response] : cases) {
    std::string prefix = folio_prefix(request.received_on, *institution);
    request.folio = folio_of(prefix, RequestRepository::next_folio_number(*connection, prefix));
    request.id = RequestRepository::insert(*connection, request);
    request.created_at = request.updated_at = request.filed_at;
    RequestRepository::add_event(*connection, {0, request.id, "filed", request.filed_at, channel_label_es(request.channel),
                                               say(Msg::filed_event, request.received_on, response.days),
                                               request.response_due_on});
    store::SearchIndex::upsert(*connection, {kSearchKind, request.id, request.jurisdiction_id,
                                             institution->name, request.description + "\n" + request.location_hint});
    audit::AuditLog::append_public(*connection, actor, "create", "information_request", request.id,
                                   request.jurisdiction_id, nullptr, request.to_public_json());
    filed.push_back(request);
  }
  transaction.commit();
  return filed;
}

Result<RequestDocument> RequestService::find(const std::string& folio) {
  auto connection = database_.connect();
  auto request = RequestRepository::by_folio(*connection, folio);
  if (!request) return not_found(folio);
  auto institution = jurisdictions_.institution(request->institution_id);
  auto jurisdiction = jurisdictions_.by_id(request->jurisdiction_id);
  auto regime = RegimeRepository::find(*connection, request->regime_id);
  if (!institution || !jurisdiction || !regime) return not_found(folio);
  BusinessCalendar calendar = calendar_for(*connection, jurisdiction->code);
  BusinessCount response = calendar.add_business_days(request->received_on, std::max(1, regime->days(TermKind::response)));
  return RequestDocument{*request, *institution, *jurisdiction, *regime, std::move(response),
                         RequestRepository::events(*connection, request->id)};
}

Result<Paged<InformationRequest>> RequestService::search(const RequestQuery& query, const Slice& slice) {
  RequestFilter filter;
  if (!trim(query.jurisdiction).empty()) {
    auto place = jurisdictions_.find(trim(query.jurisdiction));
    if (!place) return place.error();
    filter.jurisdiction_id = place->id;
  }
  filter.institution_id = query.institution_id;
  if (!trim(query.status).empty()) {
    filter.status = parse_status(trim(query.status));
    if (!filter.status) return Error{ErrorKind::bad_request, say(Msg::status_filter_field), {{"status", say(Msg::status_filter_field)}}};
  }
  auto connection = database_.connect();
  if (!trim(query.text).empty()) {
    // The best 1,000 matches, then the filters.
    filter.ids = store::SearchIndex::search(*connection, kSearchKind, query.text, 1000, 0).ids;
  }
  return RequestRepository::list(*connection, filter, slice);
}

std::vector<Regime> RequestService::regimes() {
  auto connection = database_.connect();
  return RegimeRepository::all(*connection);
}

Result<Regime> RequestService::regime(int64_t id) {
  auto connection = database_.connect();
  auto regime = RegimeRepository::find(*connection, id);
  if (!regime) return Error::not_found(say(Msg::regime_not_found, id));
  return *regime;
}

Result<Regime> RequestService::checked_regime(const RegimeInput& input, Regime regime) {
  Validation validation;
  regime.name = trim(input.name);
  regime.jurisdiction_code = trim(input.jurisdiction_code);
  regime.effective_from = trim(input.effective_from);
  regime.effective_to = trim(input.effective_to);
  regime.guarantor = trim(input.guarantor);
  regime.legal_basis = trim(input.legal_basis);
  regime.verified = input.verified;
  validation.require(!regime.name.empty() && utf8_length(regime.name) <= 300 && is_valid_utf8(regime.name), "name",
                     say(Msg::regime_name_field));
  if (!regime.jurisdiction_code.empty()) {
    auto place = jurisdictions_.find(regime.jurisdiction_code);
    if (place) regime.jurisdiction_code = place->code;
    else validation.fail("jurisdiction_code", place.error().message);
  }
  validation.require(is_iso_date(regime.effective_from), "effective_from", say(Msg::effective_from_field));
  validation.require(regime.effective_to.empty() ||
                         (is_iso_date(regime.effective_to) && regime.effective_to >= regime.effective_from),
                     "effective_to", say(Msg::effective_to_field));
  validation.require(!regime.guarantor.empty() && utf8_length(regime.guarantor) <= 1000 && is_valid_utf8(regime.guarantor),
                     "guarantor", say(Msg::guarantor_field));
  validation.require(!regime.legal_basis.empty() && utf8_length(regime.legal_basis) <= 4000 &&
                         is_valid_utf8(regime.legal_basis),
                     "legal_basis", say(Msg::legal_basis_field));
  std::string offset = trim(input.utc_offset_minutes);
  if (!offset.empty()) {
    if (std::regex_match(offset, std::regex("-?[0-9]{1,3}")) && std::stoi(offset) >= -720 && std::stoi(offset) <= 840) {
      regime.utc_offset_minutes = std::stoi(offset);
    } else {
      validation.fail("utc_offset_minutes", say(Msg::utc_offset_field));
    }
  }
  for (TermKind kind : all_terms()) {
    std::string name(term_name(kind));
    auto value = input.term_values.find(name);
    if (value == input.term_values.end() && regime.terms.count(kind)) continue;  // kept as it was
    std::string typed = value == input.term_values.end() ? "" : trim(value->second);
    if (!std::regex_match(typed, std::regex("[0-9]{1,3}")) || std::stoi(typed) > 365) {
      validation.fail("terms." + name, say(Msg::term_field));
      continue;
    }
    auto article = input.term_articles.find(name);
    regime.terms[kind] = Term{std::stoi(typed), article == input.term_articles.end() ? regime.term(kind).article
                                                                                    : trim(article->second).substr(0, 60)};
  }
  if (regime.terms.count(TermKind::response) && regime.terms[TermKind::response].value < 1) {
    validation.fail("terms.response", say(Msg::term_field));
  }
  if (!validation.ok()) return validation.error();
  return regime;
}

Result<Regime> RequestService::add_regime(const Actor& actor, const RegimeInput& input) {
  if (auto error = request_permissions().check(actor, RequestAction::manage_regimes)) return *error;
  Regime regime;
  regime.code = trim(input.code);
  auto checked = checked_regime(input, regime);
  bool code_ok = std::regex_match(regime.code, std::regex("[a-z0-9-]{3,60}"));
  if (!checked || !code_ok) {
    Validation validation;
    if (!code_ok) validation.fail("code", say(Msg::code_field));
    if (!checked) {
      for (const auto& field : checked.error().fields) validation.fail(field.field, field.message);
    }
    return validation.error();
  }
  auto connection = database_.connect();
  if (RegimeRepository::by_code(*connection, regime.code)) return Error::invalid(say(Msg::code_taken), {{"code", say(Msg::code_taken)}});
  store::Transaction transaction(*connection);
  checked->id = RegimeRepository::insert(*connection, *checked);
  auto stored = RegimeRepository::find(*connection, checked->id);
  audit::AuditLog::append_public(*connection, actor, "create", "request_regime", stored->id, std::nullopt, nullptr,
                                 stored->to_json());
  transaction.commit();
  return *stored;
}

Result<Regime> RequestService::amend_regime(const Actor& actor, int64_t id, int64_t version, const RegimeInput& input) {
  if (auto error = request_permissions().check(actor, RequestAction::manage_regimes)) return *error;
  auto connection = database_.connect();
  auto before = RegimeRepository::find(*connection, id);
  if (!before) return Error::not_found(say(Msg::regime_not_found, id));
  Regime read = *before;
  read.version = version;
  auto checked = checked_regime(input, read);
  if (!checked) return checked.error();
  store::Transaction transaction(*connection);
  if (!RegimeRepository::update(*connection, *checked)) return Error::conflict(say(Msg::regime_changed_meanwhile));
  auto after = RegimeRepository::find(*connection, id);
  audit::AuditLog::append_public(*connection, actor, "update", "request_regime", id, std::nullopt, before->to_json(),
                                 after->to_json());
  transaction.commit();
  return *after;
}

std::vector<ClosedDaysRow> RequestService::closed_days() {
  auto connection = database_.connect();
  return ClosedDaysRepository::all(*connection);
}

Result<int64_t> RequestService::add_closed_days(const Actor& actor, const ClosedDaysInput& input) {
  if (auto error = request_permissions().check(actor, RequestAction::manage_calendar)) return *error;
  Validation validation;
  ClosedDays days{trim(input.from), trim(input.to), DayOff::non_working, trim(input.basis)};
  std::string code;
  if (!trim(input.jurisdiction).empty()) {
    auto place = jurisdictions_.find(trim(input.jurisdiction));
    if (place) code = place->code;
    else validation.fail("jurisdiction", place.error().message);
  }
  validation.require(is_iso_date(days.from), "from", say(Msg::closed_from_field));
  validation.require(is_iso_date(days.to) && days.to >= days.from, "to", say(Msg::closed_to_field));
  if (is_iso_date(days.from) && is_iso_date(days.to) && days.to >= days.from) {
    validation.require(days_between(days.from, days.to) < 366, "to", say(Msg::closed_span_field));
  }
  std::string kind = trim(input.kind);
  validation.require(kind == "non_working" || kind == "suspension", "kind", say(Msg::closed_kind_field));
  if (kind == "suspension") days.kind = DayOff::suspension;
  validation.require(!days.basis.empty() && utf8_length(days.basis) <= 1000 && is_valid_utf8(days.basis), "basis",
                     say(Msg::closed_basis_field));
  if (!validation.ok()) return validation.error();

  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  int64_t id = ClosedDaysRepository::insert(*connection, code, days, actor.display_name);
  audit::AuditLog::append_public(*connection, actor, "create", "closed_days", id, std::nullopt, nullptr,
                                 {{"jurisdiction_code", code}, {"from", days.from}, {"to", days.to},
                                  {"kind", kind}, {"basis", days.basis}});
  // Every open request of the jurisdictions it closes is counted again.
  std::map<std::string, BusinessCalendar> calendars;
  std::map<int64_t, Regime> regimes;
  int64_t moved = 0;
  for (const auto& request : RequestRepository::open_in(*connection, code)) {
    auto jurisdiction = jurisdictions_.by_id(request.jurisdiction_id);
    if (!jurisdiction) continue;
    auto calendar = calendars.find(jurisdiction->code);
    if (calendar == calendars.end()) {
      calendar = calendars.emplace(jurisdiction->code, calendar_for(*connection, jurisdiction->code)).first;
    }
    if (!regimes.count(request.regime_id)) regimes[request.regime_id] = *RegimeRepository::find(*connection, request.regime_id);
    int term = std::max(1, regimes[request.regime_id].days(TermKind::response));
    std::string due = calendar->second.add_business_days(request.received_on, term).due;
    if (due == request.response_due_on) continue;
    if (!RequestRepository::set_due_date(*connection, request, due)) continue;  // changed meanwhile: counted by its own step
    RequestRepository::add_event(*connection, {0, request.id, "due_date_moved", now_(), actor.display_name,
                                               say(Msg::due_moved_event, request.response_due_on, due, days.basis), due});
    ++moved;
  }
  transaction.commit();
  return moved;
}

}  // namespace apertura::requests
