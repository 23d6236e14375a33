#pragma once
// Accounts: registration, sign-in with throttling, sessions, password reset
// and roles. Rules:
// - an email is unique (compared in lower case) and must look like one;
// - a password has at least `min_password_length` characters (at most 1024);
// - after `max_failures` failed sign-ins for one email (or 4x that from one
//   address) within `failure_window`, sign-in is refused until the window passes;
// - a session lasts `session_days`; its token is random and stored hashed;
// - a reset token is valid for one hour and once; using it ends all sessions;
// - only admins (or the command line) create accounts with roles or change
//   roles; an official must be bound to an institution;
// - an admin bound to a jurisdiction creates and changes accounts of that
//   jurisdiction only (new accounts inherit it) and cannot make unbound ones.
// Every change is written to the audit log (not public: accounts are personal data).
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "accounts/user.h"
#include "core/crypto.h"
#include "core/paging.h"
#include "core/result.h"
#include "store/database.h"

namespace apertura::accounts {

struct AccountSettings {
  PasswordCost password_cost = PasswordCost::interactive;
  size_t min_password_length = 10;
  int session_days = 14;
  int max_failures = 5;
  std::chrono::minutes failure_window{15};
};

struct Registration {
  std::string email;
  std::string display_name;
  std::string password;
  std::string password_confirmation;
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string password;
  Role role = Role::citizen;
  std::optional<int64_t> institution_id;
  std::string jurisdiction;  // its INEGI code ("14") or slug; empty: none (or the creating admin's)
};

struct SignedIn {
  User user;
  std::string session_token;  // the cookie value; only its hash is stored
};

class AccountService {
 public:
  // `institution_exists` comes from the jurisdictions domain, which owns institutions.
  using InstitutionCheck = std::function<bool(int64_t institution_id)>;
  // A jurisdiction's id by its code, or nullopt when there is none.
  using JurisdictionLookup = std::function<std::optional<int64_t>(const std::string& code)>;
  AccountService(store::Database& database, AccountSettings settings = {},
                 InstitutionCheck institution_exists = {}, JurisdictionLookup find_jurisdiction = {});

  Result<User> register_citizen(const Registration& registration);
  Result<User> create_user(const Actor& actor, const NewUser& input);
  Result<SignedIn> sign_in(const std::string& email, const std::string& password,
                           const std::string& remote_address);
  void sign_out(const std::string& session_token);
  std::optional<Actor> actor_for_session(const std::string& session_token);

  // Always succeeds, whether or not the email has an account, so the form
  // does not reveal who is registered. Returns the token for tests and the CLI.
  std::optional<std::string> request_password_reset(const std::string& email,
                                                    const std::string& reset_url_base);
  Status reset_password(const std::string& token, const std::string& password,
                        const std::string& confirmation);

  Result<User> set_role(const Actor& actor, const std::string& email, Role role,
                        std::optional<int64_t> institution_id, const std::string& jurisdiction = "");
  Result<Paged<User>> list_users(const Actor& actor, const Slice& slice);
  Result<User> find(int64_t id);
  Result<User> find_by_email(const std::string& email);
  // Where an institution's officials are written to.
  std::vector<std::string> official_emails(int64_t institution_id);

  const AccountSettings& settings() const { return settings_; }

 private:
  void check_password(Validation& validation, const std::string& password) const;
  Result<User> insert_user(const Actor& actor, const NewUser& input);

  std::optional<Error> check_role_binding(Role role, std::optional<int64_t> institution_id) const;
  // The jurisdiction an account gets from `code`, within the acting admin's own.
  Result<std::optional<int64_t>> jurisdiction_for(const Actor& actor, const std::string& code) const;

  store::Database& database_;
  AccountSettings settings_;
  InstitutionCheck institution_exists_;
  JurisdictionLookup find_jurisdiction_;
};

// "  Ana@Example.MX " -> "ana@example.mx"
std::string normalize_email(const std::string& email);

}  // namespace apertura::accounts
