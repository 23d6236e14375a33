#pragma once
// SQL for users, sessions, sign-in failures and password-reset tokens.
// Tokens are stored only as their SHA-256, so a copy of the database does not
// let anyone sign in.
#include <optional>
#include <string>
#include <vector>

#include "accounts/user.h"
#include "core/paging.h"
#include "store/connection.h"

namespace apertura::accounts {

struct StoredUser {
  User user;
  std::string password_hash;
};

class UserRepository {
 public:
  static std::optional<StoredUser> find_by_email(store::Connection& c, const std::string& email);
  static std::optional<User> find_by_id(store::Connection& c, int64_t id);
  // Throws store::UniqueViolation when the email is taken.
  static int64_t insert(store::Connection& c, const User& user, const std::string& password_hash);
  // Role, institution and jurisdiction.
  static void update_role(store::Connection& c, const User& user);
  static void update_password(store::Connection& c, int64_t id, const std::string& password_hash);
  // All accounts, or those of one jurisdiction.
  static Paged<User> list(store::Connection& c, const Slice& slice, std::optional<int64_t> jurisdiction_id);
  // The e-mail addresses of the officials bound to an institution.
  static std::vector<std::string> official_emails(store::Connection& c, int64_t institution_id);
};

class SessionRepository {
 public:
  static void create(store::Connection& c, const std::string& token_hash, int64_t user_id,
                     const std::string& expires_at);
  static std::optional<User> find_user(store::Connection& c, const std::string& token_hash);
  static void remove(store::Connection& c, const std::string& token_hash);
  static void remove_for_user(store::Connection& c, int64_t user_id);
  static void remove_expired_for_user(store::Connection& c, int64_t user_id);
};

class LoginFailureRepository {
 public:
  static void record(store::Connection& c, const std::string& subject);
  static int64_t count_since(store::Connection& c, const std::string& subject,
                             const std::string& since);
  static void clear(store::Connection& c, const std::string& subject);
  // Drops failures older than the throttling window, so the table stays small.
  static void forget_before(store::Connection& c, const std::string& subject, const std::string& since);
};

class PasswordResetRepository {
 public:
  static void create(store::Connection& c, const std::string& token_hash, int64_t user_id,
                     const std::string& expires_at);
  // The user of an unused, unexpired token.
  static std::optional<int64_t> find_valid(store::Connection& c, const std::string& token_hash);
  static void mark_used(store::Connection& c, const std::string& token_hash);
};

}  // namespace apertura::accounts
