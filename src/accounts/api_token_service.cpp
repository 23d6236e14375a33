#include "accounts/api_token_service.h"

#include <chrono>

#include "accounts/api_token_repository.h"
#include "accounts/messages.h"
#include "accounts/user_repository.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/text.h"

namespace apertura::accounts {

namespace {

// The secret of an Authorization header's value: "Bearer X", "Token X" or X.
std::string secret_of(const std::string& sent) {
  std::string value = trim(sent);
  for (const char* scheme : {"Bearer ", "bearer ", "Token ", "token "}) {
    if (value.rfind(scheme, 0) == 0) return trim(value.substr(std::string(scheme).size()));
  }
  return value;
}

}  // namespace

Result<NewApiToken> ApiTokenService::create(const Actor& actor, const std::string& raw_name) {
  if (!actor.user_id) return Error::unauthenticated(say(Msg::sign_in_for_tokens));
  std::string name = trim(raw_name);
  if (name.empty() || utf8_length(name) > 100 || !is_valid_utf8(name)) {
    return Error::invalid(say(Msg::token_name_field), {{"name", say(Msg::token_name_field)}});
  }
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  if (ApiTokenRepository::count_active(*connection, *actor.user_id) >= kMaxActiveTokens) {
    return Error::conflict(say(Msg::too_many_tokens, kMaxActiveTokens));
  }
  NewApiToken created;
  created.secret = "apertura_" + random_token(32);
  created.token.user_id = *actor.user_id;
  created.token.name = name;
  created.token.created_at = now_timestamp();
  created.token.id = ApiTokenRepository::insert(*connection, *actor.user_id, name, sha256_hex(created.secret),
                                                created.token.created_at);
  audit::AuditLog::append(*connection, actor,
                          {"create", "api_token", std::to_string(created.token.id), actor.jurisdiction_id, false, nullptr,
                           created.token.to_json()});
  transaction.commit();
  return created;
}

Result<std::vector<ApiToken>> ApiTokenService::mine(const Actor& actor) {
  if (!actor.user_id) return Error::unauthenticated(say(Msg::sign_in_for_tokens));
  auto connection = database_.connect();
  return ApiTokenRepository::for_user(*connection, *actor.user_id);
}

Result<ApiToken> ApiTokenService::revoke(const Actor& actor, int64_t token_id) {
  if (!actor.user_id) return Error::unauthenticated(say(Msg::sign_in_for_tokens));
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  if (!ApiTokenRepository::revoke(*connection, *actor.user_id, token_id, now_timestamp())) {
    return Error::not_found(say(Msg::token_not_found, token_id));
  }
  ApiToken revoked;
  for (auto& token : ApiTokenRepository::for_user(*connection, *actor.user_id)) {
    if (token.id == token_id) revoked = token;
  }
  audit::AuditLog::append(*connection, actor,
                          {"revoke", "api_token", std::to_string(token_id), actor.jurisdiction_id, false, nullptr,
                           revoked.to_json()});
  transaction.commit();
  return revoked;
}

std::optional<Actor> ApiTokenService::actor_for_token(const std::string& sent) {
  std::string secret = secret_of(sent);
  if (secret.empty() || secret.size() > 200) return std::nullopt;
  auto connection = database_.connect();
  auto token = ApiTokenRepository::find_active(*connection, sha256_hex(secret));
  if (!token) return std::nullopt;
  auto user = UserRepository::find_by_id(*connection, token->user_id);
  if (!user) return std::nullopt;
  auto now = std::chrono::system_clock::now();
  ApiTokenRepository::note_use(*connection, token->id, format_timestamp(now), format_timestamp(now - std::chrono::hours(1)));
  return user->as_actor();
}

}  // namespace apertura::accounts
