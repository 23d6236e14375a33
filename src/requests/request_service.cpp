#include "requests/request_service.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <regex>
#include <set>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/date_text.h"
#include "core/document_upload.h"
#include "core/text.h"
#include "requests/messages.h"
#include "store/rate_events.h"
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

// The words of a request that tell it from others: long enough to mean
// something, without the words every request uses, at most twelve.
std::string telling_words(const std::string& text) {
  static const std::set<std::string> common = {"solicito", "solicita", "solicitud", "quiero", "quisiera", "saber",
                                               "conocer", "informacion", "copia", "copias", "favor", "sobre",
                                               "cuales", "cuantos", "cuantas", "donde", "durante", "desde", "hasta",
                                               "entre", "todos", "todas", "estos", "estas", "tiene", "tienen", "quien", "quienes"};
  std::string words;
  int taken = 0;
  for (const auto& term : store::SearchIndex::query_terms(text)) {
    if (term.size() < 5 || common.count(term) || words.find(" " + term + " ") != std::string::npos) continue;
    words += " " + term + " ";
    if (++taken == 12) break;
  }
  return words;
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

std::optional<Error> checked_text(const std::string& text) {
  if (utf8_length(text) >= 10 && utf8_length(text) <= 20000 && is_valid_utf8(text)) return std::nullopt;
  return Error::invalid(say(Msg::action_text_field), {{"text", say(Msg::action_text_field)}});
}

}  // namespace

RequestService::RequestService(store::Database& database, jurisdictions::JurisdictionService& jurisdictions, Clock now,
                               Correspondents correspondents, FilingLimits limits, store::FileStore* files)
    : database_(database),
      jurisdictions_(jurisdictions),
      now_(now ? std::move(now) : Clock(now_timestamp)),
      mail_(std::move(correspondents)),
      limits_(limits),
      files_(files) {}

Result<std::vector<std::string>> RequestService::filing_quota(store::Connection& c, const Actor& actor,
                                                              const FilingInput& input) {
  std::vector<std::string> subjects;
  auto now = parse_timestamp(now_());
  if (!now) return subjects;
  std::string hour_ago = format_timestamp(*now - std::chrono::hours(1));
  std::string day_ago = format_timestamp(*now - std::chrono::hours(24));
  struct Limit {
    std::string subject;
    const std::string& since;
    int limit;
  };
  std::vector<Limit> limits;
  if (actor.user_id) {
    limits.push_back({"filing:account:" + std::to_string(*actor.user_id), day_ago, limits_.per_account_day});
  } else if (!input.remote_address.empty()) {
    limits.push_back({"filing:address:" + input.remote_address, hour_ago, limits_.per_address_hour});
    limits.push_back({"filing:address:" + input.remote_address, day_ago, limits_.per_address_day});
  }
  for (int64_t id : input.institution_ids) {
    limits.push_back({"filing:institution:" + std::to_string(id), day_ago, limits_.per_institution_day});
  }
  for (const auto& limit : limits) {
    if (store::RateEvents::count_since(c, limit.subject, limit.since) >= limit.limit) {
      bool institution = limit.subject.rfind("filing:institution:", 0) == 0;
      return Error{ErrorKind::too_many_requests,
                   institution ? say(Msg::institution_rate_limited) : say(Msg::filing_rate_limited), {}};
    }
    if (std::find(subjects.begin(), subjects.end(), limit.subject) == subjects.end()) subjects.push_back(limit.subject);
  }
  store::RateEvents::forget_before(c, format_timestamp(*now - std::chrono::hours(48)));
  return subjects;
}

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
  // One key for the cases of one filing, shown to the requester once.
  base.requester_key = random_token(12);
  base.requester_key_hash = sha256_hex(base.requester_key);
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
    request.term_start_on = request.received_on;
    BusinessCount response = response_count(calendar, *regime, request);
    request.response_due_on = response.due;
    cases.push_back({std::move(request), &institution, std::move(response)});
  }

  // The addresses too, before the transaction: the accounts domain reads on its own connection.
  std::vector<std::string> requester = mail_.requester_addresses(base);
  std::vector<std::vector<std::string>> units;
  for (const auto& item : cases) units.push_back(mail_.unit_addresses(item.request));

  // Staff typing in a request that came in person or by phone are not limited.
  std::vector<std::string> counted;
  if (base.channel == Channel::web) {
    auto quota = filing_quota(*connection, actor, input);
    if (!quota.ok()) return quota.error();
    counted = *quota;
  }

  std::vector<InformationRequest> filed;
  store::Transaction transaction(*connection);
  for (const auto& subject : counted) store::RateEvents::record(*connection, subject, base.filed_at);
  size_t index = 0;
  for (auto& [request, institution, response] : cases) {
    std::string prefix = folio_prefix(request.received_on, *institution);
    request.folio = folio_of(prefix, RequestRepository::next_folio_number(*connection, prefix));
    request.id = RequestRepository::insert(*connection, request);
    request.created_at = request.updated_at = request.filed_at;
    RequestRepository::add_event(*connection, {0, request.id, "filed", request.filed_at, channel_label_es(request.channel),
                                               say(Msg::filed_event, date_es(request.received_on), response.days),
                                               request.response_due_on});
    store::SearchIndex::upsert(*connection, {kSearchKind, request.id, request.jurisdiction_id,
                                             institution->name, request.description + "\n" + request.location_hint});
    audit::AuditLog::append_public(*connection, actor, "create", "information_request", request.id,
                                   request.jurisdiction_id, nullptr, request.to_public_json());
    mail_.filed(*connection, request, institution->name, requester, units[index++]);
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
  BusinessCount response = response_count(calendar, *regime, *request);
  bool overdue = is_open(request->status) && request->status != RequestStatus::clarification_requested &&
                 today_for(*regime) > request->response_due_on;
  return RequestDocument{*request,
                         *institution,
                         *jurisdiction,
                         *regime,
                         std::move(response),
                         RequestRepository::events(*connection, request->id),
                         RequestRepository::files(*connection, request->id),
                         overdue};
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
  if (!trim(query.outcome).empty()) {
    filter.outcome = parse_outcome(trim(query.outcome));
    if (!filter.outcome) return Error{ErrorKind::bad_request, say(Msg::outcome_filter_field), {{"outcome", say(Msg::outcome_filter_field)}}};
  }
  for (const auto& [value, field, target] : {std::tuple{trim(query.from), "from", &filter.received_from},
                                              std::tuple{trim(query.to), "to", &filter.received_to}}) {
    if (value.empty()) continue;
    if (!is_iso_date(value)) return Error{ErrorKind::bad_request, say(Msg::date_filter_field), {{field, say(Msg::date_filter_field)}}};
    *target = value;
  }
  auto connection = database_.connect();
  if (!trim(query.text).empty()) {
    // The best 1,000 matches, then the filters.
    filter.ids = store::SearchIndex::search(*connection, kSearchKind, query.text, 1000, 0).ids;
  } else if (!trim(query.similar_to).empty()) {
    filter.ids = store::SearchIndex::search(*connection, kSearchKind, telling_words(query.similar_to), 200, 0,
                                            store::Match::any_word).ids;
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
    // A request waiting for its requester's clarification has no running
    // response term; its clarification term is not moved (yet).
    if (request.status == RequestStatus::clarification_requested) continue;
    std::string due = response_count(calendar->second, regimes[request.regime_id], request).due;
    if (due == request.response_due_on) continue;
    if (!RequestRepository::set_due_date(*connection, request, due)) continue;  // changed meanwhile: counted by its own step
    RequestRepository::add_event(*connection, {0, request.id, "due_date_moved", now_(), actor.display_name,
                                               say(Msg::due_moved_event, date_es(request.response_due_on), date_es(due), days.basis), due});
    ++moved;
  }
  transaction.commit();
  return moved;
}

std::string RequestService::today_for(const Regime& regime) const {
  return local_date(now_(), regime.utc_offset_minutes);
}

bool RequestService::may_work(const Actor& actor, const InformationRequest& request) const {
  if (!request_permissions().allows(actor, RequestAction::work, request.jurisdiction_id)) return false;
  return actor.role != Role::official || actor.institution_id == request.institution_id;
}

bool RequestService::is_requester(const Actor& actor, const InformationRequest& request) const {
  return actor.user_id && request.requester_id == actor.user_id;
}

Result<InformationRequest> RequestService::work(const Actor& actor, const std::string& folio, const WorkInput& input) {
  if (auto error = request_permissions().check(actor, RequestAction::work)) return *error;
  auto connection = database_.connect();
  auto found = RequestRepository::by_folio(*connection, folio);
  if (!found) return not_found(folio);
  InformationRequest request = *found;
  const InformationRequest before = request;
  if (!may_work(actor, request)) return Error::forbidden(say(Msg::not_your_institution));
  if (input.version >= 0 && input.version != request.version) return Error::conflict(say(Msg::request_changed_meanwhile));
  std::string action = trim(input.action);
  if (action != "clarify" && action != "extend" && action != "not_competent" && action != "answer") {
    return Error::invalid(say(Msg::action_field), {{"action", say(Msg::action_field)}});
  }
  std::string text = trim(input.text);
  if (auto error = checked_text(text)) return *error;
  // Documents come only with an answer; each is checked before anything is written.
  std::vector<RequestFile> attached;
  if (!input.files.empty()) {
    if (action != "answer" || !files_) return Error::invalid(say(Msg::files_only_with_answer), {{"files", say(Msg::files_only_with_answer)}});
    if (input.files.size() > kMaxAnswerFiles) {
      return Error::invalid(say(Msg::too_many_files, kMaxAnswerFiles), {{"files", say(Msg::too_many_files, kMaxAnswerFiles)}});
    }
    for (const auto& [name, data] : input.files) {
      auto type = check_document_upload(name, data);
      if (!type) {
        std::string message = say(Msg::file_refused, name.empty() ? "?" : name, type.error().fields.front().message);
        return Error::invalid(message, {{"files", message}});
      }
      RequestFile file;
      file.request_id = request.id;
      file.file_name = safe_file_name(name, "respuesta");
      file.content_type = *type;
      file.size = static_cast<int64_t>(data.size());
      attached.push_back(std::move(file));
    }
  }
  if (!is_open(request.status)) return Error::conflict(say(Msg::not_open, status_label_es(request.status)));
  auto regime = RegimeRepository::find(*connection, request.regime_id);
  auto jurisdiction = jurisdictions_.by_id(request.jurisdiction_id);
  auto institution = jurisdictions_.institution(request.institution_id);
  if (!regime || !jurisdiction || !institution) return not_found(folio);
  BusinessCalendar calendar = calendar_for(*connection, jurisdiction->code);
  std::string today = today_for(*regime);
  std::string late = today > request.response_due_on ? say(Msg::late_suffix, date_es(request.response_due_on)) : "";
  std::string kind;
  std::string note;
  if (action == "clarify") {
    if (!request.clarification_asked_on.empty() || request.status != RequestStatus::received) {
      return refused(say(Msg::clarify_once));
    }
    std::string limit = term_end(calendar, *regime, TermKind::clarification_issue, request.received_on);
    if (today > limit) {
      return refused(say(Msg::clarify_too_late, date_es(limit), regime->days(TermKind::clarification_issue)));
    }
    request.status = RequestStatus::clarification_requested;
    request.clarification_asked_on = today;
    request.clarification_due_on = term_end(calendar, *regime, TermKind::clarification_answer, today);
    kind = "clarification_requested";
    note = say(Msg::clarification_requested_event, text, date_es(request.clarification_due_on));
  } else if (action == "extend") {
    if (request.extended_days > 0) return refused(say(Msg::extend_once));
    if (request.status != RequestStatus::received) {
      return refused(say(Msg::not_open, status_label_es(request.status)));
    }
    if (today > request.response_due_on) {
      return refused(say(Msg::extend_too_late, date_es(request.response_due_on)));
    }
    std::string reference = trim(input.reference);
    if (reference.empty() || utf8_length(reference) > 300 || !is_valid_utf8(reference)) {
      return Error::invalid(say(Msg::reference_field), {{"reference", say(Msg::reference_field)}});
    }
    request.status = RequestStatus::extended;
    request.extended_days = std::max(1, regime->days(TermKind::extension));
    request.response_due_on = response_count(calendar, *regime, request).due;
    kind = "extended";
    note = say(Msg::extended_event, request.extended_days, reference, text, date_es(request.response_due_on));
  } else if (request.status == RequestStatus::clarification_requested) {
    return refused(say(Msg::not_open, status_label_es(request.status)));
  } else if (action == "not_competent") {
    std::string limit = term_end(calendar, *regime, TermKind::incompetence, request.received_on);
    request.status = RequestStatus::not_competent;
    request.answered_on = today;
    request.answered_late = today > limit;
    kind = "not_competent";
    note = say(Msg::not_competent_event, text) + (today > limit ? say(Msg::late_suffix, date_es(limit)) : "");
  } else {
    auto outcome = parse_outcome(trim(input.outcome));
    if (!outcome) return Error::invalid(say(Msg::outcome_field), {{"outcome", say(Msg::outcome_field)}});
    // Inexistence and classification are the committee's to confirm.
    std::string reference = trim(input.reference);
    bool needs_committee = *outcome == Outcome::inexistent || *outcome == Outcome::classified;
    if ((needs_committee && reference.empty()) || utf8_length(reference) > 300 || !is_valid_utf8(reference)) {
      return Error::invalid(say(Msg::reference_field), {{"reference", say(Msg::reference_field)}});
    }
    request.status = RequestStatus::answered;
    request.outcome = outcome;
    request.answered_on = today;
    request.answered_late = !late.empty();
    kind = "answered";
    note = say(Msg::answered_event, outcome_label_es(*outcome), text) +
           (reference.empty() ? "" : say(Msg::committee_suffix, reference)) + late;
  }

  std::vector<std::string> requester = mail_.requester_addresses(request);
  store::Transaction transaction(*connection);
  if (!RequestRepository::update_state(*connection, request)) return Error::conflict(say(Msg::request_changed_meanwhile));
  RequestRepository::add_event(*connection, {0, request.id, kind, now_(), institution->name, note, request.response_due_on});
  for (size_t i = 0; i < attached.size(); ++i) {
    attached[i].event_kind = kind;
    attached[i].sha256 = files_->save(*connection, input.files[i].second);
    attached[i].storage = files_->kind();
    attached[i].created_at = now_();
    attached[i].id = RequestRepository::insert_file(*connection, attached[i]);
  }
  mail_.step(*connection, request, note, requester);
  audit::AuditLog::append_public(*connection, actor, kind, "information_request", request.id, request.jurisdiction_id,
                                 before.to_public_json(), request.to_public_json());
  transaction.commit();
  return *RequestRepository::by_folio(*connection, folio);
}

Result<InformationRequest> RequestService::clarify(const Actor& actor, const std::string& folio, const std::string& key,
                                                   const std::string& text_in) {
  auto connection = database_.connect();
  auto found = RequestRepository::by_folio(*connection, folio);
  if (!found) return not_found(folio);
  InformationRequest request = *found;
  const InformationRequest before = request;
  bool by_key = !trim(key).empty() && !request.requester_key_hash.empty() &&
                constant_time_equal(sha256_hex(trim(key)), request.requester_key_hash);
  if (!is_requester(actor, request) && !by_key) return Error::invalid(say(Msg::key_wrong), {{"key", say(Msg::key_wrong)}});
  if (request.status != RequestStatus::clarification_requested) {
    return Error::conflict(say(Msg::not_waiting_clarification));
  }
  auto regime = RegimeRepository::find(*connection, request.regime_id);
  auto jurisdiction = jurisdictions_.by_id(request.jurisdiction_id);
  if (!regime || !jurisdiction) return not_found(folio);
  std::string today = today_for(*regime);
  std::string kind;
  std::string note;
  bool too_late = today > request.clarification_due_on;
  if (too_late) {
    // The law's consequence: the request is taken as not filed.
    request.status = RequestStatus::not_filed;
    kind = "not_filed";
    note = say(Msg::clarification_too_late, date_es(request.clarification_due_on));
  } else {
    std::string text = trim(text_in);
    if (auto error = checked_text(text)) return *error;
    BusinessCalendar calendar = calendar_for(*connection, jurisdiction->code);
    request.status = request.extended_days > 0 ? RequestStatus::extended : RequestStatus::received;
    request.term_start_on = today;
    request.response_due_on = response_count(calendar, *regime, request).due;
    kind = "clarified";
    note = say(Msg::clarified_event, text, date_es(request.response_due_on));
  }
  std::vector<std::string> unit = too_late ? std::vector<std::string>{} : mail_.unit_addresses(request);
  store::Transaction transaction(*connection);
  if (!RequestRepository::update_state(*connection, request)) return Error::conflict(say(Msg::request_changed_meanwhile));
  RequestRepository::add_event(*connection, {0, request.id, kind, now_(), say(Msg::requester_label), note,
                                             request.response_due_on});
  mail_.step(*connection, request, note, unit);
  audit::AuditLog::append_public(*connection, actor, kind, "information_request", request.id, request.jurisdiction_id,
                                 before.to_public_json(), request.to_public_json());
  transaction.commit();
  if (too_late) return Error::invalid(note, {{"text", note}});
  return *RequestRepository::by_folio(*connection, folio);
}

Result<std::vector<InformationRequest>> RequestService::open_requests_of(int64_t institution_id) {
  if (!jurisdictions_.institution(institution_id)) return Error::not_found(say(Msg::institution_field));
  auto connection = database_.connect();
  return RequestRepository::queue(*connection, institution_id, std::nullopt);
}

int64_t RequestService::close_unclarified() {
  auto connection = database_.connect();
  std::string today = now_().substr(0, 10);
  if (auto regime = RegimeRepository::in_force(*connection, "", today)) today = today_for(*regime);
  int64_t closed = 0;
  for (auto request : RequestRepository::open_due_by(*connection, add_days(today, -1))) {
    if (request.status != RequestStatus::clarification_requested || request.clarification_due_on >= today) continue;
    const InformationRequest before = request;
    request.status = RequestStatus::not_filed;
    std::string note = say(Msg::not_clarified_event, date_es(request.clarification_due_on));
    std::vector<std::string> requester = mail_.requester_addresses(request);
    store::Transaction transaction(*connection);
    if (!RequestRepository::update_state(*connection, request)) continue;  // answered meanwhile
    RequestRepository::add_event(*connection, {0, request.id, "not_filed", now_(), say(Msg::system_label), note, ""});
    audit::AuditLog::append_public(*connection, Actor::system("plazos"), "not_filed", "information_request", request.id,
                                   request.jurisdiction_id, before.to_public_json(), request.to_public_json());
    mail_.step(*connection, request, note, requester);
    transaction.commit();
    ++closed;
  }
  return closed;
}

int64_t RequestService::remind_due_soon() {
  auto connection = database_.connect();
  // A superset first (3 business days are at most 9 calendar days, even
  // over a long weekend), then each jurisdiction's calendar decides.
  std::string today = now_().substr(0, 10);
  auto regime = RegimeRepository::in_force(*connection, "", today);
  if (regime) today = today_for(*regime);
  std::map<int64_t, std::vector<std::pair<InformationRequest, int>>> by_institution;
  std::map<int64_t, BusinessCalendar> calendars;
  for (auto& request : RequestRepository::open_due_by(*connection, add_days(today, 9))) {
    auto calendar = calendars.find(request.jurisdiction_id);
    if (calendar == calendars.end()) {
      auto jurisdiction = jurisdictions_.by_id(request.jurisdiction_id);
      calendar = calendars.emplace(request.jurisdiction_id, calendar_for(*connection, jurisdiction ? jurisdiction->code : "")).first;
    }
    const std::string& due = request.status == RequestStatus::clarification_requested ? request.clarification_due_on
                                                                                       : request.response_due_on;
    int left = due >= today ? calendar->second.business_days_between(today, due)
                            : -calendar->second.business_days_between(due, today);
    if (left <= 3) by_institution[request.institution_id].emplace_back(std::move(request), left);
  }
  int64_t queued = 0;
  for (auto& [institution_id, cases] : by_institution) {
    auto unit = mail_.unit_addresses(cases.front().first);
    auto institution = jurisdictions_.institution(institution_id);
    if (unit.empty() || !institution) continue;
    std::stable_sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    store::Transaction transaction(*connection);
    if (!RequestRepository::mark_reminded(*connection, institution_id, today)) continue;  // another server did
    mail_.due_soon(*connection, institution->name, cases, unit);
    transaction.commit();
    queued += static_cast<int64_t>(unit.size());
  }
  return queued;
}

Result<std::pair<RequestFile, std::string>> RequestService::file(const std::string& folio, int64_t id) {
  auto connection = database_.connect();
  auto request = RequestRepository::by_folio(*connection, folio);
  auto found = RequestRepository::file(*connection, id);
  if (!request || !found || found->request_id != request->id || !files_) return Error::not_found(say(Msg::file_not_found));
  auto data = files_->load(*connection, found->sha256);
  if (!data) return Error::not_found(say(Msg::file_not_found));
  return std::make_pair(*found, *data);
}

Result<std::vector<QueueItem>> RequestService::queue(const Actor& actor) {
  if (auto error = request_permissions().check(actor, RequestAction::work)) return *error;
  std::optional<int64_t> institution = actor.role == Role::official ? actor.institution_id : std::nullopt;
  if (actor.role == Role::official && !institution) return std::vector<QueueItem>{};
  auto connection = database_.connect();
  std::map<int64_t, BusinessCalendar> calendars;
  std::map<int64_t, std::string> names;
  std::map<int64_t, std::string> today_by_regime;  // "today" where the regime's clock runs
  std::vector<QueueItem> items;
  for (auto& request : RequestRepository::queue(*connection, institution, actor.jurisdiction_id)) {
    auto calendar = calendars.find(request.jurisdiction_id);
    if (calendar == calendars.end()) {
      auto jurisdiction = jurisdictions_.by_id(request.jurisdiction_id);
      calendar = calendars.emplace(request.jurisdiction_id, calendar_for(*connection, jurisdiction ? jurisdiction->code : "")).first;
    }
    if (!names.count(request.institution_id)) {
      auto found = jurisdictions_.institution(request.institution_id);
      names[request.institution_id] = found ? found->name : "";
    }
    auto today = today_by_regime.find(request.regime_id);
    if (today == today_by_regime.end()) {
      auto regime = RegimeRepository::find(*connection, request.regime_id);
      today = today_by_regime.emplace(request.regime_id, regime ? today_for(*regime) : now_().substr(0, 10)).first;
    }
    const std::string& due = request.status == RequestStatus::clarification_requested ? request.clarification_due_on
                                                                                       : request.response_due_on;
    const std::string& on = today->second;
    int left = due >= on ? calendar->second.business_days_between(on, due)
                         : -calendar->second.business_days_between(due, on);
    std::string name = names[request.institution_id];
    items.push_back({std::move(request), std::move(name), left});
  }
  // The term that runs now: a request waiting for clarification is due by its requester's day.
  std::stable_sort(items.begin(), items.end(),
                   [](const QueueItem& a, const QueueItem& b) { return a.business_days_left < b.business_days_left; });
  return items;
}

}  // namespace apertura::requests
