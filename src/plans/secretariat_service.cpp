#include "plans/secretariat_service.h"

#include "audit/audit_log.h"
#include "core/date.h"
#include "core/text.h"
#include "plans/messages.h"
#include "plans/permissions.h"
#include "plans/plan_repository.h"

namespace apertura::plans {

Secretariat SecretariatService::secretariat_of(int64_t jurisdiction_id, const std::string& today) {
  auto connection = database_.connect();
  return secretariat_on(jurisdiction_id, SecretariatRepository::members(*connection, jurisdiction_id), today);
}

Result<Secretariat> SecretariatService::secretariat(const std::string& jurisdiction) {
  auto found = jurisdictions_.find(jurisdiction);
  if (!found) return found.error();
  return secretariat_of(found->id, today_iso());
}

Result<SecretariatMember> SecretariatService::add_member(const Actor& actor, const std::string& jurisdiction,
                                                         const MemberInput& input) {
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat)) return *error;
  auto found = jurisdictions_.find(jurisdiction);
  if (!found) return found.error();
  if (auto error = plan_permissions().check(actor, PlanAction::manage_secretariat, found->id)) return *error;
  Validation validation;
  SecretariatMember member;
  member.jurisdiction_id = found->id;
  member.name = trim(input.name);
  member.organization = trim(input.organization);
  member.position = trim(input.position);
  member.starts_on = trim(input.starts_on);
  std::string ends_on = trim(input.ends_on);
  auto sector = parse_sector(trim(input.sector));
  validation.require(!member.name.empty() && utf8_length(member.name) <= 200, "name", say(Msg::member_name_field));
  validation.require(sector.has_value(), "sector", say(Msg::member_sector_field));
  validation.require(!member.organization.empty(), "organization", say(Msg::member_organization_field));
  validation.require(is_iso_date(member.starts_on), "starts_on", say(Msg::start_date_format));
  if (!ends_on.empty()) {
    validation.require(is_iso_date(ends_on) && ends_on >= member.starts_on, "ends_on",
                       say(Msg::member_end_field));
    member.ends_on = ends_on;
  }
  std::string email = trim(input.account_email);
  if (!email.empty()) {
    member.user_id = find_account_ ? find_account_(email) : std::nullopt;
    validation.require(member.user_id.has_value(), "account_email",
                       say(Msg::member_account_field));
  }
  if (!validation.ok()) return validation.error();
  member.sector = *sector;
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  member.id = SecretariatRepository::insert(*connection, member);
  audit::AuditLog::append(*connection, actor,
                          {"create", "secretariat_member", std::to_string(member.id), found->id, true, nullptr,
                           member.to_json()});
  transaction.commit();
  return member;
}

bool SecretariatService::is_member(const Actor& actor, int64_t jurisdiction_id, Sector sector) {
  if (!actor.user_id) return false;
  auto connection = database_.connect();
  return SecretariatRepository::is_active_member(*connection, jurisdiction_id, *actor.user_id, sector, today_iso());
}

}  // namespace apertura::plans
