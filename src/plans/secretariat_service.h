#pragma once
// The Technical Tripartite Secretariat of a jurisdiction. Rules: a member has
// a name, a sector (government, civil society, guarantor), an organisation
// and a start date (an end date, if any, not before it); the secretariat is
// constituted only while all three sectors have an active member. A member
// may be linked to an account by its email (civil-society members validate
// evidence through it). Only admins of the jurisdiction manage it; every
// change is audited.
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "jurisdictions/jurisdiction_service.h"
#include "plans/plan.h"
#include "store/database.h"

namespace apertura::plans {

struct MemberInput {
  std::string name;
  std::string sector;
  std::string organization;
  std::string position;
  std::string starts_on;
  std::string ends_on;
  std::string account_email;  // optional: the member's account on this portal
};

class SecretariatService {
 public:
  // An account's id by its email (the accounts domain answers).
  using AccountLookup = std::function<std::optional<int64_t>(const std::string& email)>;

  SecretariatService(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                     AccountLookup find_account = {})
      : database_(database), jurisdictions_(jurisdictions), find_account_(std::move(find_account)) {}

  // As of today.
  Result<Secretariat> secretariat(const std::string& jurisdiction);
  Secretariat secretariat_of(int64_t jurisdiction_id, const std::string& today);
  Result<SecretariatMember> add_member(const Actor& actor, const std::string& jurisdiction, const MemberInput& input);
  // Whether the signed-in actor is, today, an active member of that sector in the jurisdiction's secretariat.
  bool is_member(const Actor& actor, int64_t jurisdiction_id, Sector sector);

 private:
  store::Database& database_;
  jurisdictions::JurisdictionService& jurisdictions_;
  AccountLookup find_account_;
};

}  // namespace apertura::plans
