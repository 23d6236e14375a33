#include "accounts/account_service.h"

#include <spdlog/spdlog.h>

#include "accounts/messages.h"
#include "accounts/permissions.h"
#include "accounts/user_repository.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/text.h"
#include "notifications/outbox.h"

namespace apertura::accounts {

namespace {
constexpr size_t kMaxPasswordBytes = 1024;  // bounds the hashing work per request
constexpr size_t kMaxNameLength = 120;

audit::Change account_change(std::string action, const User& user, nlohmann::json before = nullptr) {
  return {std::move(action), "user", std::to_string(user.id), std::nullopt, false, std::move(before),
          user.to_json()};
}

std::string in_future(std::chrono::seconds delta) {
  return format_timestamp(std::chrono::system_clock::now() + delta);
}

Error sign_in_refused() {
  return Error::invalid(say(Msg::wrong_credentials),
                        {{"email", say(Msg::wrong_credentials_field)}});
}
}  // namespace

std::string normalize_email(const std::string& email) { return to_lower_ascii(trim(email)); }

AccountService::AccountService(store::Database& database, AccountSettings settings,
                               InstitutionCheck institution_exists, JurisdictionLookup find_jurisdiction)
    : database_(database),
      settings_(settings),
      institution_exists_(std::move(institution_exists)),
      find_jurisdiction_(std::move(find_jurisdiction)) {}

void AccountService::check_password(Validation& validation, const std::string& password) const {
  if (utf8_length(password) < settings_.min_password_length) {
    validation.fail("password", say(Msg::password_too_short, settings_.min_password_length));
  } else if (password.size() > kMaxPasswordBytes) {
    validation.fail("password", say(Msg::password_too_long));
  }
}

std::optional<Error> AccountService::check_role_binding(Role role,
                                                        std::optional<int64_t> institution_id) const {
  if (role == Role::official && !institution_id) {
    return Error::invalid(say(Msg::official_needs_institution),
                          {{"institution_id", say(Msg::official_needs_institution_field)}});
  }
  if (institution_id && institution_exists_ && !institution_exists_(*institution_id)) {
    return Error::invalid(say(Msg::institution_unknown),
                          {{"institution_id", say(Msg::institution_unknown_field, *institution_id)}});
  }
  return std::nullopt;
}

Result<std::optional<int64_t>> AccountService::jurisdiction_for(const Actor& actor, const std::string& raw) const {
  bool scoped = actor.role == Role::admin && actor.jurisdiction_id;
  std::string code = trim(raw);
  if (code.empty()) return scoped ? actor.jurisdiction_id : std::optional<int64_t>();
  std::optional<int64_t> id = find_jurisdiction_ ? find_jurisdiction_(code) : std::nullopt;
  if (!id) {
    return Error::invalid(say(Msg::jurisdiction_unknown),
                          {{"jurisdiction", say(Msg::jurisdiction_unknown_field, code)}});
  }
  if (scoped && *id != *actor.jurisdiction_id) {
    return Error::forbidden(say(Msg::only_own_jurisdiction));
  }
  return id;
}

Result<User> AccountService::insert_user(const Actor& actor, const NewUser& input) {
  Validation validation;
  std::string email = normalize_email(input.email);
  std::string name = trim(input.display_name);
  validation.require(looks_like_email(email), "email", say(Msg::email_field));
  validation.require(!name.empty(), "display_name", say(Msg::name_field));
  validation.require(utf8_length(name) <= kMaxNameLength, "display_name",
                     say(Msg::at_most_120));
  validation.require(is_valid_utf8(name), "display_name", say(Msg::invalid_characters));
  check_password(validation, input.password);
  if (!validation.ok()) return validation.error();
  if (auto error = check_role_binding(input.role, input.institution_id)) return *error;
  auto jurisdiction = jurisdiction_for(actor, input.jurisdiction);
  if (!jurisdiction) return jurisdiction.error();

  User user{0, email, name, input.role, input.institution_id, now_timestamp(), jurisdiction.value()};
  std::string hash = hash_password(input.password, settings_.password_cost);
  auto connection = database_.connect();
  try {
    store::Transaction transaction(*connection);
    user.id = UserRepository::insert(*connection, user, hash);
    Actor author = actor.signed_in() || actor.role == Role::system ? actor : user.as_actor();
    audit::AuditLog::append(*connection, author, account_change("create", user));
    transaction.commit();
  } catch (const store::UniqueViolation&) {
    return Error::conflict(say(Msg::email_taken),
                           {{"email", say(Msg::email_taken_field)}});
  }
  return user;
}

Result<User> AccountService::register_citizen(const Registration& registration) {
  if (registration.password != registration.password_confirmation) {
    return Error::invalid(say(Msg::passwords_differ),
                          {{"password_confirmation", say(Msg::same_as_password)}});
  }
  return insert_user(Actor::anonymous(),
                     {registration.email, registration.display_name, registration.password,
                      Role::citizen, std::nullopt, ""});
}

Result<User> AccountService::create_user(const Actor& actor, const NewUser& input) {
  if (auto error = account_permissions().check(actor, AccountAction::create_user)) return *error;
  return insert_user(actor, input);
}

Result<SignedIn> AccountService::sign_in(const std::string& raw_email, const std::string& password,
                                         const std::string& remote_address) {
  std::string email = normalize_email(raw_email);
  std::string email_subject = "email:" + email;
  std::string address_subject = "ip:" + remote_address;
  auto connection = database_.connect();
  std::string since = format_timestamp(std::chrono::system_clock::now() - settings_.failure_window);
  if (LoginFailureRepository::count_since(*connection, email_subject, since) >= settings_.max_failures ||
      LoginFailureRepository::count_since(*connection, address_subject, since) >=
          4 * settings_.max_failures) {
    return Error::too_many_requests(say(Msg::too_many_failures, settings_.failure_window.count()));
  }
  auto stored = UserRepository::find_by_email(*connection, email);
  // An unknown email costs the same hashing work as a wrong password, so the
  // response time does not tell which accounts exist.
  static const std::string unknown_user_hash = hash_password(random_token(), settings_.password_cost);
  bool valid = password.size() <= kMaxPasswordBytes &&
               verify_password(password, stored ? stored->password_hash : unknown_user_hash) && stored;
  if (!valid) {
    store::Transaction transaction(*connection);
    for (const std::string& subject : {email_subject, address_subject}) {
      LoginFailureRepository::forget_before(*connection, subject, since);
      LoginFailureRepository::record(*connection, subject);
    }
    transaction.commit();
    return sign_in_refused();
  }
  std::string token = random_token();
  store::Transaction transaction(*connection);
  SessionRepository::remove_expired_for_user(*connection, stored->user.id);
  SessionRepository::create(*connection, sha256_hex(token), stored->user.id,
                            in_future(std::chrono::hours(24 * settings_.session_days)));
  LoginFailureRepository::clear(*connection, email_subject);
  transaction.commit();
  return SignedIn{stored->user, token};
}

void AccountService::sign_out(const std::string& session_token) {
  auto connection = database_.connect();
  SessionRepository::remove(*connection, sha256_hex(session_token));
}

std::optional<Actor> AccountService::actor_for_session(const std::string& session_token) {
  auto connection = database_.connect();
  auto user = SessionRepository::find_user(*connection, sha256_hex(session_token));
  if (!user) return std::nullopt;
  return user->as_actor();
}

std::optional<std::string> AccountService::request_password_reset(const std::string& raw_email,
                                                                  const std::string& reset_url_base) {
  std::string email = normalize_email(raw_email);
  auto connection = database_.connect();
  auto stored = UserRepository::find_by_email(*connection, email);
  if (!stored) {
    spdlog::info("password reset asked for an unknown email");
    return std::nullopt;
  }
  std::string token = random_token();
  store::Transaction transaction(*connection);
  PasswordResetRepository::create(*connection, sha256_hex(token), stored->user.id,
                                  in_future(std::chrono::hours(1)));
  notifications::Outbox::enqueue(
      *connection, email, say(Msg::reset_subject),
      say(Msg::reset_body, stored->user.display_name, reset_url_base + "?token=" + token), false);
  transaction.commit();
  return token;
}

Status AccountService::reset_password(const std::string& token, const std::string& password,
                                      const std::string& confirmation) {
  Validation validation;
  check_password(validation, password);
  validation.require(password == confirmation, "password_confirmation", say(Msg::same_as_password));
  if (!validation.ok()) return validation.error();
  auto connection = database_.connect();
  std::string token_hash = sha256_hex(token);
  auto user_id = PasswordResetRepository::find_valid(*connection, token_hash);
  if (!user_id) {
    return Error::invalid(say(Msg::reset_link_invalid),
                          {{"token", say(Msg::reset_link_invalid_field)}});
  }
  auto user = UserRepository::find_by_id(*connection, *user_id);
  store::Transaction transaction(*connection);
  UserRepository::update_password(*connection, *user_id, hash_password(password, settings_.password_cost));
  PasswordResetRepository::mark_used(*connection, token_hash);
  SessionRepository::remove_for_user(*connection, *user_id);
  audit::AuditLog::append(*connection, user->as_actor(), account_change("reset_password", *user));
  transaction.commit();
  return ok_status();
}

Result<User> AccountService::set_role(const Actor& actor, const std::string& raw_email, Role role,
                                      std::optional<int64_t> institution_id, const std::string& jurisdiction_code) {
  if (auto error = account_permissions().check(actor, AccountAction::change_role)) return *error;
  if (auto error = check_role_binding(role, institution_id)) return *error;
  auto jurisdiction = jurisdiction_for(actor, jurisdiction_code);
  if (!jurisdiction) return jurisdiction.error();
  auto connection = database_.connect();
  auto stored = UserRepository::find_by_email(*connection, normalize_email(raw_email));
  if (!stored) return Error::not_found(say(Msg::no_account_with_email, raw_email));
  User before = stored->user;
  if (actor.role == Role::admin && actor.jurisdiction_id && before.jurisdiction_id != actor.jurisdiction_id) {
    return Error::forbidden(say(Msg::account_elsewhere));
  }
  User after = before;
  after.role = role;
  after.institution_id = institution_id;
  after.jurisdiction_id = jurisdiction.value();
  store::Transaction transaction(*connection);
  UserRepository::update_role(*connection, after);
  audit::AuditLog::append(*connection, actor, account_change("change_role", after, before.to_json()));
  transaction.commit();
  return after;
}

Result<Paged<User>> AccountService::list_users(const Actor& actor, const Slice& slice) {
  if (auto error = account_permissions().check(actor, AccountAction::list_users)) return *error;
  auto connection = database_.connect();
  std::optional<int64_t> scope = actor.role == Role::admin ? actor.jurisdiction_id : std::nullopt;
  return UserRepository::list(*connection, slice, scope);
}

Result<User> AccountService::find(int64_t id) {
  auto connection = database_.connect();
  auto user = UserRepository::find_by_id(*connection, id);
  if (!user) return Error::not_found(say(Msg::account_not_found, id));
  return *user;
}

Result<User> AccountService::find_by_email(const std::string& email) {
  auto connection = database_.connect();
  auto stored = UserRepository::find_by_email(*connection, normalize_email(email));
  if (!stored) return Error::not_found(say(Msg::no_account_with_email, email));
  return stored->user;
}

std::vector<std::string> AccountService::official_emails(int64_t institution_id) {
  auto connection = database_.connect();
  return UserRepository::official_emails(*connection, institution_id);
}

}  // namespace apertura::accounts
