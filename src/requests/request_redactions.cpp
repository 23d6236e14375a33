// RequestService::redact: personal data blacked out of a request's public texts.
#include "audit/audit_log.h"
#include "core/text.h"
#include "requests/messages.h"
#include "requests/request_rules.h"
#include "requests/request_service.h"

namespace apertura::requests {

Result<InformationRequest> RequestService::redact(const Actor& actor, const std::string& folio,
                                                  const RedactionInput& input) {
  if (auto error = request_permissions().check(actor, RequestAction::work)) return *error;
  auto connection = database_.connect();
  auto found = RequestRepository::by_folio(*connection, folio);
  if (!found) return not_found(folio);
  InformationRequest request = *found;
  if (!may_work(actor, request)) return Error::forbidden(say(Msg::not_your_institution));
  auto institution = jurisdictions_.institution(request.institution_id);
  if (!institution) return not_found(folio);

  std::string target = trim(input.target);
  std::string text = trim(input.text);
  std::string reason = trim(input.reason);
  // The text as it is now, and the limits of its field.
  std::string original;
  size_t shortest = 1, longest = 20000;
  std::optional<Appeal> appeal;
  if (target == "description") {
    original = request.description;
    shortest = 10;
    longest = 10000;
  } else if (target == "location_hint") {
    original = request.location_hint;
    longest = 2000;
  } else if (target == "appeal_reasons") {
    appeal = AppealRepository::by_request(*connection, request.id);
    if (!appeal) return Error::invalid(say(Msg::redaction_target_field), {{"target", say(Msg::redaction_target_field)}});
    original = appeal->reasons;
    shortest = 10;
  } else if (target == "event") {
    for (const auto& event : RequestRepository::events(*connection, request.id)) {
      if (input.event_id && event.id == *input.event_id) original = event.note;
    }
    if (original.empty()) return Error::invalid(say(Msg::redaction_event_field), {{"event_id", say(Msg::redaction_event_field)}});
  } else {
    return Error::invalid(say(Msg::redaction_target_field), {{"target", say(Msg::redaction_target_field)}});
  }
  if (original.empty()) return Error::invalid(say(Msg::redaction_target_field), {{"target", say(Msg::redaction_target_field)}});
  if (utf8_length(text) < shortest || utf8_length(text) > longest || !is_valid_utf8(text)) {
    return Error::invalid(say(Msg::redaction_text_field, shortest, longest), {{"text", say(Msg::redaction_text_field, shortest, longest)}});
  }
  if (text == original) return Error::invalid(say(Msg::redaction_unchanged), {{"text", say(Msg::redaction_unchanged)}});
  if (utf8_length(reason) < 5 || utf8_length(reason) > 300 || !is_valid_utf8(reason)) {
    return Error::invalid(say(Msg::redaction_reason_field), {{"reason", say(Msg::redaction_reason_field)}});
  }

  std::string now = now_();
  store::Transaction transaction(*connection);
  RequestRepository::insert_redaction(*connection, {request.id, target, target == "event" ? input.event_id : std::nullopt,
                                                    original, text, reason, actor.user_id, actor.display_name, now});
  if (target == "description" || target == "location_hint") {
    if (target == "description") request.description = text;
    else request.location_hint = text;
    RequestRepository::set_texts(*connection, request.id, request.description, request.location_hint);
    // The index forgets the original words with the text it replaces.
    index_for_search(*connection, request, institution->name);
  } else if (target == "appeal_reasons") {
    AppealRepository::set_reasons(*connection, appeal->id, text);
  } else {
    RequestRepository::set_event_note(*connection, *input.event_id, text);
  }
  RequestRepository::add_event(*connection, {0, request.id, "redacted", now, institution->name,
                                             say(Msg::redacted_event, redaction_target_label_es(target), reason), ""});
  // Both versions, in an entry only the audit's private view shows.
  audit::AuditLog::append(*connection, actor,
                          {"redact", "information_request", std::to_string(request.id), request.jurisdiction_id, false,
                           nlohmann::json{{"target", target}, {"event_id", input.event_id ? nlohmann::json(*input.event_id) : nlohmann::json()},
                                          {"text", original}},
                           nlohmann::json{{"target", target}, {"text", text}, {"reason", reason}}});
  transaction.commit();
  return *RequestRepository::by_folio(*connection, folio);
}

Result<RequestFile> RequestService::redact_file(const Actor& actor, const std::string& folio, int64_t file_id,
                                                const std::pair<std::string, std::string>& redacted,
                                                const std::string& reason_in) {
  if (auto error = request_permissions().check(actor, RequestAction::work)) return *error;
  auto connection = database_.connect();
  auto request = RequestRepository::by_folio(*connection, folio);
  if (!request) return not_found(folio);
  if (!may_work(actor, *request)) return Error::forbidden(say(Msg::not_your_institution));
  auto institution = jurisdictions_.institution(request->institution_id);
  auto original = RequestRepository::file(*connection, file_id);
  if (!institution || !original || original->request_id != request->id) return Error::not_found(say(Msg::file_not_found));
  std::string reason = trim(reason_in);
  if (utf8_length(reason) < 5 || utf8_length(reason) > 300 || !is_valid_utf8(reason)) {
    return Error::invalid(say(Msg::redaction_reason_field), {{"reason", say(Msg::redaction_reason_field)}});
  }
  if (redacted.second.empty()) return Error::invalid(say(Msg::redacted_file_field), {{"file", say(Msg::redacted_file_field)}});
  auto checked = checked_files({redacted});
  if (!checked) return checked.error();
  RequestFile version = checked->front();
  std::string now = now_();
  store::Transaction transaction(*connection);
  version.sha256 = files_->save(*connection, redacted.second);
  version.storage = files_->kind();
  if (version.sha256 == original->sha256) {
    return Error::invalid(say(Msg::redaction_unchanged), {{"file", say(Msg::redaction_unchanged)}});
  }
  RequestRepository::replace_file(*connection, *original, version, reason, actor.user_id, actor.display_name, now);
  RequestRepository::add_event(*connection, {0, request->id, "redacted", now, institution->name,
                                             say(Msg::redacted_file_event, original->file_name, reason), ""});
  // Both digests, in an entry only the audit's private view shows.
  audit::AuditLog::append(*connection, actor,
                          {"redact_file", "information_request", std::to_string(request->id), request->jurisdiction_id,
                           false, nlohmann::json{{"file_id", file_id}, {"file_name", original->file_name}, {"sha256", original->sha256}},
                           nlohmann::json{{"file_name", version.file_name}, {"sha256", version.sha256}, {"reason", reason}}});
  transaction.commit();
  return *RequestRepository::file(*connection, file_id);
}

}  // namespace apertura::requests
