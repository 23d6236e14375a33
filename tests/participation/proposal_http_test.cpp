#include <gtest/gtest.h>

#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;
using apertura::testing::TestApp;

class ProposalHttpTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    int64_t institution = app_->create_jalisco_finance();
    app_->app().jurisdictions().create(Actor::system(), {"20", "Oaxaca", "state"}).take();
    auto& plans = app_->app().plans();
    auto plan = plans.create_plan(Actor::system(), "14", {"", "2026-01-01", "2026-12-31", "", ""}).take();
    jalisco_commitment_ = plans.add_commitment(Actor::system(), plan.id,
                                               {"1", "Compras abiertas", "", "", "a", std::to_string(institution), "", "", "", ""})
                              .take()
                              .id;
    auto oaxaca_plan = plans.create_plan(Actor::system(), "20", {"", "2026-01-01", "2026-12-31", "", ""}).take();
    oaxaca_commitment_ = plans.add_commitment(Actor::system(), oaxaca_plan.id, {"1", "Otro", "", "", "a", "", "", "", "", ""})
                             .take()
                             .id;
    app_->create_user("ana@example.mx", Role::citizen);
    app_->create_user("luis@example.mx", Role::civil_society);
    app_->create_user("admin@example.mx", Role::admin);
  }

  int64_t submit(HttpClient& client) {
    auto created = client.post_form("/jurisdicciones/jalisco/propuestas",
                                    {{"kind", "problem"}, {"title", "No se sabe a quién compra el estado"},
                                     {"description", "Los contratos no se publican."}, {"aims", "a"}, {"aims", "k"}});
    EXPECT_EQ(created.status, 303u) << created.body;
    std::string location = created.header("location");
    return std::stoll(location.substr(location.rfind('/') + 1));
  }

  int64_t jalisco_commitment_ = 0;
  int64_t oaxaca_commitment_ = 0;
};

TEST_P(ProposalHttpTest, ACitizenProposesOthersSupportAndCommentAndTheProposerSeesTheAnswer) {
  HttpClient anonymous = app_->client();
  EXPECT_EQ(anonymous.post_form("/jurisdicciones/jalisco/propuestas", {{"title", "x"}}).status, 401u);
  HttpClient ana = app_->signed_in_client("ana@example.mx");
  auto invalid = ana.post_form("/jurisdicciones/jalisco/propuestas", {{"title", ""}, {"description", ""}, {"aims", "z"}});
  EXPECT_EQ(invalid.status, 422u);
  EXPECT_NE(invalid.body.find("no es un fin de la declaración"), std::string::npos);
  int64_t id = submit(ana);
  std::string url = "/propuestas/" + std::to_string(id);

  HttpClient luis = app_->signed_in_client("luis@example.mx");
  EXPECT_EQ(luis.post_form(url + "/apoyos", {}).status, 303u);
  EXPECT_EQ(luis.post_form(url + "/apoyos", {}).status, 409u);  // once per account
  EXPECT_EQ(luis.post_form(url + "/comentarios", {{"body", "Lo mismo pasa en los municipios."}}).status, 303u);
  EXPECT_EQ(luis.post_form(url + "/respuesta", {{"status", "not_adopted"}, {"answer", "No"}}).status, 403u);

  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto elsewhere = admin.post_form(url + "/respuesta", {{"status", "adopted"}, {"answer", "Sí"},
                                                        {"commitment_id", std::to_string(oaxaca_commitment_)}});
  EXPECT_EQ(elsewhere.status, 422u);
  EXPECT_NE(elsewhere.body.find("de un plan de esta jurisdicción"), std::string::npos);
  auto no_reason = admin.post_form(url + "/respuesta", {{"status", "not_adopted"}, {"answer", ""}});
  EXPECT_EQ(no_reason.status, 422u);
  auto adopted = admin.post_form(url + "/respuesta", {{"status", "adopted"}, {"answer", "Se convirtió en el compromiso 1."},
                                                      {"commitment_id", std::to_string(jalisco_commitment_)}});
  EXPECT_EQ(adopted.status, 303u);

  auto page = ana.get(url);
  EXPECT_NE(page.body.find("Incorporada al plan"), std::string::npos);
  EXPECT_NE(page.body.find("Se convirtió en el compromiso 1."), std::string::npos);
  EXPECT_NE(page.body.find("Lo mismo pasa en los municipios."), std::string::npos);
  EXPECT_NE(page.body.find("1 apoyos"), std::string::npos);
  auto mine = ana.get("/propuestas/mias");
  EXPECT_NE(mine.body.find("Se convirtió en el compromiso 1."), std::string::npos);

  auto api = app_->client().get("/api/v1/proposals/" + std::to_string(id)).json()["data"];
  EXPECT_EQ(api["status"], "adopted");
  EXPECT_EQ(api["commitment_id"], jalisco_commitment_);
  EXPECT_EQ(api["supports"], 1);
  EXPECT_EQ(api["comments"].size(), 1u);
  EXPECT_EQ(api["aims"], nlohmann::json({"a", "k"}));
}

TEST_P(ProposalHttpTest, ListsFilterAndDownload) {
  HttpClient ana = app_->signed_in_client("ana@example.mx");
  submit(ana);
  auto created = ana.send_json("POST", "/api/v1/jurisdictions/14/proposals",
                               {{"title", "Presupuesto participativo"}, {"description", "Decidir parte del gasto."}});
  ASSERT_EQ(created.status, 201u) << created.body;
  auto list = app_->client().get("/api/v1/jurisdictions/jalisco/proposals?status=open").json();
  EXPECT_EQ(list["meta"]["total"], 2);
  EXPECT_EQ(list["data"][0]["title"], "Presupuesto participativo");
  EXPECT_EQ(app_->client().get("/api/v1/jurisdictions/jalisco/proposals?status=adopted").json()["meta"]["total"], 0);
  EXPECT_EQ(app_->client().get("/api/v1/jurisdictions/jalisco/proposals?status=maybe").status, 400u);
  auto csv = app_->client().get("/jurisdicciones/jalisco/propuestas.csv");
  EXPECT_NE(csv.body.find("No se sabe a quién compra el estado"), std::string::npos);
  EXPECT_NE(app_->client().get("/jurisdicciones/jalisco/propuestas").body.find("Presupuesto participativo"),
            std::string::npos);
  EXPECT_TRUE(app_->app().audit().verify().ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProposalHttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
