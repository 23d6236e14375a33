#include "plans/evidence_service.h"

#include <map>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/text.h"
#include "plans/evidence_repository.h"
#include "plans/messages.h"
#include "plans/permissions.h"

namespace apertura::plans {

namespace {

std::optional<Error> check_title(std::string& title) {
  title = trim(title);
  if (title.empty() || utf8_length(title) > 300 || !is_valid_utf8(title)) {
    return Error::invalid(say(Msg::describe_evidence), {{"title", say(Msg::evidence_title_field)}});
  }
  return std::nullopt;
}

}  // namespace

Result<Evidence> EvidenceService::insert(const Actor& actor, Evidence evidence, int64_t jurisdiction_id,
                                         const std::string* data) {
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  if (data) {
    evidence.sha256 = files_.save(*connection, *data);
    evidence.storage = files_.kind();
  }
  evidence.added_by_name = actor.display_name;
  evidence.created_at = now_timestamp();
  evidence.id = EvidenceRepository::insert(*connection, evidence);
  audit::AuditLog::append(*connection, actor,
                          {"create", "evidence", std::to_string(evidence.id), jurisdiction_id, true, nullptr,
                           evidence.to_json()});
  transaction.commit();
  return evidence;
}

Result<Evidence> EvidenceService::add_link(const Actor& actor, int64_t milestone_id, const std::string& title,
                                           const std::string& url) {
  auto jurisdiction = plans_.check_reporting(actor, milestone_id);
  if (!jurisdiction) return jurisdiction.error();
  Evidence evidence;
  evidence.milestone_id = milestone_id;
  evidence.kind = "link";
  evidence.title = title;
  evidence.url = trim(url);
  if (auto error = check_title(evidence.title)) return *error;
  bool web = evidence.url.rfind("https://", 0) == 0 || evidence.url.rfind("http://", 0) == 0;
  if (!web || evidence.url.size() > 2000 || evidence.url.find_first_of(" \t\r\n\"<>") != std::string::npos) {
    return Error::invalid(say(Msg::link_invalid), {{"url", say(Msg::link_field)}});
  }
  return insert(actor, evidence, *jurisdiction, nullptr);
}

Result<Evidence> EvidenceService::add_contract(const Actor& actor, int64_t milestone_id, const std::string& title,
                                               const std::string& ocid) {
  auto jurisdiction = plans_.check_reporting(actor, milestone_id);
  if (!jurisdiction) return jurisdiction.error();
  std::string id = trim(ocid);
  std::optional<std::string> found = contract_title_ && !id.empty() && id.size() <= 200 ? contract_title_(id) : std::nullopt;
  if (!found) {
    return Error::invalid(say(Msg::no_such_process),
                          {{"contract_ocid", say(Msg::process_field)}});
  }
  Evidence evidence;
  evidence.milestone_id = milestone_id;
  evidence.kind = "link";
  evidence.ref_kind = "contract";
  evidence.ref_id = id;
  evidence.url = "/contrataciones/" + id;
  evidence.title = trim(title).empty() ? (found->empty() ? id : *found) : title;
  if (auto error = check_title(evidence.title)) return *error;
  return insert(actor, evidence, *jurisdiction, nullptr);
}

Result<Evidence> EvidenceService::add_file(const Actor& actor, int64_t milestone_id, const std::string& title,
                                           const std::string& file_name, const std::string& data) {
  auto jurisdiction = plans_.check_reporting(actor, milestone_id);
  if (!jurisdiction) return jurisdiction.error();
  Evidence evidence;
  evidence.milestone_id = milestone_id;
  evidence.kind = "file";
  evidence.title = title;
  if (auto error = check_title(evidence.title)) return *error;
  auto type = check_document_upload(file_name, data);
  if (!type) return type.error();
  evidence.file_name = safe_file_name(file_name, "evidencia");
  evidence.content_type = *type;
  evidence.size = static_cast<int64_t>(data.size());
  return insert(actor, evidence, *jurisdiction, &data);
}

Result<Evidence> EvidenceService::validate(const Actor& actor, int64_t evidence_id, const std::string& verdict,
                                           const std::string& comment) {
  if (auto error = plan_permissions().check(actor, PlanAction::validate_evidence)) return *error;
  auto found = find(evidence_id);
  if (!found) return found.error();
  auto jurisdiction = plans_.jurisdiction_of_milestone(found->milestone_id);
  if (!jurisdiction || !may_validate(actor, *jurisdiction)) {
    return Error::forbidden(say(Msg::only_civil_society_validates));
  }
  Evidence before = found.value();
  Evidence after = before;
  after.validation = trim(verdict);
  after.validation_comment = trim(comment);
  Validation validation;
  validation.require(after.validation == "validated" || after.validation == "contested", "validation",
                     say(Msg::verdict_field));
  validation.require(after.validation != "contested" || !after.validation_comment.empty(), "validation_comment",
                     say(Msg::contest_reason_field));
  validation.require(utf8_length(after.validation_comment) <= 2000, "validation_comment", say(Msg::at_most_2000));
  if (!validation.ok()) return validation.error();
  after.validated_by_name = actor.display_name;
  after.validated_at = now_timestamp();
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  if (!EvidenceRepository::save_validation(*connection, after)) return Error::conflict(say(Msg::evidence_changed_meanwhile));
  ++after.version;
  audit::AuditLog::append(*connection, actor,
                          {"validate", "evidence", std::to_string(after.id), std::nullopt, true, before.to_json(),
                           after.to_json()});
  transaction.commit();
  return after;
}

bool EvidenceService::may_validate(const Actor& actor, int64_t jurisdiction_id) {
  if (!plan_permissions().allows(actor, PlanAction::validate_evidence, jurisdiction_id)) return false;
  return actor.role == Role::system || secretariats_.is_member(actor, jurisdiction_id, Sector::civil_society);
}

std::vector<Evidence> EvidenceService::for_milestones(const std::vector<int64_t>& milestone_ids) {
  std::vector<Evidence> out;
  if (milestone_ids.empty()) return out;
  auto connection = database_.connect();
  return EvidenceRepository::for_milestones(*connection, milestone_ids);
}

Result<Evidence> EvidenceService::find(int64_t evidence_id) {
  auto connection = database_.connect();
  auto found = EvidenceRepository::find(*connection, evidence_id);
  if (!found) return Error::not_found(say(Msg::evidence_not_found, evidence_id));
  return *found;
}

Result<std::string> EvidenceService::content(const Evidence& evidence) {
  if (evidence.kind != "file") return Error::not_found(say(Msg::evidence_is_a_link));
  auto connection = database_.connect();
  auto data = files_.load(*connection, evidence.sha256);
  if (!data) return Error::not_found(say(Msg::evidence_file_missing));
  return *data;
}

}  // namespace apertura::plans
