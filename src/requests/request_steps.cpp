// RequestService: working a request (the unit's steps, the requester's clarification, the queue, the daily jobs, the answers' files).
#include <algorithm>
#include <map>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/date_text.h"
#include "core/document_upload.h"
#include "core/number_text.h"
#include "core/text.h"
#include "requests/cost_repository.h"
#include "requests/messages.h"
#include "requests/request_rules.h"
#include "requests/request_service.h"
#include "store/rate_events.h"

namespace apertura::requests {

std::string RequestService::today_for(const Regime& regime) const {
  return local_date(now_(), regime.utc_offset_minutes);
}

bool RequestService::may_work(const Actor& actor, const InformationRequest& request) const {
  if (!request_permissions().allows(actor, RequestAction::work, request.jurisdiction_id)) return false;
  return actor.role != Role::official || actor.institution_id == request.institution_id;
}

Result<std::vector<RequestFile>> RequestService::checked_files(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<RequestFile> checked;
  if (files.empty()) return checked;
  if (!files_) return Error::invalid(say(Msg::files_only_with_answer), {{"files", say(Msg::files_only_with_answer)}});
  if (files.size() > kMaxAnswerFiles) {
    return Error::invalid(say(Msg::too_many_files, kMaxAnswerFiles), {{"files", say(Msg::too_many_files, kMaxAnswerFiles)}});
  }
  for (const auto& [name, data] : files) {
    auto type = check_document_upload(name, data);
    if (!type) {
      std::string message = say(Msg::file_refused, name.empty() ? "?" : name, type.error().fields.front().message);
      return Error::invalid(message, {{"files", message}});
    }
    RequestFile file;
    file.file_name = safe_file_name(name, "respuesta");
    file.content_type = *type;
    file.size = static_cast<int64_t>(data.size());
    checked.push_back(std::move(file));
  }
  return checked;
}

void RequestService::store_files(store::Connection& connection, int64_t request_id, std::vector<RequestFile>& files,
                                 const std::vector<std::pair<std::string, std::string>>& data,
                                 const std::string& event_kind) {
  for (size_t i = 0; i < files.size(); ++i) {
    files[i].request_id = request_id;
    files[i].event_kind = event_kind;
    files[i].sha256 = files_->save(connection, data[i].second);
    files[i].storage = files_->kind();
    files[i].created_at = now_();
    files[i].id = RequestRepository::insert_file(connection, files[i]);
  }
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
  if (!input.files.empty() && action != "answer") {
    return Error::invalid(say(Msg::files_only_with_answer), {{"files", say(Msg::files_only_with_answer)}});
  }
  auto attached = checked_files(input.files);
  if (!attached) return attached.error();
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
  // What the answer's copies cost, when the unit reproduces something.
  std::optional<RequestCost> cost;
  if (action == "answer") {
    auto priced = priced_delivery(*connection, input, request, *regime, calendar, *jurisdiction);
    if (!priced) return priced.error();
    cost = *priced;
  } else if (!trim(input.pages).empty() || !trim(input.media).empty() || input.shipping) {
    return Error::invalid(say(Msg::cost_only_when_delivering), {{"pages", say(Msg::cost_only_when_delivering)}});
  }
  if (cost) {
    note += cost->status == CostStatus::awaiting_payment
                ? say(Msg::cost_to_pay_suffix, cents_text(cost->quote.amount_cents), date_es(cost->payment_due_on))
                : say(Msg::cost_free_suffix, date_es(cost->available_until));
  }

  std::vector<std::string> requester = mail_.requester_addresses(request);
  store::Transaction transaction(*connection);
  if (!RequestRepository::update_state(*connection, request)) return Error::conflict(say(Msg::request_changed_meanwhile));
  RequestRepository::add_event(*connection, {0, request.id, kind, now_(), institution->name, note, request.response_due_on});
  store_files(*connection, request.id, *attached, input.files, kind);
  if (cost) CostRepository::insert(*connection, *cost);
  mail_.step(*connection, request, note, requester);
  audit::AuditLog::append_public(*connection, actor, kind, "information_request", request.id, request.jurisdiction_id,
                                 before.to_audit_json(), request.to_audit_json());
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
  if (!is_requester(actor, request) && !requester_key_matches(request, key)) return Error::invalid(say(Msg::key_wrong), {{"key", say(Msg::key_wrong)}});
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
                                 before.to_audit_json(), request.to_audit_json());
  transaction.commit();
  if (too_late) return Error::invalid(note, {{"text", note}});
  return *RequestRepository::by_folio(*connection, folio);
}

Result<std::vector<InformationRequest>> RequestService::open_requests_of(int64_t institution_id) {
  if (!jurisdictions_.institution(institution_id)) return Error::not_found(say(Msg::institution_field));
  auto connection = database_.connect();
  return RequestRepository::queue(*connection, institution_id, std::nullopt);
}

std::string RequestService::today_in(store::Connection& connection, const std::string& jurisdiction_code) {
  std::string today = now_().substr(0, 10);
  auto regime = RegimeRepository::in_force(connection, jurisdiction_code, today);
  return regime ? today_for(*regime) : today;
}

const BusinessCalendar& RequestService::calendar_of(store::Connection& connection,
                                                    std::map<int64_t, BusinessCalendar>& cache, int64_t jurisdiction_id) {
  auto calendar = cache.find(jurisdiction_id);
  if (calendar == cache.end()) {
    auto jurisdiction = jurisdictions_.by_id(jurisdiction_id);
    calendar = cache.emplace(jurisdiction_id, calendar_for(connection, jurisdiction ? jurisdiction->code : "")).first;
  }
  return calendar->second;
}

int64_t RequestService::close_unclarified() {
  auto connection = database_.connect();
  std::string today = today_in(*connection, "");
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
                                   request.jurisdiction_id, before.to_audit_json(), request.to_audit_json());
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
  std::string today = today_in(*connection, "");
  std::map<int64_t, std::vector<std::pair<InformationRequest, int>>> by_institution;
  std::map<int64_t, BusinessCalendar> calendars;
  for (auto& request : RequestRepository::open_due_by(*connection, add_days(today, 9))) {
    int left = calendar_of(*connection, calendars, request.jurisdiction_id).business_days_left(today, request.running_due_on());
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
    if (!names.count(request.institution_id)) {
      auto found = jurisdictions_.institution(request.institution_id);
      names[request.institution_id] = found ? found->name : "";
    }
    auto today = today_by_regime.find(request.regime_id);
    if (today == today_by_regime.end()) {
      auto regime = RegimeRepository::find(*connection, request.regime_id);
      today = today_by_regime.emplace(request.regime_id, regime ? today_for(*regime) : now_().substr(0, 10)).first;
    }
    int left = calendar_of(*connection, calendars, request.jurisdiction_id)
                   .business_days_left(today->second, request.running_due_on());
    std::string name = names[request.institution_id];
    items.push_back({std::move(request), std::move(name), left});
  }
  // The term that runs now: a request waiting for clarification is due by its requester's day.
  std::stable_sort(items.begin(), items.end(),
                   [](const QueueItem& a, const QueueItem& b) { return a.business_days_left < b.business_days_left; });
  return items;
}

}  // namespace apertura::requests
