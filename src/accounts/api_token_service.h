#pragma once
// API tokens. Rules:
// - every signed-in account may create tokens for itself (at most
//   kMaxActiveTokens active at once), each with a name that says what it is
//   for; the token is random, shown once, and only its SHA-256 is kept;
// - a token acts as its account: the same role, institution and jurisdiction,
//   and nothing more; a revoked token, or one of a deleted account, acts as nobody;
// - an account lists and revokes only its own tokens;
// - creating and revoking are audited (privately: accounts are personal data).
#include <optional>
#include <string>
#include <vector>

#include "accounts/api_token.h"
#include "core/actor.h"
#include "core/result.h"
#include "store/database.h"

namespace apertura::accounts {

constexpr int64_t kMaxActiveTokens = 10;

class ApiTokenService {
 public:
  explicit ApiTokenService(store::Database& database) : database_(database) {}

  Result<NewApiToken> create(const Actor& actor, const std::string& name);
  Result<std::vector<ApiToken>> mine(const Actor& actor);
  Result<ApiToken> revoke(const Actor& actor, int64_t token_id);
  // The actor a token (as sent: "Bearer X", "Token X" or X) acts as; nullopt for an unknown or revoked one.
  std::optional<Actor> actor_for_token(const std::string& token);

 private:
  store::Database& database_;
};

}  // namespace apertura::accounts
