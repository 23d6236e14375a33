#pragma once
// The Technical Tripartite Secretariat of a jurisdiction. Rules: a member has
// a name, a sector (government, civil society, guarantor), an organisation
// and a start date (an end date, if any, not before it); the secretariat is
// constituted only while all three sectors have an active member. Only admins
// manage it; every change is audited.
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
};

class SecretariatService {
 public:
  SecretariatService(store::Database& database, jurisdictions::JurisdictionService& jurisdictions)
      : database_(database), jurisdictions_(jurisdictions) {}

  // As of today.
  Result<Secretariat> secretariat(const std::string& jurisdiction);
  Secretariat secretariat_of(int64_t jurisdiction_id, const std::string& today);
  Result<SecretariatMember> add_member(const Actor& actor, const std::string& jurisdiction, const MemberInput& input);

 private:
  store::Database& database_;
  jurisdictions::JurisdictionService& jurisdictions_;
};

}  // namespace apertura::plans
