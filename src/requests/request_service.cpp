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
#include "requests/cost_repository.h"
#include "requests/messages.h"
#include "requests/request_rules.h"
#include "store/rate_events.h"
#include "store/server_secrets.h"
#include "store/search_index.h"

namespace apertura::requests {

namespace {

constexpr size_t kMaxInstitutions = 33;  // as the national platform allows
// "SSJ" from the institution's acronym; without one, the initials of its
// name's words that are not articles or prepositions ("Congreso del Estado
// de Jalisco": "CEJ"); "I12" when neither fits. Institutions sharing a prefix
// share its numbers, so folios stay unique.
std::string folio_part(const jurisdictions::Institution& institution) {
  auto letters = [](std::string_view text) {
    std::string out;
    for (char c : text) {
      if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
  };
  std::string part = letters(institution.acronym);
  if (part.empty()) {
    static const std::set<std::string> small = {"de", "del", "la", "las", "el", "los", "y", "e", "para", "en", "a"};
    std::string word;
    for (char c : fold_for_search(institution.name) + " ") {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        word += c;
      } else if (!word.empty()) {
        if (!small.count(word)) part += letters(word.substr(0, 1));
        word.clear();
      }
    }
  }
  if (part.size() < 2 || part.size() > 12) part = "I" + std::to_string(institution.id);
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

std::string RequestService::human_key() {
  std::lock_guard lock(human_key_mutex_);
  if (human_key_.empty()) human_key_ = store::server_secret(*database_.connect(), "human_check");
  return human_key_;
}

int64_t RequestService::now_seconds() const {
  auto now = parse_timestamp(now_());
  return now ? std::chrono::duration_cast<std::chrono::seconds>(now->time_since_epoch()).count() : 0;
}

HumanChallenge RequestService::human_challenge() {
  return issue_human_challenge(human_key(), now_seconds(), limits_.proof_bits);
}

Result<std::string> RequestService::checked_proof(store::Connection& connection, const HumanProof& proof) {
  auto check = check_human(human_key(), proof.token, proof.nonce, proof.answer, now_seconds(),
                           limits_.proof_max_age_seconds);
  std::string subject = "proof:" + check.id;
  if (check.result == HumanCheckResult::passed &&
      store::RateEvents::count_since(connection, subject, "0000-01-01T00:00:00Z") > 0) {
    check.result = HumanCheckResult::expired;  // used already: a copied form
  }
  switch (check.result) {
    case HumanCheckResult::passed: return subject;
    case HumanCheckResult::expired:
      return Error::invalid(say(Msg::proof_expired), {{"proof_answer", say(Msg::proof_expired)}});
    default: return Error::invalid(say(Msg::proof_failed), {{"proof_answer", say(Msg::proof_failed)}});
  }
}

bool RequestService::is_topic(store::Connection& connection, const std::string& slug) {
  for (const auto& [known, name] : RequestRepository::topics(connection)) {
    if (known == slug) return true;
  }
  return false;
}

std::vector<std::pair<std::string, std::string>> RequestService::topics() {
  auto connection = database_.connect();
  return RequestRepository::topics(*connection);
}

Result<InformationRequest> RequestService::set_topic(const Actor& actor, const std::string& folio,
                                                     const std::string& topic_in, int64_t version) {
  if (auto error = request_permissions().check(actor, RequestAction::work)) return *error;
  auto connection = database_.connect();
  auto request = RequestRepository::by_folio(*connection, folio);
  if (!request) return not_found(folio);
  if (!may_work(actor, *request)) return Error::forbidden(say(Msg::not_your_institution));
  std::string topic = trim(topic_in);
  if (!topic.empty() && !is_topic(*connection, topic)) return Error::invalid(say(Msg::topic_field), {{"topic", say(Msg::topic_field)}});
  if (version >= 0 && version != request->version) return Error::conflict(say(Msg::request_changed_meanwhile));
  InformationRequest after = *request;
  after.topic = topic;
  store::Transaction transaction(*connection);
  if (!RequestRepository::set_topic(*connection, *request, topic)) return Error::conflict(say(Msg::request_changed_meanwhile));
  audit::AuditLog::append_public(*connection, actor, "topic_set", "information_request", request->id,
                                 request->jurisdiction_id, request->to_audit_json(), after.to_audit_json());
  transaction.commit();
  return *RequestRepository::by_folio(*connection, folio);
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
bool RequestService::may_manage_guarantors(const Actor& actor, std::optional<int64_t> jurisdiction_id) const {
  if (jurisdiction_id) return request_permissions().allows(actor, RequestAction::manage_guarantors, *jurisdiction_id);
  return request_permissions().allows(actor.role, RequestAction::manage_guarantors);
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
  auto connection = database_.connect();
  base.topic = trim(input.topic);
  if (!base.topic.empty() && !is_topic(*connection, base.topic)) validation.fail("topic", say(Msg::topic_field));
  if (!validation.ok()) return validation.error();

  base.filed_at = now_();
  // One key for the cases of one filing, shown to the requester once.
  base.requester_key = random_token(12);
  base.requester_key_hash = sha256_hex(base.requester_key);
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
  // The portal's form asks a person without an account to prove it, once per challenge.
  if (input.proof && !actor.signed_in()) {
    auto used = checked_proof(*connection, *input.proof);
    if (!used.ok()) return used.error();
    counted.push_back(*used);
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
    index_for_search(*connection, request, institution->name);
    audit::AuditLog::append_public(*connection, actor, "create", "information_request", request.id,
                                   request.jurisdiction_id, nullptr, request.to_audit_json());
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
  std::string today = today_for(*regime);
  bool overdue = is_open(request->status) && request->status != RequestStatus::clarification_requested &&
                 today > request->response_due_on;
  auto appeal = AppealRepository::by_request(*connection, request->id);
  std::string appeal_until = appeal ? "" : appeal_deadline(calendar, *regime, *request);
  if (appeal_until < today) appeal_until.clear();
  auto cost = CostRepository::of_request(*connection, request->id);
  std::string payment_instructions;
  if (cost && cost->fee_schedule_id) {
    if (auto schedule = CostRepository::schedule(*connection, *cost->fee_schedule_id)) {
      payment_instructions = schedule->payment_instructions;
    }
  }
  return RequestDocument{*request,
                         *institution,
                         *jurisdiction,
                         *regime,
                         std::move(response),
                         RequestRepository::events(*connection, request->id),
                         RequestRepository::files(*connection, request->id),
                         term_end(calendar, *regime, TermKind::clarification_issue, request->received_on),
                         term_end(calendar, *regime, TermKind::incompetence, request->received_on),
                         overdue,
                         std::move(appeal),
                         std::move(appeal_until),
                         guarantor_of(*connection, *request, *regime).name,
                         std::move(cost),
                         std::move(payment_instructions)};
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
  if (!trim(query.topic).empty()) {
    filter.topic = trim(query.topic);
    if (!is_topic(*connection, filter.topic)) {
      return Error{ErrorKind::bad_request, say(Msg::topic_filter_field), {{"topic", say(Msg::topic_filter_field)}}};
    }
  }
  if (!trim(query.text).empty()) {
    bool only_place = !filter.institution_id && !filter.status && !filter.outcome && filter.topic.empty() &&
                      filter.received_from.empty() && filter.received_to.empty();
    if (only_place) {
      // The index filters by state itself: it reads just the page, and counts.
      auto hits = store::SearchIndex::newest(*connection, kRequestSearchKind, query.text, filter.jurisdiction_id,
                                             slice.limit, slice.offset);
      filter.ids = hits.ids;
      auto page = RequestRepository::list(*connection, filter, {slice.limit, 0});
      page.total = hits.total;
      page.total_is_lower_bound = hits.total_is_lower_bound;
      return page;
    }
    // The newest 1,000 matches, then the other filters.
    filter.ids = store::SearchIndex::newest(*connection, kRequestSearchKind, query.text, filter.jurisdiction_id, 1000, 0).ids;
  } else if (!trim(query.similar_to).empty()) {
    filter.ids = store::SearchIndex::search(*connection, kRequestSearchKind, telling_words(query.similar_to), 200, 0,
                                            store::Match::any_word).ids;
  }
  return RequestRepository::list(*connection, filter, slice);
}

}  // namespace apertura::requests
