#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "audit/audit_log.h"
#include "jurisdictions/jurisdiction_service.h"
#include "notifications/outbox.h"
#include "support/test_database.h"

namespace apertura::accounts {
namespace {

class AccountServiceTest : public apertura::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    places_ = std::make_unique<jurisdictions::JurisdictionService>(db().database());
    service_ = std::make_unique<AccountService>(db().database(), settings(),
                                                [this](int64_t id) { return places_->institution_exists(id); });
  }

  AccountSettings settings() {
    AccountSettings s;
    s.password_cost = PasswordCost::minimal;
    return s;
  }
  std::unique_ptr<jurisdictions::JurisdictionService> places_;
  std::unique_ptr<AccountService> service_;

  int64_t an_institution() {
    places_->create(Actor::system(), {"00", "Estados Unidos Mexicanos", "federal"}).take();
    places_->create(Actor::system(), {"14", "Jalisco", "state"}).take();
    return places_->add_institution(Actor::system(), "14", {"Secretaría de la Hacienda Pública", "", ""}).take().id;
  }

  User registered(const std::string& email = "ana@example.mx") {
    return service_->register_citizen({email, "Ana", "contrasena-segura", "contrasena-segura"}).value();
  }
};

TEST_P(AccountServiceTest, RegistrationReportsEveryProblemAtOnce) {
  auto result = service_->register_citizen({"no-es-correo", "", "corta", "corta"});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::invalid);
  std::vector<std::string> fields;
  for (const auto& f : result.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"email", "display_name", "password"}));
}

TEST_P(AccountServiceTest, RegistrationNeedsMatchingPasswords) {
  auto result = service_->register_citizen({"ana@example.mx", "Ana", "contrasena-segura", "contrasena-otra"});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().fields.at(0).field, "password_confirmation");
}

TEST_P(AccountServiceTest, RegistrationCreatesACitizenWithANormalisedEmail) {
  auto user = service_->register_citizen({"  Ana@Example.MX ", "Ana", "contrasena-segura", "contrasena-segura"});
  ASSERT_TRUE(user.ok()) << user.error().message;
  EXPECT_EQ(user->email, "ana@example.mx");
  EXPECT_EQ(user->role, Role::citizen);
  auto connection = db().database().connect();
  auto entries = audit::AuditLog::list(*connection, false, 10, 0);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_FALSE(entries[0].change.is_public);
  EXPECT_EQ(entries[0].change.after.value("email", ""), "ana@example.mx");
  EXPECT_FALSE(entries[0].change.after.contains("password_hash"));
}

TEST_P(AccountServiceTest, DuplicateEmailIsAConflict) {
  registered();
  auto again = service_->register_citizen({"ANA@example.mx", "Otra Ana", "contrasena-segura", "contrasena-segura"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().fields.at(0).field, "email");
}

TEST_P(AccountServiceTest, SignInStartsASessionThatSignOutEnds) {
  User user = registered();
  auto signed_in = service_->sign_in("ANA@example.mx", "contrasena-segura", "127.0.0.1");
  ASSERT_TRUE(signed_in.ok());
  auto actor = service_->actor_for_session(signed_in->session_token);
  ASSERT_TRUE(actor.has_value());
  EXPECT_EQ(actor->user_id, user.id);
  EXPECT_EQ(actor->role, Role::citizen);
  // Only the token's hash is stored.
  auto connection = db().database().connect();
  EXPECT_FALSE(connection->query_one("SELECT 1 FROM sessions WHERE token_hash = ?", {signed_in->session_token}));
  service_->sign_out(signed_in->session_token);
  EXPECT_FALSE(service_->actor_for_session(signed_in->session_token).has_value());
}

TEST_P(AccountServiceTest, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
  registered();
  auto wrong = service_->sign_in("ana@example.mx", "contrasena-mala", "127.0.0.1");
  auto unknown = service_->sign_in("nadie@example.mx", "contrasena-segura", "127.0.0.1");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_P(AccountServiceTest, SignInIsThrottledAfterRepeatedFailures) {
  registered();
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(service_->sign_in("ana@example.mx", "mala", "10.0.0.1").error().kind, ErrorKind::invalid);
  }
  auto blocked = service_->sign_in("ana@example.mx", "contrasena-segura", "10.0.0.1");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().kind, ErrorKind::too_many_requests);
  // Another account is not blocked by this one's failures.
  registered("luis@example.mx");
  EXPECT_TRUE(service_->sign_in("luis@example.mx", "contrasena-segura", "10.0.0.2").ok());
}

TEST_P(AccountServiceTest, PasswordResetIsSingleUseAndEndsSessions) {
  registered();
  auto session = service_->sign_in("ana@example.mx", "contrasena-segura", "127.0.0.1").value();
  auto token = service_->request_password_reset("ana@example.mx", "http://localhost/contrasena/restablecer");
  ASSERT_TRUE(token.has_value());
  auto connection = db().database().connect();
  auto messages = notifications::Outbox::latest_for(*connection, "ana@example.mx");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].body.find("token=" + *token), std::string::npos);

  EXPECT_FALSE(service_->reset_password(*token, "nueva-contrasena", "otra-cosa").ok());
  ASSERT_TRUE(service_->reset_password(*token, "nueva-contrasena", "nueva-contrasena").ok());
  EXPECT_FALSE(service_->actor_for_session(session.session_token).has_value());
  EXPECT_FALSE(service_->sign_in("ana@example.mx", "contrasena-segura", "127.0.0.1").ok());
  EXPECT_TRUE(service_->sign_in("ana@example.mx", "nueva-contrasena", "127.0.0.1").ok());
  auto reused = service_->reset_password(*token, "tercera-contrasena", "tercera-contrasena");
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.error().fields.at(0).field, "token");
}

TEST_P(AccountServiceTest, ResetForAnUnknownEmailSendsNothing) {
  EXPECT_FALSE(service_->request_password_reset("nadie@example.mx", "http://x").has_value());
  auto connection = db().database().connect();
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM outbox")->integer("n"), 0);
}

TEST_P(AccountServiceTest, OnlyAdminsChangeRolesAndOfficialsNeedAnInstitution) {
  User citizen = registered();
  User admin = service_->create_user(Actor::system(), {"admin@example.mx", "Admin", "contrasena-segura", Role::admin, {}, ""}).value();
  auto by_citizen = service_->set_role(citizen.as_actor(), "ana@example.mx", Role::admin, std::nullopt);
  ASSERT_FALSE(by_citizen.ok());
  EXPECT_EQ(by_citizen.error().kind, ErrorKind::forbidden);
  auto anonymous = service_->set_role(Actor::anonymous(), "ana@example.mx", Role::admin, std::nullopt);
  EXPECT_EQ(anonymous.error().kind, ErrorKind::unauthenticated);
  auto no_institution = service_->set_role(admin.as_actor(), "ana@example.mx", Role::official, std::nullopt);
  EXPECT_EQ(no_institution.error().fields.at(0).field, "institution_id");
  int64_t institution = an_institution();
  auto unknown_institution = service_->set_role(admin.as_actor(), "ana@example.mx", Role::official, institution + 100);
  EXPECT_EQ(unknown_institution.error().fields.at(0).field, "institution_id");
  auto changed = service_->set_role(admin.as_actor(), "ana@example.mx", Role::official, institution);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->role, Role::official);
  EXPECT_EQ(service_->find(citizen.id)->institution_id, institution);
}

TEST_P(AccountServiceTest, ListingUsersIsForAdmins) {
  User citizen = registered();
  EXPECT_EQ(service_->list_users(citizen.as_actor(), {10, 0}).error().kind, ErrorKind::forbidden);
  auto list = service_->list_users(Actor::system(), {10, 0});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountServiceTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura::accounts
