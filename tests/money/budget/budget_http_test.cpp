// Budget execution through HTTP, on both databases: loading lines, linking
// contracts to them and following the money from budget to supplier.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace apertura::money {
namespace {

using nlohmann::json;

const std::string kHeader = "ejercicio,clave,unidad_responsable,aprobado,modificado,comprometido,devengado,ejercido,pagado\n";

// A process of `buyer` awarded to one supplier, its money from budget line `budget_id`.
json release(const std::string& ocid, const std::string& budget_id, const std::string& method, double amount) {
  json r = {{"ocid", ocid},
            {"id", ocid + "-1"},
            {"date", "2026-03-01T10:00:00-06:00"},
            {"tag", {"award"}},
            {"initiationType", "tender"},
            {"buyer", {{"id", "MX-RFC-SSJ"}, {"name", "Secretaría de Salud Jalisco"}}},
            {"parties", {{{"id", "MX-RFC-PROV"}, {"name", "Farmacéutica de Occidente"}, {"roles", {"supplier"}}}}},
            {"tender", {{"id", "t"}, {"title", "Medicamentos " + ocid}, {"procurementMethod", method}}},
            {"awards", {{{"id", "a1"}, {"status", "active"}, {"value", {{"amount", amount}, {"currency", "MXN"}}},
                         {"suppliers", {{{"id", "MX-RFC-PROV"}, {"name", "Farmacéutica de Occidente"}}}}}}}};
  if (!budget_id.empty()) r["planning"] = {{"budget", {{"id", budget_id}}}};
  return r;
}

class BudgetHttpTest : public testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    finance_ = app_->create_jalisco_finance();
    app_->app().jurisdictions().create(Actor::system(), {"20", "Oaxaca", "state"}).take();
    int64_t oaxaca = app_->app().jurisdictions().add_institution(Actor::system(), "20", {"Finanzas Oaxaca", "", ""}).take().id;
    app_->create_user("funcionaria@example.mx", Role::official, finance_);
    app_->create_user("oaxaca@example.mx", Role::official, oaxaca);
    app_->create_user("ciudadana@example.mx", Role::citizen);
  }

  testing::HttpResponse upload(testing::HttpClient& client, const std::string& csv) {
    return client.request("POST", "/api/v1/budget/imports?jurisdiction=14", csv, "text/csv",
                          {{"X-CSRF-Token", client.cookie("apertura_csrf")}});
  }

  int64_t finance_ = 0;
};

TEST_P(BudgetHttpTest, LinesAreLoadedWholeOrNotAtAllAndUpdatedByKey) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  auto loaded = upload(official, kHeader +
                                     "2026,E003-1,Secretaría de la Hacienda Pública,1000,1200,900,800,700,600\n"
                                     "2026,E003-2,Secretaría de Salud,5000,5000,4000,3000,2000,1000\n");
  ASSERT_EQ(loaded.status, 201u) << loaded.body;
  EXPECT_EQ(loaded.json()["data"]["created"], 2);
  auto lines = app_->client().get("/api/v1/budget/lines?jurisdiction=14&year=2026").json();
  ASSERT_EQ(lines["meta"]["total"], 2);
  // A unit named like one of the jurisdiction's institutions is linked to it.
  for (const auto& line : lines["data"]) {
    if (line["key"] == "E003-1") {
      EXPECT_EQ(line["institution_id"], finance_);
    }
    if (line["key"] == "E003-2") {
      EXPECT_TRUE(line["institution_id"].is_null());
    }
  }

  // One bad row: nothing of the file is written, and the row is named.
  auto refused = upload(official, kHeader +
                                      "2026,E003-1,Secretaría de la Hacienda Pública,1,1,1,1,1,1\n"
                                      "2026,E003-9,Secretaría de Salud,10,10,10,10,20,10\n");
  EXPECT_EQ(refused.status, 422u);
  EXPECT_EQ(refused.json()["error"]["fields"][0]["field"], "línea 3");
  auto unchanged = app_->client().get("/api/v1/budget/lines?jurisdiction=14&year=2026").json();
  EXPECT_EQ(unchanged["meta"]["total"], 2);
  for (const auto& line : unchanged["data"]) {
    if (line["key"] == "E003-1") {
      EXPECT_EQ(line["moments"]["modified"], 1200.0);
    }
  }

  // The same key again replaces its amounts.
  auto updated = upload(official, kHeader + "2026,E003-1,Secretaría de la Hacienda Pública,1000,1300,1000,900,800,700\n");
  ASSERT_EQ(updated.status, 201u) << updated.body;
  EXPECT_EQ(updated.json()["data"]["created"], 0);
  EXPECT_EQ(updated.json()["data"]["updated"], 1);
  app_->restart();
  auto csv = app_->client().get("/presupuesto/lineas.csv?jurisdiccion=14&anio=2026");
  EXPECT_EQ(csv.status, 200u);
  EXPECT_NE(csv.body.find("E003-1,Secretaría de la Hacienda Pública,,,,,1000,1300,1000,900,800,700"), std::string::npos)
      << csv.body;
}

TEST_P(BudgetHttpTest, OnlyOfficialsAndAdminsOfTheJurisdictionLoadIt) {
  std::string csv = kHeader + "2026,X,Salud,1,1,1,1,1,1\n";
  auto anonymous = app_->client();
  anonymous.get("/");  // the CSRF cookie, so the refusal is about signing in
  EXPECT_EQ(upload(anonymous, csv).status, 401u);
  auto citizen = app_->signed_in_client("ciudadana@example.mx");
  EXPECT_EQ(upload(citizen, csv).status, 403u);
  auto oaxaca = app_->signed_in_client("oaxaca@example.mx");
  auto elsewhere = upload(oaxaca, csv);
  EXPECT_EQ(elsewhere.status, 403u);
  EXPECT_NE(elsewhere.body.find("no pertenece a esa jurisdicción"), std::string::npos);
  EXPECT_EQ(app_->client().get("/api/v1/budget/lines?jurisdiction=14").json()["meta"]["total"], 0);
  EXPECT_EQ(app_->client().get("/api/v1/budget/lines?jurisdiction=14&year=20x6").status, 400u);
}

TEST_P(BudgetHttpTest, TheTrailFollowsLinkedContractsFromBudgetToSupplier) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  ASSERT_EQ(upload(official, kHeader + "2026,PP-SALUD,Secretaría de Salud,5000000,5000000,4000000,3000000,2000000,1000000\n")
                .status,
            201u);
  int64_t jalisco = app_->app().jurisdictions().find("14")->id;
  std::string releases = release("ocds-bud-1", "PP-SALUD", "open", 1200000).dump() + "\n" +
                         release("ocds-bud-2", "", "direct", 300000).dump() + "\n";
  auto imported = official.request("POST", "/api/v1/ocds/imports?wait=1&jurisdiction_id=" + std::to_string(jalisco), releases,
                                   "application/json", {{"X-CSRF-Token", official.cookie("apertura_csrf")}});
  ASSERT_EQ(imported.status, 201u) << imported.body;

  // The first reaches the line by planning.budget.id; the second is linked by hand.
  auto trail = app_->client().get("/api/v1/budget/trail?jurisdiction=14&year=2026").json()["data"];
  ASSERT_EQ(trail["methods"].size(), 1u);
  EXPECT_EQ(trail["methods"][0]["institution"], "Secretaría de Salud");
  EXPECT_EQ(trail["methods"][0]["method"], "open");
  EXPECT_EQ(trail["methods"][0]["amount"], 1200000.0);
  auto link = official.send_json("POST", "/api/v1/processes/ocds-bud-2/budget-lines", {{"year", 2026}, {"key", "PP-SALUD"}});
  EXPECT_EQ(link.status, 201u) << link.body;
  EXPECT_EQ(official.send_json("POST", "/api/v1/processes/ocds-bud-2/budget-lines", {{"year", 2026}, {"key", "PP-SALUD"}}).status,
            409u);
  auto unknown = official.send_json("POST", "/api/v1/processes/ocds-bud-2/budget-lines", {{"year", 2026}, {"key", "NO"}});
  EXPECT_EQ(unknown.status, 422u);
  EXPECT_EQ(app_->signed_in_client("ciudadana@example.mx")
                .send_json("POST", "/api/v1/processes/ocds-bud-2/budget-lines", {{"year", 2026}, {"key", "PP-SALUD"}})
                .status,
            403u);

  app_->restart();
  trail = app_->client().get("/api/v1/budget/trail?jurisdiction=14&year=2026").json()["data"];
  ASSERT_EQ(trail["methods"].size(), 2u);
  ASSERT_EQ(trail["suppliers"].size(), 1u);
  EXPECT_EQ(trail["suppliers"][0]["name"], "Farmacéutica de Occidente");
  EXPECT_EQ(trail["suppliers"][0]["amount"], 1500000.0);
  EXPECT_EQ(trail["suppliers"][0]["processes"], 2);
  EXPECT_EQ(trail["total"]["modified"], 5000000.0);
  // The chart: budget -> unit -> two methods -> the supplier.
  EXPECT_EQ(trail["chart"]["nodes"].size(), 5u);
  EXPECT_EQ(trail["chart"]["links"].size(), 5u);

  auto page = app_->client().get("/presupuesto?jurisdiccion=14&anio=2026");
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Farmacéutica de Occidente"), std::string::npos);
  EXPECT_NE(page.body.find("data-chart=\"{&quot;links&quot;"), std::string::npos);
  EXPECT_NE(page.body.find("$1,500,000.00 MXN"), std::string::npos);
  // It sits under its state, which a select changes; no OCDS field path in its words.
  EXPECT_NE(page.body.find(R"(<ol><li><a href="/jurisdicciones/jalisco">Jalisco</a></li></ol>)"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<select id="campo-entidad" name="jurisdiccion"><option value="14" selected>Jalisco</option>)"),
            std::string::npos);
  EXPECT_EQ(page.body.find("planning.budget.id"), std::string::npos);
  // A year this state has no lines for says so.
  EXPECT_NE(app_->client().get("/presupuesto?jurisdiccion=14&anio=1999").body.find("No hay líneas presupuestarias de 1999"),
            std::string::npos);
  auto process = app_->client().get("/contrataciones/ocds-bud-2");
  EXPECT_NE(process.body.find("<code>PP-SALUD</code>"), std::string::npos);
  auto flows = app_->client().get("/presupuesto/flujos.json?jurisdiccion=14&anio=2026");
  EXPECT_EQ(flows.status, 200u);
  EXPECT_NE(flows.body.find("Farmacéutica de Occidente"), std::string::npos);
  EXPECT_EQ(app_->client().get("/api/v1/processes/ocds-bud-1/budget-lines").json()["data"][0]["key"], "PP-SALUD");

  // The process page offers officials the same link as a form.
  official = app_->signed_in_client("funcionaria@example.mx");  // the server came back on another port
  ASSERT_EQ(upload(official, kHeader + "2025,PP-SALUD-25,Secretaría de Salud,10,10,5,5,5,5\n").status, 201u);
  EXPECT_NE(official.get("/contrataciones/ocds-bud-1").body.find("action=\"/contrataciones/ocds-bud-1/presupuesto\""),
            std::string::npos);
  EXPECT_EQ(app_->client().get("/contrataciones/ocds-bud-1").body.find("ocds-bud-1/presupuesto"), std::string::npos);
  auto linked = official.post_form("/contrataciones/ocds-bud-1/presupuesto", {{"year", "2025"}, {"key", "PP-SALUD-25"}});
  EXPECT_EQ(linked.status, 303u) << linked.body;
  EXPECT_EQ(app_->client().get("/api/v1/processes/ocds-bud-1/budget-lines").json()["data"].size(), 2u);
  EXPECT_EQ(official.post_form("/contrataciones/ocds-bud-1/presupuesto", {{"year", "dos mil"}, {"key", "X"}}).status, 422u);
  auto lines_page = app_->client().get("/presupuesto/lineas?jurisdiccion=14&anio=2025");
  EXPECT_NE(lines_page.body.find("PP-SALUD-25"), std::string::npos);
  EXPECT_EQ(lines_page.body.find("<code>PP-SALUD</code>"), std::string::npos);  // 2026 is another year
}

INSTANTIATE_TEST_SUITE_P(Backends, BudgetHttpTest, ::testing::ValuesIn(testing::available_backends()),
                         testing::BackendName());

}  // namespace
}  // namespace apertura::money
