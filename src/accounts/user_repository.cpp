#include "accounts/user_repository.h"

#include "core/clock.h"

namespace apertura::accounts {

namespace {
constexpr const char* kUserColumns =
    "users.id, users.email, users.display_name, users.role, users.institution_id, users.jurisdiction_id, users.created_at";

User user_from_row(const store::Row& row) {
  User user;
  user.id = row.integer("id");
  user.email = row.text("email");
  user.display_name = row.text("display_name");
  user.role = parse_role(row.text("role")).value_or(Role::citizen);
  user.institution_id = row.optional_integer("institution_id");
  user.jurisdiction_id = row.optional_integer("jurisdiction_id");
  user.created_at = row.text("created_at");
  return user;
}
}  // namespace

nlohmann::json User::to_json() const {
  return {{"id", id},
          {"email", email},
          {"display_name", display_name},
          {"role", std::string(role_name(role))},
          {"institution_id", institution_id ? nlohmann::json(*institution_id) : nlohmann::json()},
          {"jurisdiction_id", jurisdiction_id ? nlohmann::json(*jurisdiction_id) : nlohmann::json()},
          {"created_at", created_at}};
}

std::optional<StoredUser> UserRepository::find_by_email(store::Connection& c, const std::string& email) {
  auto row = c.query_one(std::string("SELECT ") + kUserColumns +
                             ", users.password_hash FROM users WHERE users.email = ?",
                         {email});
  if (!row) return std::nullopt;
  return StoredUser{user_from_row(*row), row->text("password_hash")};
}

std::optional<User> UserRepository::find_by_id(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE users.id = ?", {id});
  if (!row) return std::nullopt;
  return user_from_row(*row);
}

int64_t UserRepository::insert(store::Connection& c, const User& user, const std::string& password_hash) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO users (email, display_name, password_hash, role, institution_id, jurisdiction_id, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {user.email, user.display_name, password_hash, role_name(user.role), user.institution_id,
       user.jurisdiction_id, now, now});
}

void UserRepository::update_role(store::Connection& c, const User& user) {
  c.execute("UPDATE users SET role = ?, institution_id = ?, jurisdiction_id = ?, updated_at = ? WHERE id = ?",
            {role_name(user.role), user.institution_id, user.jurisdiction_id, now_timestamp(), user.id});
}

void UserRepository::update_password(store::Connection& c, int64_t id, const std::string& password_hash) {
  c.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
            {password_hash, now_timestamp(), id});
}

Paged<User> UserRepository::list(store::Connection& c, const Slice& slice,
                                 std::optional<int64_t> jurisdiction_id) {
  Paged<User> page;
  // "jurisdiction_id IS ?" is not portable, so an unscoped list matches every row with -1.
  int64_t scope = jurisdiction_id.value_or(-1);
  std::string where = " WHERE (? = -1 OR users.jurisdiction_id = ?)";
  for (const auto& row : c.query(std::string("SELECT ") + kUserColumns + " FROM users" + where +
                                     " ORDER BY users.id LIMIT ? OFFSET ?",
                                 {scope, scope, slice.limit, slice.offset})) {
    page.items.push_back(user_from_row(row));
  }
  page.total = c.query_one("SELECT COUNT(*) AS n FROM users" + where, {scope, scope})->integer("n");
  return page;
}

std::vector<std::string> UserRepository::official_emails(store::Connection& c, int64_t institution_id) {
  std::vector<std::string> emails;
  for (const auto& row : c.query("SELECT email FROM users WHERE role = 'official' AND institution_id = ? ORDER BY id",
                                 {institution_id})) {
    emails.push_back(row.text("email"));
  }
  return emails;
}

void SessionRepository::create(store::Connection& c, const std::string& token_hash, int64_t user_id,
                               const std::string& expires_at) {
  c.execute("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            {token_hash, user_id, now_timestamp(), expires_at});
}

std::optional<User> SessionRepository::find_user(store::Connection& c, const std::string& token_hash) {
  auto row = c.query_one(std::string("SELECT ") + kUserColumns +
                             " FROM sessions JOIN users ON users.id = sessions.user_id "
                             "WHERE sessions.token_hash = ? AND sessions.expires_at > ?",
                         {token_hash, now_timestamp()});
  if (!row) return std::nullopt;
  return user_from_row(*row);
}

void SessionRepository::remove(store::Connection& c, const std::string& token_hash) {
  c.execute("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void SessionRepository::remove_for_user(store::Connection& c, int64_t user_id) {
  c.execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

void SessionRepository::remove_expired_for_user(store::Connection& c, int64_t user_id) {
  c.execute("DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?", {user_id, now_timestamp()});
}

void LoginFailureRepository::forget_before(store::Connection& c, const std::string& subject,
                                           const std::string& since) {
  c.execute("DELETE FROM login_failures WHERE subject = ? AND failed_at <= ?", {subject, since});
}

void LoginFailureRepository::record(store::Connection& c, const std::string& subject) {
  c.execute("INSERT INTO login_failures (subject, failed_at) VALUES (?, ?)", {subject, now_timestamp()});
}

int64_t LoginFailureRepository::count_since(store::Connection& c, const std::string& subject,
                                            const std::string& since) {
  return c.query_one("SELECT COUNT(*) AS n FROM login_failures WHERE subject = ? AND failed_at > ?",
                     {subject, since})
      ->integer("n");
}

void LoginFailureRepository::clear(store::Connection& c, const std::string& subject) {
  c.execute("DELETE FROM login_failures WHERE subject = ?", {subject});
}

void PasswordResetRepository::create(store::Connection& c, const std::string& token_hash,
                                     int64_t user_id, const std::string& expires_at) {
  c.execute(
      "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
      {token_hash, user_id, now_timestamp(), expires_at});
}

std::optional<int64_t> PasswordResetRepository::find_valid(store::Connection& c,
                                                           const std::string& token_hash) {
  auto row = c.query_one(
      "SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
      {token_hash, now_timestamp()});
  if (!row) return std::nullopt;
  return row->integer("user_id");
}

void PasswordResetRepository::mark_used(store::Connection& c, const std::string& token_hash) {
  c.execute("UPDATE password_resets SET used_at = ? WHERE token_hash = ?", {now_timestamp(), token_hash});
}

}  // namespace apertura::accounts
