#include "plans/session_service.h"

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/text.h"
#include "plans/evidence.h"
#include "plans/evidence_service.h"
#include "plans/messages.h"
#include "plans/permissions.h"
#include "plans/session_repository.h"

namespace apertura::plans {

Result<SecretariatSession> SessionService::record(const Actor& actor, const std::string& jurisdiction,
                                                  const SessionInput& input) {
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat)) return *error;
  auto place = jurisdictions_.find(jurisdiction);
  if (!place) return place.error();
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat, place->id)) return *error;
  SecretariatSession session;
  session.jurisdiction_id = place->id;
  session.held_on = trim(input.held_on);
  session.place = trim(input.place);
  session.agenda = trim(input.agenda);
  session.minutes = trim(input.minutes);
  std::string attendance;
  for (const std::string& name : split(input.attendance, '\n')) {
    if (trim(name).empty()) continue;
    session.attendance.push_back(trim(name));
    attendance += trim(name) + "\n";
  }
  Validation validation;
  validation.require(is_iso_date(session.held_on), "held_on", say(Msg::date_format));
  validation.require(!session.place.empty() && utf8_length(session.place) <= 500, "place", say(Msg::session_place_field));
  validation.require(!session.agenda.empty() && utf8_length(session.agenda) <= 10000, "agenda", say(Msg::session_agenda_field));
  validation.require(utf8_length(session.minutes) <= 100000, "minutes", say(Msg::session_minutes_field));
  validation.require(is_valid_utf8(session.place + session.agenda + session.minutes + attendance), "minutes",
                     say(Msg::invalid_characters));
  if (!validation.ok()) return validation.error();
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  session.id = SessionRepository::insert(*connection, session);
  audit::AuditLog::append_public(*connection, actor, "create", "secretariat_session", session.id, session.jurisdiction_id, nullptr,
               session.to_json());
  transaction.commit();
  return session;
}

bool SessionService::may_manage(const Actor& actor, int64_t jurisdiction_id) const {
  return plan_permissions().allows(actor, PlanAction::manage_secretariat, jurisdiction_id);
}

Result<std::vector<SecretariatSession>> SessionService::sessions_of(const std::string& jurisdiction) {
  auto place = jurisdictions_.find(jurisdiction);
  if (!place) return place.error();
  auto connection = database_.connect();
  return SessionRepository::for_jurisdiction(*connection, place->id);
}

Result<SecretariatSession> SessionService::session(int64_t id) {
  auto connection = database_.connect();
  auto found = SessionRepository::find(*connection, id);
  if (!found) return Error::not_found(say(Msg::session_not_found, id));
  return *found;
}

Result<SessionAgreement> SessionService::add_agreement(const Actor& actor, int64_t session_id, const AgreementInput& input) {
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat)) return *error;
  auto found = session(session_id);
  if (!found) return found.error();
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat, found->jurisdiction_id)) return *error;
  SessionAgreement agreement{0, session_id, trim(input.description), trim(input.owner), trim(input.due_on), "pending"};
  Validation validation;
  validation.require(!agreement.description.empty() && utf8_length(agreement.description) <= 2000, "description",
                     say(Msg::agreement_description_field));
  validation.require(!agreement.owner.empty() && utf8_length(agreement.owner) <= 200, "owner", say(Msg::agreement_owner_field));
  validation.require(is_iso_date(agreement.due_on), "due_on", say(Msg::agreement_due_field));
  if (!validation.ok()) return validation.error();
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  agreement.id = SessionRepository::insert_agreement(*connection, agreement);
  audit::AuditLog::append_public(*connection, actor, "create", "session_agreement", agreement.id, found->jurisdiction_id, nullptr,
               agreement.to_json());
  transaction.commit();
  return agreement;
}

Result<SessionAgreement> SessionService::complete_agreement(const Actor& actor, int64_t agreement_id) {
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat)) return *error;
  auto connection = database_.connect();
  auto found = SessionRepository::find_agreement(*connection, agreement_id);
  if (!found) return Error::not_found(say(Msg::agreement_not_found, agreement_id));
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat, found->jurisdiction_id)) {
    return *error;
  }
  SessionAgreement before = found->agreement;
  SessionAgreement after = before;
  after.status = "done";
  store::Transaction transaction(*connection);
  SessionRepository::mark_agreement_done(*connection, agreement_id);
  audit::AuditLog::append_public(*connection, actor, "update", "session_agreement", agreement_id, found->jurisdiction_id,
               before.to_json(), after.to_json());
  transaction.commit();
  return after;
}

Result<SessionDocument> SessionService::add_document(const Actor& actor, int64_t session_id, const std::string& title,
                                                     const std::string& file_name, const std::string& data) {
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat)) return *error;
  auto found = session(session_id);
  if (!found) return found.error();
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat, found->jurisdiction_id)) return *error;
  SessionDocument document;
  document.session_id = session_id;
  document.title = trim(title);
  Validation validation;
  validation.require(!document.title.empty() && utf8_length(document.title) <= 300 && is_valid_utf8(document.title),
                     "title", say(Msg::document_title_field));
  // The file's problem is reported with the title's, if there is one.
  auto type = check_document_upload(file_name, data);
  if (!type) validation.require(false, "file", type.error().fields.front().message);
  if (!validation.ok()) return validation.error();
  document.file_name = safe_file_name(file_name, "documento");
  document.content_type = *type;
  document.size = static_cast<int64_t>(data.size());
  document.added_by_name = actor.display_name;
  document.created_at = now_timestamp();
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  document.sha256 = files_.save(*connection, data);
  document.storage = files_.kind();
  document.id = SessionRepository::insert_document(*connection, document);
  audit::AuditLog::append_public(*connection, actor, "create", "session_document", document.id, found->jurisdiction_id,
                                 nullptr, document.to_json());
  transaction.commit();
  return document;
}

Result<SessionDocument> SessionService::document(int64_t id) {
  auto connection = database_.connect();
  auto found = SessionRepository::find_document(*connection, id);
  if (!found) return Error::not_found(say(Msg::document_not_found, id));
  return *found;
}

Result<std::string> SessionService::document_content(const SessionDocument& document) {
  auto connection = database_.connect();
  auto data = files_.load(*connection, document.sha256);
  if (!data) return Error::not_found(say(Msg::document_file_missing));
  return *data;
}

}  // namespace apertura::plans
