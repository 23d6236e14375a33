// RequestService: the legal regimes and the guarantors' closed days, which admins manage.
#include <algorithm>
#include <map>
#include <regex>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/date_text.h"
#include "core/document_upload.h"
#include "core/text.h"
#include "requests/messages.h"
#include "requests/request_rules.h"
#include "requests/request_service.h"

namespace apertura::requests {

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
    // response term: the requester's term to clarify moves instead.
    if (request.status == RequestStatus::clarification_requested) {
      std::string due = term_end(calendar->second, regimes[request.regime_id], TermKind::clarification_answer,
                                 request.clarification_asked_on);
      if (due == request.clarification_due_on) continue;
      if (!RequestRepository::set_clarification_due(*connection, request, due)) continue;
      RequestRepository::add_event(*connection, {0, request.id, "due_date_moved", now_(), actor.display_name,
                                                 say(Msg::clarification_moved_event, date_es(request.clarification_due_on),
                                                     date_es(due), days.basis),
                                                 request.response_due_on});
      ++moved;
      continue;
    }
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

}  // namespace apertura::requests
