#pragma once
// An API token: lets a program act as the account that created it (same role,
// institution and jurisdiction), sent in the Authorization header. Only its
// SHA-256 is kept; the token itself is shown once.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace apertura::accounts {

struct ApiToken {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string name;
  std::string created_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;

  bool active() const { return !revoked_at.has_value(); }
  nlohmann::json to_json() const;
};

// A token just created: the record and the secret, shown this once.
struct NewApiToken {
  ApiToken token;
  std::string secret;
};

}  // namespace apertura::accounts
