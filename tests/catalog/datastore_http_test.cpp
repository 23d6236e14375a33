// The datastore through its pages, on both databases: a CSV uploaded on the
// dataset's page is shown as a table to page, sort and search, downloaded
// again (formulas disarmed), and its column types corrected by its keeper.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;

constexpr const char* kCsv =
    "clave,municipio,monto\n"
    "001,Guadalajara,1500.5\n"
    "002,Zapopan,=HYPERLINK(\"http://x\")\n"
    "003,Tonalá,200\n";

class DatastoreHttpTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    int64_t finance = app_->create_jalisco_finance();
    app_->create_user("laura@finanzas.mx", Role::official, finance);
    app_->create_user("ana@example.mx", Role::citizen);
  }

  // A published dataset with the CSV uploaded through the page; returns the resource's page.
  std::string publish(HttpClient& laura, const std::string& csv) {
    auto created = laura.post_form("/datos", {{"title", "Pagos 2026"}, {"license", "CC-BY-4.0"}});
    EXPECT_EQ(created.status, 303u) << created.body;
    std::string url = created.header("location");
    EXPECT_EQ(laura.post_file(url + "/recursos", {{"name", "Pagos"}}, "file", "pagos.csv", csv).status, 303u);
    EXPECT_EQ(laura.post_form(url + "/publicacion", {}).status, 303u);
    auto api = app_->client().get("/api/3/action/package_show?id=pagos-2026");
    auto id = nlohmann::json::parse(api.body)["result"]["resources"][0]["id"].get<std::string>();
    return url + "/recursos/" + id;
  }
};

TEST_P(DatastoreHttpTest, ATableIsBrowsedDownloadedAndItsTypesCorrectedByItsKeeperWithTheReportShown) {
  HttpClient laura = app_->signed_in_client("laura@finanzas.mx");
  std::string resource = publish(laura, kCsv);
  HttpClient anyone = app_->client();
  auto page = anyone.get(resource);
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Cargamos el archivo como una tabla de 3 filas y 3 columnas"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<td data-label=\"municipio\">Tonalá</td>"), std::string::npos);  // the first rows
  EXPECT_EQ(page.body.find("Corregir los tipos"), std::string::npos);  // not for strangers
  EXPECT_NE(laura.get(resource).body.find("Corregir los tipos"), std::string::npos);

  auto table = anyone.get(resource + "/tabla?q=tonal%C3%A1&orden=clave&dir=desc");
  ASSERT_EQ(table.status, 200u);
  EXPECT_NE(table.body.find("1 fila con «tonalá»"), std::string::npos) << table.body;
  EXPECT_NE(table.body.find("aria-sort=\"descending\""), std::string::npos);
  EXPECT_EQ(anyone.get(resource + "/tabla?orden=nada").status, 422u);
  EXPECT_EQ(anyone.get(resource + "/tabla?page=0").status, 400u);

  auto csv = anyone.get(resource + "/tabla.csv");
  ASSERT_EQ(csv.status, 200u);
  EXPECT_NE(csv.body.find("'=HYPERLINK"), std::string::npos);  // a spreadsheet will not run it
  EXPECT_NE(csv.body.find("001,Guadalajara,1500.5"), std::string::npos);
  EXPECT_NE(csv.header("link").find("creativecommons.org/licenses/by/4.0"), std::string::npos);
  auto json = nlohmann::json::parse(anyone.get(resource + "/tabla.json").body);
  EXPECT_EQ(json["data"].size(), 3u);
  EXPECT_EQ(json["data"][2]["municipio"], "Tonalá");
  EXPECT_EQ(json["license"]["id"], "CC-BY-4.0");

  // Only its keepers correct the types.
  EXPECT_EQ(anyone.get(resource + "/esquema").status, 401u);
  EXPECT_EQ(app_->signed_in_client("ana@example.mx").get(resource + "/esquema").status, 403u);
  auto form = laura.get(resource + "/esquema");
  ASSERT_EQ(form.status, 200u);
  EXPECT_NE(form.body.find("Columna 3: monto"), std::string::npos);
  auto missing = laura.post_form(resource + "/esquema", {{"version", "1"}, {"type_1", "string"}});
  EXPECT_EQ(missing.status, 422u);
  EXPECT_NE(missing.body.find("indica el tipo de cada una de las 3 columnas"), std::string::npos);
  auto stale = laura.post_form(resource + "/esquema",
                               {{"version", "7"}, {"type_1", "string"}, {"type_2", "string"}, {"type_3", "number"}});
  EXPECT_EQ(stale.status, 409u);

  // "monto" as a number: the formula is not one, so the file is not loaded and the report says where.
  auto as_number = laura.post_form(resource + "/esquema",
                                   {{"version", "1"}, {"type_1", "string"}, {"type_2", "string"}, {"type_3", "number"}});
  ASSERT_EQ(as_number.status, 303u) << as_number.body;
  EXPECT_NE(laura.get(as_number.header("location")).body.find("el archivo tiene 1 error con ellos"), std::string::npos);
  auto report = anyone.get(resource);
  EXPECT_NE(report.body.find("no se cargó como tabla consultable"), std::string::npos);
  EXPECT_NE(report.body.find("Fila 3, columna 3 («monto»): «=HYPERLINK(&quot;http://x&quot;)» no es del tipo"),
            std::string::npos) << report.body;
  EXPECT_EQ(anyone.get(resource + "/tabla").status, 303u);
  EXPECT_EQ(anyone.get(resource + "/tabla.csv").status, 404u);

  auto as_text = laura.post_form(resource + "/esquema",
                                 {{"version", "2"}, {"type_1", "string"}, {"type_2", "string"}, {"type_3", "string"}});
  ASSERT_EQ(as_text.status, 303u) << as_text.body;
  EXPECT_NE(laura.get(as_text.header("location")).body.find("cargamos la tabla: 3 filas"), std::string::npos);
  EXPECT_NE(anyone.get(resource).body.find("con los tipos de columna que corrigió quien lo publica"), std::string::npos);

  // The table survives a restart.
  app_->restart();
  EXPECT_NE(app_->client().get(resource + "/tabla").body.find("3 filas"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatastoreHttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
