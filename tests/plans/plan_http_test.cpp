#include <gtest/gtest.h>

#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;
using apertura::testing::TestApp;

class PlanHttpTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    finance_ = app_->create_jalisco_finance();
    app_->create_user("admin@example.mx", Role::admin);
    app_->create_user("funcionaria@example.mx", Role::official, finance_);
    app_->create_user("ciudadana@example.mx", Role::citizen);
  }

  // Creates a draft plan through the form and returns its id.
  int64_t create_plan(HttpClient& admin) {
    auto created = admin.post_form("/jurisdicciones/jalisco/planes", {{"starts_on", "2026-01-01"}, {"ends_on", "2026-12-31"}});
    EXPECT_EQ(created.status, 303u);
    std::string location = created.header("location");
    return std::stoll(location.substr(location.rfind('/') + 1));
  }

  void add_complete_commitment(HttpClient& admin, int64_t plan_id, int number) {
    auto commitment = admin.send_json("POST", "/api/v1/plans/" + std::to_string(plan_id) + "/commitments",
                                      {{"number", number}, {"title", "Compromiso " + std::to_string(number)},
                                       {"problem", "La información de compras no se puede consultar."},
                                       {"objective", "Publicar las compras en datos abiertos."},
                                       {"aims", {"a", "k"}}, {"institution_id", finance_},
                                       {"counterpart", "Colectivo"}, {"starts_on", "2026-02-01"}, {"ends_on", "2026-11-30"}});
    ASSERT_EQ(commitment.status, 201u) << commitment.body;
    std::string id = std::to_string(commitment.json()["data"]["id"].get<int64_t>());
    for (const char* due : {"2026-03-31", "2026-09-30"}) {
      auto milestone = admin.send_json("POST", "/api/v1/commitments/" + id + "/milestones",
                                       {{"description", std::string("Hito ") + due}, {"due_on", due}});
      ASSERT_EQ(milestone.status, 201u) << milestone.body;
    }
    auto indicator = admin.send_json("POST", "/api/v1/commitments/" + id + "/indicators",
                                     {{"name", "Contratos publicados"}, {"unit", "%"}, {"baseline", 10}, {"target", 90}});
    ASSERT_EQ(indicator.status, 201u) << indicator.body;
  }

  int64_t finance_ = 0;
};

TEST_P(PlanHttpTest, AdminBuildsAndPublishesAPlanThenTheOfficialReportsProgress) {
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  int64_t plan_id = create_plan(admin);
  std::string plan_url = "/planes/" + std::to_string(plan_id);
  EXPECT_EQ(admin.post_form(plan_url + "/estado", {{"status", "co_creation"}}).status, 303u);
  for (int n = 1; n <= 4; ++n) add_complete_commitment(admin, plan_id, n);

  auto refused = admin.post_form(plan_url + "/estado", {{"status", "published"}});
  EXPECT_EQ(refused.status, 422u);
  EXPECT_NE(refused.body.find("falta el compromiso 5"), std::string::npos);

  add_complete_commitment(admin, plan_id, 5);
  auto published = admin.post_form(plan_url + "/estado", {{"status", "published"}});
  EXPECT_EQ(published.status, 303u);
  auto document = app_->client().get("/api/v1/plans/" + std::to_string(plan_id)).json()["data"];
  EXPECT_EQ(document["status"], "published");
  ASSERT_EQ(document["commitments"].size(), 5u);
  int64_t milestone_id = document["commitments"][0]["milestones"][0]["id"];
  int64_t commitment_id = document["commitments"][0]["id"];

  HttpClient citizen = app_->signed_in_client("ciudadana@example.mx");
  EXPECT_EQ(citizen.post_form("/hitos/" + std::to_string(milestone_id) + "/avance",
                              {{"status", "completed"}, {"commitment_id", std::to_string(commitment_id)}})
                .status,
            403u);
  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  auto reported = official.post_form("/hitos/" + std::to_string(milestone_id) + "/avance",
                                     {{"status", "completed"}, {"commitment_id", std::to_string(commitment_id)}});
  EXPECT_EQ(reported.status, 303u);
  auto page = official.get("/compromisos/" + std::to_string(commitment_id));
  EXPECT_NE(page.body.find("value=\"50\""), std::string::npos);  // the progress bar moved
  EXPECT_NE(page.body.find("Registramos el avance del hito"), std::string::npos);
  EXPECT_NE(page.body.find("Secretaría de la Hacienda Pública"), std::string::npos);
  auto bad_value = official.post_form("/indicadores/" + std::to_string(document["commitments"][0]["indicators"][0]["id"].get<int64_t>()) + "/valor",
                                      {{"value", "muchos"}, {"commitment_id", std::to_string(commitment_id)}});
  EXPECT_EQ(bad_value.status, 422u);
  EXPECT_NE(bad_value.body.find("escribe un número"), std::string::npos);
}

TEST_P(PlanHttpTest, CommitmentPageShowsReadabilityToEditorsOnly) {
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  int64_t plan_id = create_plan(admin);
  add_complete_commitment(admin, plan_id, 1);
  auto document = app_->client().get("/api/v1/plans/" + std::to_string(plan_id)).json()["data"];
  std::string url = "/compromisos/" + std::to_string(document["commitments"][0]["id"].get<int64_t>());
  EXPECT_NE(admin.get(url).body.find("Szigriszt-Pazos"), std::string::npos);
  EXPECT_EQ(app_->client().get(url).body.find("Szigriszt-Pazos"), std::string::npos);
  auto readability = admin.send_json("POST", "/api/v1/readability", {{"text", "La ley es clara. Todos pueden pedir información."}});
  EXPECT_EQ(readability.json()["data"]["inflesz_band"], "muy fácil");
}

TEST_P(PlanHttpTest, SecretariatPageAndJurisdictionSectionSayWhetherItIsConstituted) {
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  EXPECT_NE(app_->client().get("/jurisdicciones/jalisco").body.find("sin constituir"), std::string::npos);
  // The state's card on the home page says so too.
  EXPECT_NE(app_->client().get("/").body.find("Secretariado técnico tripartito por constituir"), std::string::npos);
  for (const auto& [name, sector] : {std::pair<std::string, std::string>{"Ana", "government"},
                                     {"Colectivo", "civil_society"}, {"ITEI", "guarantor"}}) {
    auto added = admin.post_form("/jurisdicciones/jalisco/secretariado",
                                 {{"name", name}, {"sector", sector}, {"organization", name}, {"starts_on", "2025-01-01"}});
    EXPECT_EQ(added.status, 303u);
  }
  auto invalid = admin.post_form("/jurisdicciones/jalisco/secretariado", {{"name", ""}, {"sector", "prensa"}});
  EXPECT_EQ(invalid.status, 422u);
  EXPECT_NE(app_->client().get("/jurisdicciones/jalisco").body.find("Secretariado Técnico Tripartita constituido"),
            std::string::npos);
  EXPECT_NE(app_->client().get("/").body.find("Secretariado técnico tripartito constituido"), std::string::npos);
  auto api = app_->client().get("/api/v1/jurisdictions/14/secretariat").json()["data"];
  EXPECT_TRUE(api["constituted"].get<bool>());
  EXPECT_EQ(api["members"].size(), 3u);
  EXPECT_EQ(app_->signed_in_client("ciudadana@example.mx")
                .post_form("/jurisdicciones/jalisco/secretariado", {{"name", "X"}, {"sector", "government"}})
                .status,
            403u);
}

TEST_P(PlanHttpTest, OverviewAndPlanDownloads) {
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  int64_t plan_id = create_plan(admin);
  add_complete_commitment(admin, plan_id, 1);
  auto csv = app_->client().get("/planes.csv");
  EXPECT_NE(csv.body.find("14,Jalisco,false,draft,0,2"), std::string::npos) << csv.body;
  // The home page's card: a draft is "in preparation", with no link yet, and its overdue milestones counted.
  auto home = app_->client().get("/").body;
  EXPECT_NE(home.find("<li>Plan de acción en preparación</li>"), std::string::npos) << home;
  EXPECT_NE(home.find(R"(<li class="fact-warning">2 hitos vencidos</li>)"), std::string::npos) << home;
  auto overview = app_->client().get("/api/v1/overview").json();
  EXPECT_EQ(overview["meta"]["total"], 2);
  // The plan's page sits under its jurisdiction and says its period in words.
  auto plan_page = app_->client().get("/planes/" + std::to_string(plan_id)).body;
  EXPECT_NE(plan_page.find(R"(<nav aria-label="Estás en" class="breadcrumbs"><ol><li><a href="/jurisdicciones/jalisco">Jalisco</a></li></ol></nav>)"),
            std::string::npos) << plan_page;
  EXPECT_NE(plan_page.find("<dd>del 1 de enero al 31 de diciembre de 2026</dd>"), std::string::npos);
  // So do the jurisdiction page and the commitment's milestones, each date in a <time> for machines.
  EXPECT_NE(app_->client().get("/jurisdicciones/jalisco").body.find("del 1 de enero al 31 de diciembre de 2026"),
            std::string::npos);
  auto plan_json = app_->client().get("/api/v1/plans/" + std::to_string(plan_id)).json();
  auto commitment_page =
      app_->client().get("/compromisos/" + std::to_string(plan_json["data"]["commitments"][0]["id"].get<int64_t>()));
  EXPECT_NE(commitment_page.body.find(R"(Fecha compromiso: <time datetime="2026-03-31">31 de marzo de 2026</time>)"),
            std::string::npos) << commitment_page.body;
  auto document = app_->client().get("/planes/" + std::to_string(plan_id) + "/plan.json");
  EXPECT_NE(document.header("content-disposition").find("plan-"), std::string::npos);
  EXPECT_EQ(document.json()["commitments"].size(), 1u);
  auto milestones = app_->client().get("/planes/" + std::to_string(plan_id) + "/hitos.csv");
  EXPECT_NE(milestones.body.find("Hito 2026-03-31"), std::string::npos);
  auto indicators = app_->client().get("/planes/" + std::to_string(plan_id) + "/indicadores.csv");
  EXPECT_NE(indicators.body.find("1,1,Contratos publicados,%,10,90,,,"), std::string::npos) << indicators.body;
  EXPECT_EQ(app_->client().get("/planes/abc").status, 404u);
  EXPECT_EQ(app_->client().get("/api/v1/plans/999").status, 404u);
}

// A plan is published under the licence its secretariat chose, and every
// page and download of it says which; CC BY 4.0 when none was chosen.
TEST_P(PlanHttpTest, APlanCarriesItsLicenceOnItsPageDownloadsAndApi) {
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto form = admin.get("/jurisdicciones/jalisco/secretariado").body;
  EXPECT_NE(form.find(R"(<option value="Libre-Uso-MX">Términos de Libre Uso MX</option>)"), std::string::npos);
  auto created = admin.post_form("/jurisdicciones/jalisco/planes",
                                 {{"starts_on", "2026-01-01"}, {"ends_on", "2026-12-31"}, {"license", "Libre-Uso-MX"}});
  ASSERT_EQ(created.status, 303u) << created.body;
  std::string location = created.header("location");
  std::string id = location.substr(location.rfind('/') + 1);
  add_complete_commitment(admin, std::stoll(id), 1);

  auto page = app_->client().get("/planes/" + id).body;
  EXPECT_NE(page.find(R"(<a href="https://datos.gob.mx/libreusomx" rel="license">Términos de Libre Uso MX</a>)"),
            std::string::npos);
  EXPECT_EQ(page.find("licencia CC BY 4.0"), std::string::npos);
  for (const char* download : {"/compromisos.json", "/hitos.json", "/indicadores.json"}) {
    auto file = app_->client().get("/planes/" + id + download);
    EXPECT_EQ(file.json()["license"]["id"], "Libre-Uso-MX") << download;
    EXPECT_NE(file.header("link").find("datos.gob.mx/libreusomx"), std::string::npos) << download;
  }
  EXPECT_NE(app_->client().get("/planes/" + id + "/compromisos.csv").header("link").find("libreusomx"),
            std::string::npos);
  EXPECT_EQ(app_->client().get("/api/v1/plans/" + id).json()["data"]["license"], "Libre-Uso-MX");

  auto plain = admin.send_json("POST", "/api/v1/jurisdictions/14/plans", {{"starts_on", "2027-01-01"}, {"ends_on", "2027-12-31"}});
  ASSERT_EQ(plain.status, 201u) << plain.body;
  EXPECT_EQ(plain.json()["data"]["license"], "CC-BY-4.0");
  auto wrong = admin.send_json("POST", "/api/v1/jurisdictions/14/plans",
                               {{"starts_on", "2028-01-01"}, {"ends_on", "2028-12-31"}, {"license", "GPL"}});
  EXPECT_EQ(wrong.status, 422u);
  EXPECT_EQ(wrong.json()["error"]["fields"][0]["field"], "license");
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanHttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
