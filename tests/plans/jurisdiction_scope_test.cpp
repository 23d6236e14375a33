// Admins bound to a jurisdiction act on that jurisdiction only: its
// secretariat, plans, proposals and accounts; an answered proposal leaves a
// message for its author.
#include <gtest/gtest.h>

#include "notifications/outbox.h"
#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;

class JurisdictionScopeTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    app_->create_jalisco_finance();
    app_->app().jurisdictions().create(Actor::system(), {"20", "Oaxaca", "state"}).take();
    accounts().create_user(Actor::system(), {"garante-jal@example.mx", "ITEI", kPassword, Role::admin, {}, "14"}).take();
    accounts().create_user(Actor::system(), {"nacional@example.mx", "Nacional", kPassword, Role::admin, {}, ""}).take();
  }

  accounts::AccountService& accounts() { return app_->app().accounts(); }
  static constexpr const char* kPassword = apertura::testing::TestApp::kPassword;
};

TEST_P(JurisdictionScopeTest, AnAdminOfAStateManagesOnlyThatStatesSecretariatAndPlans) {
  HttpClient jalisco = app_->signed_in_client("garante-jal@example.mx");
  nlohmann::json member = {{"name", "Eva"}, {"sector", "guarantor"}, {"organization", "ITEI"}, {"starts_on", "2025-01-01"}};
  EXPECT_EQ(jalisco.send_json("POST", "/api/v1/jurisdictions/14/secretariat/members", member).status, 201u);
  auto elsewhere = jalisco.send_json("POST", "/api/v1/jurisdictions/20/secretariat/members", member);
  EXPECT_EQ(elsewhere.status, 403u);
  EXPECT_NE(elsewhere.body.find("otra"), std::string::npos) << elsewhere.body;

  auto plan = jalisco.post_form("/jurisdicciones/jalisco/planes", {{"starts_on", "2026-01-01"}, {"ends_on", "2026-12-31"}});
  EXPECT_EQ(plan.status, 303u) << plan.body;
  EXPECT_EQ(jalisco.post_form("/jurisdicciones/oaxaca/planes", {{"starts_on", "2026-01-01"}, {"ends_on", "2026-12-31"}}).status,
            403u);
  EXPECT_EQ(jalisco.post_form("/jurisdicciones/oaxaca/sesiones", {{"held_on", "2026-02-10"}, {"place", "x"}, {"agenda", "y"}})
                .status,
            403u);
  // The forms are offered only where they would be accepted.
  EXPECT_NE(jalisco.get("/jurisdicciones/jalisco/secretariado").body.find("Registrar una sesión"), std::string::npos);
  EXPECT_EQ(jalisco.get("/jurisdicciones/oaxaca/secretariado").body.find("Registrar una sesión"), std::string::npos);
  EXPECT_NE(jalisco.get("/jurisdicciones/jalisco").body.find("Registrar una institución"), std::string::npos);
  EXPECT_EQ(jalisco.get("/jurisdicciones/oaxaca").body.find("Registrar una institución"), std::string::npos);
  EXPECT_EQ(jalisco.post_form("/jurisdicciones/oaxaca/instituciones", {{"name", "Congreso de Oaxaca"}}).status, 403u);

  // An admin bound to no jurisdiction (the portal's operator) acts everywhere.
  HttpClient national = app_->signed_in_client("nacional@example.mx");
  EXPECT_EQ(national.send_json("POST", "/api/v1/jurisdictions/20/secretariat/members", member).status, 201u);
  EXPECT_EQ(app_->app().plans().plans_in(app_->app().jurisdictions().find("20")->id).size(), 0u);
}

TEST_P(JurisdictionScopeTest, AnAdminOfAStateManagesOnlyThatStatesAccounts) {
  auto admin = accounts().find_by_email("garante-jal@example.mx").take().as_actor();
  auto created = accounts().create_user(admin, {"enlace@example.mx", "Enlace", kPassword, Role::civil_society, {}, ""});
  ASSERT_TRUE(created.ok()) << created.error().message;
  int64_t jalisco_id = app_->app().jurisdictions().find("14")->id;
  EXPECT_EQ(created->jurisdiction_id, jalisco_id);  // inherited from the admin who created it

  auto other_state = accounts().create_user(admin, {"x@example.mx", "X", kPassword, Role::citizen, {}, "20"});
  ASSERT_FALSE(other_state.ok());
  EXPECT_EQ(other_state.error().kind, ErrorKind::forbidden);
  auto unknown = accounts().set_role(Actor::system(), "enlace@example.mx", Role::civil_society, std::nullopt, "99");
  ASSERT_FALSE(unknown.ok());
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0].field, "jurisdiction");

  // Accounts of other jurisdictions (or of none) are neither listed nor changed.
  auto listed = accounts().list_users(admin, {100, 0}).take();
  ASSERT_EQ(listed.total, 2);
  for (const auto& user : listed.items) EXPECT_EQ(user.jurisdiction_id, jalisco_id);
  auto change_national = accounts().set_role(admin, "nacional@example.mx", Role::citizen, std::nullopt);
  ASSERT_FALSE(change_national.ok());
  EXPECT_EQ(change_national.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(accounts().list_users(accounts().find_by_email("nacional@example.mx").take().as_actor(), {100, 0})->total, 3);

  // The binding survives a restart (it is read from the database with the session).
  app_->restart();
  HttpClient jalisco = app_->signed_in_client("garante-jal@example.mx");
  auto page = jalisco.get("/admin/usuarios");
  EXPECT_NE(page.body.find("enlace@example.mx"), std::string::npos);
  EXPECT_EQ(page.body.find("nacional@example.mx"), std::string::npos);
}

TEST_P(JurisdictionScopeTest, ASecretariatMemberIsLinkedToAnAccountByItsEmail) {
  app_->create_user("colectivo@example.mx", Role::civil_society);
  HttpClient admin = app_->signed_in_client("garante-jal@example.mx");
  auto unknown = admin.post_form("/jurisdicciones/jalisco/secretariado",
                                 {{"name", "Colectivo"}, {"sector", "civil_society"}, {"organization", "Colectivo"},
                                  {"starts_on", "2025-01-01"}, {"account_email", "nadie@example.mx"}});
  EXPECT_EQ(unknown.status, 422u);
  EXPECT_NE(unknown.body.find("no hay una cuenta con ese correo"), std::string::npos);
  EXPECT_TRUE(app_->app().secretariats().secretariat("14")->members.empty());  // nothing half-written

  auto linked = admin.post_form("/jurisdicciones/jalisco/secretariado",
                                {{"name", "Colectivo"}, {"sector", "civil_society"}, {"organization", "Colectivo"},
                                 {"starts_on", "2025-01-01"}, {"account_email", "Colectivo@Example.mx"}});
  EXPECT_EQ(linked.status, 303u) << linked.body;
  auto members = app_->client().get("/api/v1/jurisdictions/14/secretariat").json()["data"]["members"];
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0]["has_account"], true);
  EXPECT_FALSE(members[0].contains("user_id"));  // the public list does not expose accounts
  auto colectivo = app_->app().accounts().find_by_email("colectivo@example.mx").take().as_actor();
  int64_t jalisco = app_->app().jurisdictions().find("14")->id;
  int64_t oaxaca = app_->app().jurisdictions().find("20")->id;
  EXPECT_TRUE(app_->app().secretariats().is_member(colectivo, jalisco, plans::Sector::civil_society));
  EXPECT_FALSE(app_->app().secretariats().is_member(colectivo, jalisco, plans::Sector::government));
  EXPECT_FALSE(app_->app().secretariats().is_member(colectivo, oaxaca, plans::Sector::civil_society));
}

TEST_P(JurisdictionScopeTest, OnlyTheProposalsStateAnswersItAndTheAuthorGetsAMessage) {
  app_->create_user("ana@example.mx", Role::citizen);
  HttpClient ana = app_->signed_in_client("ana@example.mx");
  auto created = ana.send_json("POST", "/api/v1/jurisdictions/20/proposals",
                               {{"kind", "problem"}, {"title", "Obras sin datos"}, {"description", "No se publican."}});
  ASSERT_EQ(created.status, 201u) << created.body;
  std::string url = "/propuestas/" + std::to_string(created.json()["data"]["id"].get<int64_t>());
  HttpClient jalisco = app_->signed_in_client("garante-jal@example.mx");
  EXPECT_EQ(jalisco.post_form(url + "/respuesta", {{"status", "not_adopted"}, {"answer", "No"}}).status, 403u);
  EXPECT_EQ(jalisco.get(url).body.find("/respuesta"), std::string::npos);

  HttpClient national = app_->signed_in_client("nacional@example.mx");
  auto answered = national.post_form(url + "/respuesta",
                                     {{"status", "not_adopted"}, {"answer", "Ya lo atiende el compromiso de obra pública."}});
  EXPECT_EQ(answered.status, 303u) << answered.body;
  auto connection = app_->app().database().connect();
  auto messages = notifications::Outbox::latest_for(*connection, "ana@example.mx");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].subject, "Respuesta a tu propuesta «Obras sin datos»");
  EXPECT_NE(messages[0].body.find("Ya lo atiende el compromiso de obra pública."), std::string::npos);
  EXPECT_NE(messages[0].body.find(url), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, JurisdictionScopeTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
