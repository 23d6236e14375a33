#pragma once
// A user account: an email address, a display name, a role and, for
// officials, the institution they answer for; optionally the jurisdiction
// the account is limited to.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/actor.h"

namespace apertura::accounts {

struct User {
  int64_t id = 0;
  std::string email;
  std::string display_name;
  Role role = Role::citizen;
  std::optional<int64_t> institution_id;
  std::string created_at;
  std::optional<int64_t> jurisdiction_id;  // see Actor::jurisdiction_id

  Actor as_actor() const { return {role, id, display_name, institution_id, jurisdiction_id}; }
  // Without the password hash; used by the API and the audit log.
  nlohmann::json to_json() const;
};

}  // namespace apertura::accounts
