#include "accounts/api_token.h"

namespace apertura::accounts {

nlohmann::json ApiToken::to_json() const {
  return {{"id", id},
          {"name", name},
          {"created_at", created_at},
          {"last_used_at", last_used_at ? nlohmann::json(*last_used_at) : nlohmann::json()},
          {"revoked_at", revoked_at ? nlohmann::json(*revoked_at) : nlohmann::json()},
          {"active", active()}};
}

}  // namespace apertura::accounts
