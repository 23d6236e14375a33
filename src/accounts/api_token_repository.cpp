#include "accounts/api_token_repository.h"

namespace apertura::accounts {

namespace {

constexpr const char* kColumns = "SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens ";

ApiToken token_from(const store::Row& row) {
  return {row.integer("id"),  row.integer("user_id"), row.text("name"), row.text("created_at"), row.optional_text("last_used_at"),
          row.optional_text("revoked_at")};
}

}  // namespace

int64_t ApiTokenRepository::insert(store::Connection& c, int64_t user_id, const std::string& name,
                                   const std::string& token_hash, const std::string& created_at) {
  return c.insert_returning_id(
      "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id",
      {user_id, name, token_hash, created_at});
}

std::vector<ApiToken> ApiTokenRepository::for_user(store::Connection& c, int64_t user_id) {
  std::vector<ApiToken> out;
  for (const auto& row : c.query(std::string(kColumns) + "WHERE user_id = ? ORDER BY id DESC", {user_id})) {
    out.push_back(token_from(row));
  }
  return out;
}

int64_t ApiTokenRepository::count_active(store::Connection& c, int64_t user_id) {
  return c.query_one("SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL", {user_id})->integer("n");
}

bool ApiTokenRepository::revoke(store::Connection& c, int64_t user_id, int64_t id, const std::string& at) {
  return c.execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                   {at, id, user_id}) == 1;
}

std::optional<ApiToken> ApiTokenRepository::find_active(store::Connection& c, const std::string& token_hash) {
  auto row = c.query_one(std::string(kColumns) + "WHERE token_hash = ? AND revoked_at IS NULL", {token_hash});
  if (!row) return std::nullopt;
  return token_from(*row);
}

void ApiTokenRepository::note_use(store::Connection& c, int64_t id, const std::string& at, const std::string& hour_ago) {
  c.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
            {at, id, hour_ago});
}

}  // namespace apertura::accounts
