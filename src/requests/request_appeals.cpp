// RequestService: appeals (recursos de revisión) and the guarantors who work them.
#include <algorithm>

#include "audit/audit_log.h"
#include "core/date.h"
#include "core/date_text.h"
#include "core/text.h"
#include "requests/messages.h"
#include "requests/request_rules.h"
#include "requests/request_service.h"

namespace apertura::requests {

namespace {

Error appeal_refused(AppealStatus status) {
  std::string message = say(Msg::appeal_step_refused, appeal_status_label_es(status));
  return Error::conflict(message);
}

// The appeal as the public audit log keeps it: without the requester's reasons (see to_audit_json).
nlohmann::json appeal_audit(const Appeal& appeal) {
  nlohmann::json json = appeal.to_json();
  json.erase("reasons");
  json["request_id"] = appeal.request_id;
  return json;
}

}  // namespace

std::string RequestService::appeal_deadline(const BusinessCalendar& calendar, const Regime& regime,
                                            const InformationRequest& request) {
  if (request.status == RequestStatus::answered || request.status == RequestStatus::not_competent) {
    return term_end(calendar, regime, TermKind::appeal_filing, request.answered_on);
  }
  // Silence: the term counts from the day the response term ended.
  bool running = request.status == RequestStatus::received || request.status == RequestStatus::extended;
  if (running && today_for(regime) > request.response_due_on) {
    return term_end(calendar, regime, TermKind::appeal_filing, request.response_due_on);
  }
  return "";
}

bool RequestService::may_work_appeal(const Actor& actor, int64_t jurisdiction_id) {
  if (!request_permissions().allows(actor, RequestAction::work_appeal, jurisdiction_id)) return false;
  if (actor.role != Role::official) return true;
  auto connection = database_.connect();
  auto guarantor = AppealRepository::guarantor_of(*connection, jurisdiction_id);
  return guarantor && actor.institution_id == guarantor;
}

Result<Appeal> RequestService::appeal(const Actor& actor, const std::string& folio, const AppealInput& input) {
  if (auto error = request_permissions().check(actor, RequestAction::appeal)) return *error;
  auto connection = database_.connect();
  auto request = RequestRepository::by_folio(*connection, folio);
  if (!request) return not_found(folio);
  if (!is_requester(actor, *request) && !requester_key_matches(*request, input.key)) {
    return Error::invalid(say(Msg::key_wrong), {{"key", say(Msg::key_wrong)}});
  }
  if (auto existing = AppealRepository::by_request(*connection, request->id)) {
    return Error::conflict(say(Msg::appeal_exists, existing->number));
  }
  auto regime = RegimeRepository::find(*connection, request->regime_id);
  auto jurisdiction = jurisdictions_.by_id(request->jurisdiction_id);
  if (!regime || !jurisdiction) return not_found(folio);
  BusinessCalendar calendar = calendar_for(*connection, jurisdiction->code);
  std::string today = today_for(*regime);
  bool answered = request->status == RequestStatus::answered || request->status == RequestStatus::not_competent;
  if (!answered && !is_open(request->status)) {
    return Error::conflict(say(Msg::appeal_not_possible, status_label_es(request->status)));
  }
  std::string until = appeal_deadline(calendar, *regime, *request);
  if (until.empty()) return Error::conflict(say(Msg::appeal_not_yet, date_es(request->running_due_on())));
  if (today > until) return Error::conflict(say(Msg::appeal_too_late, date_es(until)));
  auto ground = parse_ground(trim(input.ground));
  if (!ground) return Error::invalid(say(Msg::ground_field), {{"ground", say(Msg::ground_field)}});
  if (!answered && *ground != AppealGround::no_answer) {
    return Error::invalid(say(Msg::ground_no_answer_only), {{"ground", say(Msg::ground_no_answer_only)}});
  }
  if (answered && *ground == AppealGround::no_answer) {
    return Error::invalid(say(Msg::ground_answered), {{"ground", say(Msg::ground_answered)}});
  }
  std::string reasons = trim(input.reasons);
  if (auto error = checked_text(reasons, "reasons", Msg::reasons_field)) return *error;

  Appeal appeal;
  appeal.number = "RR-" + request->folio;
  appeal.request_id = request->id;
  appeal.jurisdiction_id = request->jurisdiction_id;
  appeal.institution_id = request->institution_id;
  appeal.ground = *ground;
  appeal.reasons = reasons;
  appeal.filed_at = now_();
  appeal.received_on = calendar.on_or_after(today);
  appeal.filing_due_on = until;
  Guarantor guarantor = guarantor_of(*connection, *request, *regime);
  std::string note = say(Msg::appeal_filed_event, guarantor.name, ground_label_es(*ground), reasons);
  std::vector<std::string> recipients = mail_.unit_addresses(*request);
  if (guarantor.institution_id) {
    for (auto& address : mail_.officials_addresses(*guarantor.institution_id)) recipients.push_back(std::move(address));
  }
  store::Transaction transaction(*connection);
  appeal.id = AppealRepository::insert(*connection, appeal);
  RequestRepository::add_event(*connection, {0, request->id, "appeal_filed", appeal.filed_at, say(Msg::requester_label),
                                             note, ""});
  mail_.step(*connection, *request, note, recipients);
  audit::AuditLog::append_public(*connection, actor, "appeal_filed", "request_appeal", appeal.id,
                                 request->jurisdiction_id, nullptr, appeal_audit(appeal));
  transaction.commit();
  return *AppealRepository::by_request(*connection, request->id);
}

Result<Appeal> RequestService::work_appeal(const Actor& actor, const std::string& folio, const AppealStepInput& input) {
  auto connection = database_.connect();
  auto request = RequestRepository::by_folio(*connection, folio);
  if (!request) return not_found(folio);
  auto found = AppealRepository::by_request(*connection, request->id);
  if (!found) return Error::not_found(say(Msg::appeal_not_found, folio));
  Appeal appeal = *found;
  const Appeal before = appeal;
  std::string action = trim(input.action);
  bool guarantor_step = action == "admit" || action == "reject" || action == "extend" || action == "resolve" ||
                        action == "verify" || action == "prevent";
  if (!guarantor_step && action != "allege" && action != "report_compliance" && action != "complete") {
    return Error::invalid(say(Msg::appeal_action_field), {{"action", say(Msg::appeal_action_field)}});
  }
  // Who is acting, and for whom: the guarantor, the institution, or the requester.
  bool institution = may_work(actor, *request);
  bool requester = is_requester(actor, *request) || requester_key_matches(*request, input.key);
  if (guarantor_step) {
    if (auto error = request_permissions().check(actor, RequestAction::work_appeal)) return *error;
    if (!may_work_appeal(actor, request->jurisdiction_id)) return Error::forbidden(say(Msg::not_guarantor));
  } else if (action == "report_compliance") {
    if (auto error = request_permissions().check(actor, RequestAction::work)) return *error;
    if (!institution) return Error::forbidden(say(Msg::not_your_institution));
  } else if (action == "complete") {
    if (!requester) return Error::invalid(say(Msg::key_wrong), {{"key", say(Msg::key_wrong)}});
  } else if (!institution && !requester) {
    return Error::invalid(say(Msg::not_party), {{"key", say(Msg::not_party)}});
  }
  if (input.version >= 0 && input.version != appeal.version) return Error::conflict(say(Msg::appeal_changed_meanwhile));
  std::string text = trim(input.text);
  if (auto error = checked_text(text)) return *error;
  if (!input.files.empty() && action != "report_compliance") {
    return Error::invalid(say(Msg::files_only_with_answer), {{"files", say(Msg::files_only_with_answer)}});
  }
  auto attached = checked_files(input.files);
  if (!attached) return attached.error();

  auto regime = RegimeRepository::find(*connection, request->regime_id);
  auto jurisdiction = jurisdictions_.by_id(request->jurisdiction_id);
  auto unit = jurisdictions_.institution(request->institution_id);
  if (!regime || !jurisdiction || !unit) return not_found(folio);
  BusinessCalendar calendar = calendar_for(*connection, jurisdiction->code);
  std::string today = today_for(*regime);
  Guarantor guarantor = guarantor_of(*connection, *request, *regime);
  auto late = [&](const std::string& due) { return today > due ? say(Msg::late_suffix, date_es(due)) : std::string(); };
  std::string kind = "appeal_" + action;
  std::string actor_name = guarantor.name;
  std::string note;
  if (action == "prevent") {
    // Once, before admission; the appellant then has the regime's term to complete it.
    if (appeal.status != AppealStatus::filed) return appeal_refused(appeal.status);
    if (!appeal.prevented_on.empty()) return refused(say(Msg::appeal_prevent_once));
    appeal.status = AppealStatus::prevented;
    appeal.prevented_on = today;
    appeal.prevention_due_on = term_end(calendar, *regime, TermKind::appeal_prevention, today);
    note = say(Msg::appeal_prevented_event, date_es(appeal.prevention_due_on), text);
  } else if (action == "complete") {
    if (appeal.status != AppealStatus::prevented) return appeal_refused(appeal.status);
    if (today > appeal.prevention_due_on) return refused(say(Msg::appeal_prevention_over, date_es(appeal.prevention_due_on)));
    appeal.status = AppealStatus::filed;
    actor_name = say(Msg::requester_label);
    note = say(Msg::appeal_completed_event, text);
  } else if (action == "reject" && appeal.status == AppealStatus::prevented) {
    // Not completed in time: the law's consequence is the rejection.
    if (today <= appeal.prevention_due_on) return refused(say(Msg::appeal_prevention_running, date_es(appeal.prevention_due_on)));
    appeal.status = AppealStatus::rejected;
    appeal.resolved_on = today;
    note = say(Msg::appeal_rejected_event, text);
  } else if (action == "admit" || action == "reject") {
    if (appeal.status != AppealStatus::filed) return appeal_refused(appeal.status);
    if (action == "reject") {
      appeal.status = AppealStatus::rejected;
      appeal.resolved_on = today;
      note = say(Msg::appeal_rejected_event, text);
    } else {
      appeal.status = AppealStatus::admitted;
      appeal.admitted_on = today;
      appeal.resolution_due_on = term_end(calendar, *regime, TermKind::appeal_resolution, today);
      if (regime->days(TermKind::appeal_allegations) > 0) {
        appeal.allegations_due_on = term_end(calendar, *regime, TermKind::appeal_allegations, today);
        note = say(Msg::appeal_admitted_event, date_es(appeal.allegations_due_on), date_es(appeal.resolution_due_on), text);
      } else {
        note = say(Msg::appeal_admitted_no_allegations_event, date_es(appeal.resolution_due_on), text);
      }
    }
  } else if (action == "extend") {
    if (appeal.status != AppealStatus::admitted) return appeal_refused(appeal.status);
    if (appeal.extended) return refused(say(Msg::appeal_extend_once));
    if (today > appeal.resolution_due_on) return refused(say(Msg::appeal_extend_too_late, date_es(appeal.resolution_due_on)));
    appeal.extended = true;
    appeal.resolution_due_on =
        calendar
            .add_business_days(appeal.admitted_on, std::max(1, regime->days(TermKind::appeal_resolution)) +
                                                       std::max(1, regime->days(TermKind::appeal_extension)))
            .due;
    note = say(Msg::appeal_extended_event, date_es(appeal.resolution_due_on), text);
  } else if (action == "resolve") {
    if (appeal.status != AppealStatus::admitted) return appeal_refused(appeal.status);
    auto result = parse_appeal_result(trim(input.result));
    if (!result) return Error::invalid(say(Msg::appeal_result_field), {{"result", say(Msg::appeal_result_field)}});
    appeal.result = result;
    appeal.resolved_on = today;
    appeal.resolved_late = today > appeal.resolution_due_on;
    note = say(Msg::appeal_resolved_event, appeal_result_label_es(*result), text) + late(appeal.resolution_due_on);
    if (*result == AppealResult::revoke || *result == AppealResult::modify) {
      appeal.status = AppealStatus::complying;
      appeal.compliance_due_on = term_end(calendar, *regime, TermKind::appeal_compliance, today);
      note += say(Msg::compliance_due_suffix, date_es(appeal.compliance_due_on));
    } else {
      appeal.status = AppealStatus::resolved;
    }
  } else if (action == "verify") {
    if (appeal.status != AppealStatus::compliance_reported && appeal.status != AppealStatus::complying) {
      return appeal_refused(appeal.status);
    }
    std::string complied = trim(input.complied);
    if (complied != "yes" && complied != "no") {
      return Error::invalid(say(Msg::complied_field), {{"complied", say(Msg::complied_field)}});
    }
    // Compliance not reported yet can only be found wanting, and only once its term is over.
    if (appeal.status == AppealStatus::complying && (complied == "yes" || today <= appeal.compliance_due_on)) {
      return appeal_refused(appeal.status);
    }
    appeal.status = complied == "yes" ? AppealStatus::complied : AppealStatus::not_complied;
    note = say(complied == "yes" ? Msg::complied_event : Msg::not_complied_event, text);
  } else if (action == "report_compliance") {
    if (appeal.status != AppealStatus::complying) return appeal_refused(appeal.status);
    appeal.status = AppealStatus::compliance_reported;
    appeal.compliance_reported_on = today;
    appeal.compliance_late = today > appeal.compliance_due_on;
    actor_name = unit->name;
    note = say(Msg::compliance_reported_event, text) + late(appeal.compliance_due_on);
  } else {  // allege
    if (appeal.status != AppealStatus::admitted) return appeal_refused(appeal.status);
    if (!appeal.allegations_due_on.empty() && today > appeal.allegations_due_on) {
      return refused(say(Msg::allegations_closed, date_es(appeal.allegations_due_on)));
    }
    // An official of the institution speaks for it; anyone else here holds the key.
    actor_name = institution ? unit->name : say(Msg::requester_label);
    note = say(Msg::allegation_event, actor_name, text);
  }

  std::vector<std::string> recipients;
  if (actor_name != say(Msg::requester_label)) recipients = mail_.requester_addresses(*request);
  if (actor_name != unit->name) {
    for (auto& address : mail_.unit_addresses(*request)) recipients.push_back(std::move(address));
  }
  if (!guarantor_step && guarantor.institution_id) {
    for (auto& address : mail_.officials_addresses(*guarantor.institution_id)) recipients.push_back(std::move(address));
  }
  store::Transaction transaction(*connection);
  if (!AppealRepository::update(*connection, appeal)) return Error::conflict(say(Msg::appeal_changed_meanwhile));
  RequestRepository::add_event(*connection, {0, request->id, kind, now_(), actor_name, note, appeal.running_due_on()});
  store_files(*connection, request->id, *attached, input.files, kind);
  mail_.step(*connection, *request, note, recipients);
  audit::AuditLog::append_public(*connection, actor, kind, "request_appeal", appeal.id, request->jurisdiction_id,
                                 appeal_audit(before), appeal_audit(appeal));
  transaction.commit();
  return *AppealRepository::by_request(*connection, request->id);
}

Result<Paged<AppealItem>> RequestService::appeals(const AppealQuery& query, const Slice& slice) {
  AppealFilter filter;
  if (!trim(query.jurisdiction).empty()) {
    auto place = jurisdictions_.find(trim(query.jurisdiction));
    if (!place) return place.error();
    filter.jurisdiction_id = place->id;
  }
  filter.institution_id = query.institution_id;
  std::string status = trim(query.status);
  if (status == "open") {
    filter.open_only = true;
  } else if (!status.empty()) {
    filter.status = parse_appeal_status(status);
    if (!filter.status) {
      return Error{ErrorKind::bad_request, say(Msg::status_filter_field), {{"status", say(Msg::status_filter_field)}}};
    }
  }
  auto connection = database_.connect();
  // Open appeals are a worklist: all of them, soonest due first, then sliced.
  Slice read = filter.open_only ? Slice{1000, 0} : slice;
  auto page = AppealRepository::list(*connection, filter, read);
  std::map<int64_t, BusinessCalendar> calendars;
  std::map<int64_t, std::string> names;
  Paged<AppealItem> items;
  items.total = page.total;
  std::string today = today_in(*connection, "");
  // The requests' descriptions, in one query.
  RequestFilter of_page;
  of_page.ids = std::vector<int64_t>{};
  for (const auto& appeal : page.items) of_page.ids->push_back(appeal.request_id);
  std::map<int64_t, std::string> descriptions;
  for (auto& request : RequestRepository::list(*connection, of_page, {static_cast<int64_t>(page.items.size()), 0}).items) {
    descriptions[request.id] = std::move(request.description);
  }
  for (auto& appeal : page.items) {
    AppealItem item;
    if (!names.count(appeal.institution_id)) {
      auto found = jurisdictions_.institution(appeal.institution_id);
      names[appeal.institution_id] = found ? found->name : "";
    }
    item.institution_name = names[appeal.institution_id];
    item.description = descriptions[appeal.request_id];
    if (!appeal.running_due_on().empty()) {
      item.business_days_left =
          calendar_of(*connection, calendars, appeal.jurisdiction_id).business_days_left(today, appeal.running_due_on());
    }
    item.appeal = std::move(appeal);
    items.items.push_back(std::move(item));
  }
  if (filter.open_only) {
    // Those with a term running first, soonest due; then those waiting for the guarantor, oldest first.
    std::stable_sort(items.items.begin(), items.items.end(), [](const AppealItem& a, const AppealItem& b) {
      if (a.business_days_left.has_value() != b.business_days_left.has_value()) return a.business_days_left.has_value();
      if (a.business_days_left) return *a.business_days_left < *b.business_days_left;
      return a.appeal.received_on < b.appeal.received_on;
    });
    std::vector<AppealItem> sliced;
    for (int64_t i = slice.offset; i < static_cast<int64_t>(items.items.size()) && i < slice.offset + slice.limit; ++i) {
      sliced.push_back(std::move(items.items[static_cast<size_t>(i)]));
    }
    items.items = std::move(sliced);
  }
  return items;
}

RequestService::Guarantor RequestService::guarantor_of(store::Connection& connection, const InformationRequest& request,
                                                       const Regime& regime) {
  if (auto id = AppealRepository::guarantor_of(connection, request.jurisdiction_id)) {
    if (auto institution = jurisdictions_.institution(*id)) return {institution->id, institution->name};
  }
  return {std::nullopt, regime.guarantor};
}

std::vector<GuarantorRow> RequestService::guarantors() {
  auto connection = database_.connect();
  std::map<int64_t, int64_t> chosen;
  for (const auto& [jurisdiction, institution] : AppealRepository::guarantors(*connection)) chosen[jurisdiction] = institution;
  std::vector<GuarantorRow> rows;
  for (const auto& place : jurisdictions_.list({}, {200, 0}).items) {
    GuarantorRow row{place, std::nullopt};
    auto found = chosen.find(place.id);
    if (found != chosen.end()) {
      if (auto institution = jurisdictions_.institution(found->second)) row.institution = *institution;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<GuarantorRow> RequestService::set_guarantor(const Actor& actor, const std::string& jurisdiction,
                                                   int64_t institution_id) {
  if (auto error = request_permissions().check(actor, RequestAction::manage_guarantors)) return *error;
  auto place = jurisdictions_.find(trim(jurisdiction));
  if (!place) return place.error();
  if (!may_manage_guarantors(actor, place->id)) return Error::forbidden(say(Msg::not_your_jurisdiction));
  auto institution = jurisdictions_.institution(institution_id);
  if (!institution || institution->jurisdiction_id != place->id) {
    return Error::invalid(say(Msg::guarantor_institution_field), {{"institution_id", say(Msg::guarantor_institution_field)}});
  }
  auto connection = database_.connect();
  auto previous = AppealRepository::guarantor_of(*connection, place->id);
  store::Transaction transaction(*connection);
  AppealRepository::set_guarantor(*connection, place->id, institution->id);
  audit::AuditLog::append_public(*connection, actor, "guarantor_chosen", "jurisdiction", place->id, place->id,
                                 previous ? nlohmann::json{{"institution_id", *previous}} : nlohmann::json(),
                                 nlohmann::json{{"institution_id", institution->id}});
  transaction.commit();
  return GuarantorRow{*place, *institution};
}

}  // namespace apertura::requests
