#pragma once
// SQL for API tokens (a private table: store/data_version.h does not count its writes).
#include <optional>
#include <string>
#include <vector>

#include "accounts/api_token.h"
#include "store/connection.h"

namespace apertura::accounts {

class ApiTokenRepository {
 public:
  static int64_t insert(store::Connection& c, int64_t user_id, const std::string& name, const std::string& token_hash,
                        const std::string& created_at);
  static std::vector<ApiToken> for_user(store::Connection& c, int64_t user_id);
  static int64_t count_active(store::Connection& c, int64_t user_id);
  // Revokes the user's active token; whether there was one.
  static bool revoke(store::Connection& c, int64_t user_id, int64_t id, const std::string& at);
  // The active token with this hash.
  static std::optional<ApiToken> find_active(store::Connection& c, const std::string& token_hash);
  // Notes a use, at most once an hour per token.
  static void note_use(store::Connection& c, int64_t id, const std::string& at, const std::string& hour_ago);
};

}  // namespace apertura::accounts
