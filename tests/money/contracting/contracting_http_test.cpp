// Contracting pages, downloads and API through HTTP, on both databases.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/shared_data.h"
#include "support/test_app.h"

namespace apertura::money {
namespace {

using nlohmann::json;
using testing::read_text;
using testing::shared_data;

class ContractingHttpTest : public testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    int64_t finance = app_->create_jalisco_finance();
    app_->create_user("funcionaria@example.mx", Role::official, finance);
    app_->create_user("ciudadana@example.mx", Role::citizen);
  }
  // The worked example's six packages, uploaded by an official through the page.
  void upload_sample() {
    auto official = app_->signed_in_client("funcionaria@example.mx");
    for (const char* stage : {"01-planning", "02-tender", "03-tenderAmendment", "04-award", "05-contract",
                              "06-implementation"}) {
      std::string name = "ocds-213czf-000-00001-" + std::string(stage) + ".json";
      auto response = official.post_file("/contrataciones/importar", {}, "file", name,
                                         read_text(shared_data() / "ocds-sample" / name));
      // A small file is imported while the form waits; its job's page has the result.
      ASSERT_EQ(response.status, 303u) << response.body;
      auto job = official.get(response.header("location"));
      ASSERT_EQ(job.status, 200u);
      EXPECT_NE(job.body.find("<strong>1</strong> entregas importadas"), std::string::npos) << job.body;
    }
  }
};

TEST_P(ContractingHttpTest, AnOfficialUploadsAndEveryoneFindsTheProcess) {
  upload_sample();
  auto visitor = app_->client();
  auto list = visitor.get("/contrataciones?q=cycle&method=open");
  ASSERT_EQ(list.status, 200u);
  EXPECT_NE(list.body.find("/contrataciones/ocds-213czf-000-00001"), std::string::npos);
  EXPECT_EQ(visitor.get("/contrataciones?q=cycle&method=direct").body.find("ocds-213czf-000-00001\""),
            std::string::npos);

  auto page = visitor.get("/contrataciones/ocds-213czf-000-00001");
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Qué cambió y cuándo"), std::string::npos);
  EXPECT_NE(page.body.find("tender/value/amount"), std::string::npos);  // the tender amendment changed it

  auto api = visitor.get("/api/v1/processes/ocds-213czf-000-00001").json()["data"];
  json record = json::parse(read_text(shared_data() / "ocds-sample" / "record" / "ocds-213czf-000-00001.json"));
  EXPECT_EQ(api["compiled_release"], record["records"][0]["compiledRelease"]);
  EXPECT_EQ(api["releases"], 6);

  // The portal publishes OCDS itself: a record package of the selection.
  auto package = visitor.get("/api/v1/ocds/records?q=cycle").json();
  ASSERT_EQ(package["records"].size(), 1u);
  EXPECT_EQ(package["records"][0]["releases"].size(), 6u);
  EXPECT_EQ(package["version"], "1.1");

  // The data survives a restart.
  app_->restart();
  EXPECT_EQ(app_->client().get("/api/v1/processes?q=cycle").json()["meta"]["total"], 1);
}

// A record that only links its releases brings its publisher's compiled
// release: the process shows it as the publisher's, never merged as a
// release; once the releases arrive, Apertura compiles them by the rules.
TEST_P(ContractingHttpTest, ARecordThatOnlyLinksItsReleasesShowsThePublishersCompilationUntilTheyArrive) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  json compiled = {{"ocid", "ocds-enl-1"}, {"id", "ocds-enl-1-compilada"}, {"date", "2024-02-01T00:00:00Z"},
                   {"tag", {"compiled"}}, {"tender", {{"id", "t"}, {"title", "Según quien publica"}}},
                   {"planning", {{"rationale", "Solo en la compilada"}}}};
  json records = {{"uri", "https://example.mx/registros.json"}, {"version", "1.1"},
                  {"publisher", {{"name", "Finanzas"}}},
                  {"records", {{{"ocid", "ocds-enl-1"},
                                {"releases", {{{"url", "https://example.mx/r1.json"}, {"date", "2024-01-01T00:00:00Z"},
                                               {"tag", {"tender"}}}}},
                                {"compiledRelease", compiled}}}}};
  auto upload = [&](const std::string& name, const json& body) {
    auto response = official.post_file("/contrataciones/importar", {}, "file", name, body.dump());
    ASSERT_EQ(response.status, 303u) << response.body;
  };
  upload("registros.json", records);
  auto visitor = app_->client();
  json api = visitor.get("/api/v1/processes/ocds-enl-1").json()["data"];
  EXPECT_EQ(api["compiled_release"], compiled) << "kept as the publisher wrote it";
  EXPECT_EQ(api["compiled_by"], "publisher");
  EXPECT_EQ(api["releases"], 0);
  auto page = visitor.get("/contrataciones/ocds-enl-1");
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("la entrega compilada por quien publica"), std::string::npos) << page.body;
  EXPECT_EQ(visitor.get("/api/v1/ocds/releases?ocid=ocds-enl-1").json()["releases"].size(), 0u)
      << "the publisher's compilation is not a release";

  json releases = {{"uri", "https://example.mx/r1.json"}, {"version", "1.1"},
                   {"releases", {{{"ocid", "ocds-enl-1"}, {"id", "r1"}, {"date", "2024-01-01T00:00:00Z"},
                                  {"tag", {"tender"}}, {"tender", {{"id", "t"}, {"title", "Según sus entregas"}}}}}}};
  upload("r1.json", releases);
  upload("registros.json", records);  // the record again changes nothing now
  app_->restart();
  auto after = app_->client();
  api = after.get("/api/v1/processes/ocds-enl-1").json()["data"];
  EXPECT_EQ(api["compiled_by"], "apertura");
  EXPECT_EQ(api["releases"], 1);
  EXPECT_EQ(api["compiled_release"]["tender"]["title"], "Según sus entregas");
  EXPECT_FALSE(api["compiled_release"].contains("planning")) << "never merged with the publisher's compilation";
  EXPECT_EQ(api["compiled_release"]["id"], "ocds-enl-1-2024-01-01T00:00:00Z");
  EXPECT_NE(after.get("/contrataciones/ocds-enl-1").body.find("Apertura compiló estos datos"), std::string::npos);
  EXPECT_EQ(after.get("/api/v1/ocds/releases?ocid=ocds-enl-1").json()["releases"].size(), 1u);
}

TEST_P(ContractingHttpTest, BuyerAndSupplierPagesSumTheirContracts) {
  upload_sample();
  auto visitor = app_->client();
  auto process = visitor.get("/api/v1/processes/ocds-213czf-000-00001").json()["data"];
  int64_t buyer = process["buyer_id"];
  auto organization = visitor.get("/api/v1/organizations/" + std::to_string(buyer)).json()["data"];
  EXPECT_EQ(organization["name"], process["buyer"]);
  ASSERT_EQ(organization["as_buyer"]["top_suppliers"].size(), 1u);
  int64_t supplier = organization["as_buyer"]["top_suppliers"][0]["id"];
  auto supplier_view = visitor.get("/api/v1/organizations/" + std::to_string(supplier)).json()["data"];
  ASSERT_EQ(supplier_view["as_supplier"]["buyers"].size(), 1u);
  EXPECT_EQ(supplier_view["as_supplier"]["buyers"][0]["id"], buyer);
  auto page = visitor.get("/organizaciones/" + std::to_string(buyer));
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Principales proveedores"), std::string::npos);
}

TEST_P(ContractingHttpTest, DownloadsAndFiltersRefuseBadValues) {
  upload_sample();
  auto visitor = app_->client();
  auto csv = visitor.get("/contrataciones.csv?q=cycle");
  EXPECT_EQ(csv.status, 200u);
  EXPECT_NE(csv.body.find("ocds-213czf-000-00001"), std::string::npos);
  auto bad = visitor.get("/api/v1/processes?min=mucho");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_NE(bad.body.find("min"), std::string::npos);
  EXPECT_EQ(visitor.get("/api/v1/processes?method=subasta").status, 400u);
  EXPECT_EQ(visitor.get("/api/v1/processes?from=ayer").status, 400u);
  EXPECT_EQ(visitor.get("/contrataciones/ocds-no-existe").status, 404u);
  EXPECT_EQ(visitor.get("/organizaciones/abc").status, 404u);
  EXPECT_EQ(visitor.get("/api/v1/organizations/0").status, 404u);
  auto range = visitor.get("/api/v1/processes?min=1&max=2").json();
  EXPECT_EQ(range["meta"]["total"], 0);
}

TEST_P(ContractingHttpTest, OnlyOfficialsAndAdminsImport) {
  std::string release = R"({"ocid":"ocds-x-1","id":"1","date":"2024-01-01T00:00:00Z","tag":["tender"]})";
  EXPECT_EQ(app_->client().get("/contrataciones/importar").status, 401u);
  auto citizen = app_->signed_in_client("ciudadana@example.mx");
  EXPECT_EQ(citizen.post_file("/contrataciones/importar", {}, "file", "x.json", release).status, 403u);
  auto official = app_->signed_in_client("funcionaria@example.mx");
  auto not_json = official.post_file("/contrataciones/importar", {}, "file", "x.csv", "ocid,id\n1,2\n");
  EXPECT_EQ(not_json.status, 422u);
  EXPECT_NE(not_json.body.find("no es JSON"), std::string::npos);
  auto api = official.request("POST", "/api/v1/ocds/imports?wait=1", release, "application/json",
                              {{"X-CSRF-Token", official.cookie("apertura_csrf")}});
  ASSERT_EQ(api.status, 201u) << api.body;
  EXPECT_EQ(api.json()["data"]["imported"], 1);
  EXPECT_EQ(app_->client().get("/api/v1/processes").json()["meta"]["total"], 1);
  // The jobs are the officials' business.
  EXPECT_EQ(citizen.get("/api/v1/ocds/imports").status, 403u);
  EXPECT_EQ(app_->client().get("/contrataciones/importaciones").status, 401u);
  EXPECT_EQ(official.get("/api/v1/ocds/imports").json()["meta"]["total"], 2);
}

// Releases are republished under their package's licence; a package that
// states none takes the licence chosen for its import (CC BY 4.0 unless
// Libre Uso MX is chosen), and pages, API items and OCDS packages say which.
TEST_P(ContractingHttpTest, EachImportCarriesTheLicenceOfItsReleases) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  auto import = [&](const std::string& query, const std::string& body) {
    return official.request("POST", "/api/v1/ocds/imports?wait=1" + query, body, "application/json",
                            {{"X-CSRF-Token", official.cookie("apertura_csrf")}});
  };
  auto refused = import("&license=GPL", R"({"ocid":"ocds-l-0","id":"1","date":"2024-01-01T00:00:00Z"})");
  EXPECT_EQ(refused.status, 422u);
  EXPECT_EQ(refused.json()["error"]["fields"][0]["field"], "license") << refused.body;
  EXPECT_EQ(app_->client().get("/api/v1/processes").json()["meta"]["total"], 0) << "a refused import writes nothing";

  auto chosen = import("&license=Libre-Uso-MX", R"({"ocid":"ocds-l-1","id":"1","date":"2024-01-01T00:00:00Z"})");
  ASSERT_EQ(chosen.status, 201u) << chosen.body;
  EXPECT_EQ(chosen.json()["data"]["license"]["id"], "Libre-Uso-MX");
  // While every process shares one licence, the list and its downloads say that one.
  auto only_libre = app_->client().get("/contrataciones").body;
  EXPECT_NE(only_libre.find(R"(registros OCDS</a> (licencia <a href="https://datos.gob.mx/libreusomx" rel="license">)"),
            std::string::npos);
  auto libre_json = app_->client().get("/contrataciones.json");
  EXPECT_EQ(libre_json.json()["license"]["id"], "Libre-Uso-MX") << libre_json.body;
  EXPECT_NE(libre_json.header("link").find("libreusomx"), std::string::npos);
  auto stated = import("&license=Libre-Uso-MX",
                       R"({"uri":"https://example.org/p","license":"http://opendatacommons.org/licenses/pddl/1.0/",)"
                       R"("releases":[{"ocid":"ocds-l-2","id":"1","date":"2024-01-01T00:00:00Z"}]})");
  ASSERT_EQ(stated.status, 201u) << stated.body;
  auto by_default = import("", R"({"license":"https://creativecommons.org/licenses/by/4.0/",)"
                               R"("releases":[{"ocid":"ocds-l-3","id":"1","date":"2024-01-01T00:00:00Z"}]})");
  ASSERT_EQ(by_default.status, 201u) << by_default.body;

  auto visitor = app_->client();
  auto libre = visitor.get("/api/v1/processes/ocds-l-1").json()["data"]["license"];
  EXPECT_EQ(libre["id"], "Libre-Uso-MX");
  EXPECT_EQ(libre["url"], "https://datos.gob.mx/libreusomx");
  auto publisher = visitor.get("/api/v1/processes/ocds-l-2").json()["data"]["license"];
  EXPECT_EQ(publisher["id"], "") << "the publisher's own licence is kept, not replaced by the import's";
  EXPECT_EQ(publisher["url"], "http://opendatacommons.org/licenses/pddl/1.0/");
  EXPECT_EQ(visitor.get("/api/v1/processes/ocds-l-3").json()["data"]["license"]["id"], "CC-BY-4.0");

  auto page = visitor.get("/contrataciones/ocds-l-1");
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find(R"(<a href="https://datos.gob.mx/libreusomx" rel="license">Términos de Libre Uso MX</a>)"),
            std::string::npos);
  EXPECT_EQ(visitor.get("/api/v1/ocds/records?ocid=ocds-l-1").json()["license"], "https://datos.gob.mx/libreusomx");
  // Once imports bring several licences, the list says each process has its
  // own, and its downloads carry it per row instead of claiming one for all.
  auto list = visitor.get("/contrataciones").body;
  EXPECT_NE(list.find("cada proceso con la licencia de sus entregas"), std::string::npos) << list;
  EXPECT_EQ(list.find(R"(registros OCDS</a> (licencia)"), std::string::npos) << "no single licence is claimed";
  auto mixed = visitor.get("/contrataciones.json");
  EXPECT_TRUE(mixed.json()["license"].is_null()) << mixed.body;
  EXPECT_EQ(mixed.header("link"), "");
  std::map<std::string, std::string> by_ocid;
  json mixed_rows = mixed.json()["data"];
  for (const auto& row : mixed_rows) by_ocid[row["ocid"].get<std::string>()] = row["license_url"].get<std::string>();
  EXPECT_EQ(by_ocid["ocds-l-1"], "https://datos.gob.mx/libreusomx");
  EXPECT_EQ(by_ocid["ocds-l-2"], "http://opendatacommons.org/licenses/pddl/1.0/");
  EXPECT_EQ(by_ocid["ocds-l-3"], "https://creativecommons.org/licenses/by/4.0/deed.es");
  auto csv = visitor.get("/contrataciones.csv").body;
  EXPECT_NE(csv.find(",license,license_url\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("Términos de Libre Uso MX,https://datos.gob.mx/libreusomx"), std::string::npos) << csv;
  // The upload form offers both licences, CC BY 4.0 first and chosen.
  auto form = official.get("/contrataciones/importar").body;
  EXPECT_NE(form.find(R"(<option value="CC-BY-4.0" selected>)"), std::string::npos) << form;
  EXPECT_NE(form.find(R"(<option value="Libre-Uso-MX">)"), std::string::npos);
}

// The process page says everything in plain words and shows what its red
// flags compared: the bids and bidders, the award, the contract with its
// amendments and payments, the documents; dates in Spanish inside <time>;
// OCDS field paths only in the technical section.
TEST_P(ContractingHttpTest, TheProcessPageShowsBidsAwardsContractsAndDatesForPeople) {
  auto official = app_->signed_in_client("funcionaria@example.mx");
  const std::string release = R"({"ocid": "ocds-vista-1", "id": "ocds-vista-1-01", "date": "2026-10-28T10:00:00-06:00",
    "tag": ["award", "contract"],
    "tender": {"id": "t", "title": "Bombas para pozos", "description": "Compra de dos bombas sumergibles",
      "procurementMethod": "open",
      "tenderPeriod": {"startDate": "2026-03-01T00:00:00Z", "endDate": "2026-03-20T00:00:00Z"},
      "value": {"amount": 1200000, "currency": "MXN"},
      "items": [{"id": "1", "description": "Bomba sumergible de 50 HP", "quantity": 2}],
      "documents": [{"id": "d1", "documentType": "tenderNotice", "url": "https://example.org/convocatoria.pdf"}]},
    "bids": {"details": [
      {"id": "b1", "status": "valid", "tenderers": [{"id": "A", "name": "Hidráulica del Norte"}],
       "value": {"amount": 1100000, "currency": "MXN"}},
      {"id": "b2", "status": "disqualified", "tenderers": [{"id": "B", "name": "Bombas y Motores"}],
       "value": {"amount": 1100000, "currency": "MXN"}}]},
    "awards": [{"id": "a1", "status": "active", "date": "2026-04-02T00:00:00Z",
      "suppliers": [{"id": "A", "name": "Hidráulica del Norte"}], "value": {"amount": 1100000, "currency": "MXN"}}],
    "contracts": [{"id": "c1", "awardID": "a1", "status": "active", "dateSigned": "2026-04-10T00:00:00Z",
      "value": {"amount": 1300000, "currency": "MXN"},
      "amendments": [{"id": "m1", "date": "2026-06-01T00:00:00Z", "rationale": "Se añadió la instalación"}],
      "implementation": {"transactions": [{"id": "p1", "date": "2026-07-01T00:00:00Z",
        "value": {"amount": 650000, "currency": "MXN"},
        "payer": {"name": "Comisión Estatal del Agua"}, "payee": {"name": "Hidráulica del Norte"}}]}}]})";
  int64_t jalisco = app_->app().jurisdictions().find("14")->id;
  auto imported = official.request("POST", "/api/v1/ocds/imports?wait=1&jurisdiction_id=" + std::to_string(jalisco),
                                   release, "application/json",
                                   {{"X-CSRF-Token", official.cookie("apertura_csrf")}});
  ASSERT_EQ(imported.status, 201u) << imported.body;
  auto page = app_->client().get("/contrataciones/ocds-vista-1");
  ASSERT_EQ(page.status, 200u);
  const std::string& body = page.body;
  for (const char* expected : {
           R"(<dd>del 1 al 20 de marzo de 2026</dd>)",
           "$1,200,000.00 MXN",
           "Bomba sumergible de 50 HP (cantidad: 2)",
           R"(<h2 id="ofertas">Ofertas</h2>)",
           "<td>Bombas y Motores</td>",
           "Descalificada",
           "Válida",
           R"(<td data-label="Estado">Vigente</td>)",
           R"(<time datetime="2026-04-02">2 de abril de 2026</time>)",
           R"(<time datetime="2026-06-01">1 de junio de 2026</time>: Se añadió la instalación)",
           "Comisión Estatal del Agua",
           "$650,000.00 MXN",
           R"(<a href="https://example.org/convocatoria.pdf" rel="noopener">Convocatoria</a>)",
           R"(<time datetime="2026-10-28">28 de octubre de 2026</time></strong> — Adjudicación, Contrato)",
           // Jurisdiction -> contrataciones -> the process.
           R"(<nav aria-label="Estás en" class="breadcrumbs"><ol><li><a href="/jurisdicciones/jalisco">Jalisco</a></li>)"
           R"(<li><a href="/contrataciones">Contrataciones</a></li></ol></nav>)",
       }) {
    EXPECT_NE(body.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(body.find(">active<"), std::string::npos) << "codes are translated";
  EXPECT_EQ(body.find("(award, contract)"), std::string::npos);
  // Field paths live only inside the technical section.
  size_t technical = body.find(R"(<details class="technical">)");
  ASSERT_NE(technical, std::string::npos);
  size_t path = body.find("<code>tender/");
  if (path != std::string::npos) {
    EXPECT_GT(path, technical);
  }
}

TEST_P(ContractingHttpTest, AnImportLargerThanTheRequestLimitGoesThroughAFile) {
  // 2,000 releases of about 10 KB: past the 16 MiB a request body may have in memory.
  std::string lines;
  std::string filler(10000, 'x');
  for (int i = 0; i < 2000; ++i) {
    lines += R"({"ocid":"ocds-big-)" + std::to_string(i % 700) + R"(","id":")" + std::to_string(i) +
             R"(","date":"2024-01-01T00:00:00Z","tag":["tender"],"tender":{"id":"t","description":"Obra )" + filler +
             "\"}}\n";
  }
  ASSERT_GT(lines.size(), size_t{16} << 20);
  auto is_empty = [this] { return std::filesystem::is_empty(app_->upload_dir()); };

  // Only a session that may import streams to disk: anyone else's body is
  // held to the limit in memory, so nobody else can fill the disk.
  auto citizen = app_->signed_in_client("ciudadana@example.mx");
  auto refused = citizen.request("POST", "/api/v1/ocds/imports?name=grande.jsonl", lines, "application/x-ndjson",
                                 {{"X-CSRF-Token", citizen.cookie("apertura_csrf")}});
  EXPECT_EQ(refused.status, 413u);
  std::string small = lines.substr(0, lines.find('\n') + 1);
  EXPECT_EQ(citizen.request("POST", "/api/v1/ocds/imports", small, "application/x-ndjson",
                            {{"X-CSRF-Token", citizen.cookie("apertura_csrf")}}).status, 403u);
  auto official = app_->signed_in_client("funcionaria@example.mx");
  EXPECT_EQ(official.request("POST", "/api/v1/ocds/imports", lines, "application/x-ndjson").status, 413u)
      << "without its CSRF header";
  EXPECT_EQ(app_->client().request("POST", "/api/v1/ocds/imports", lines, "application/x-ndjson").status, 413u);
  EXPECT_TRUE(is_empty());

  auto imported = official.request("POST", "/api/v1/ocds/imports?name=grande.jsonl&wait=1", lines,
                                   "application/x-ndjson", {{"X-CSRF-Token", official.cookie("apertura_csrf")}});
  ASSERT_EQ(imported.status, 201u) << imported.body.substr(0, 300);
  EXPECT_EQ(imported.json()["data"]["imported"], 2000);
  EXPECT_EQ(imported.json()["data"]["processes"], 700);
  EXPECT_TRUE(is_empty());
  EXPECT_EQ(app_->client().get("/api/v1/processes").json()["meta"]["total"], 700);

  // A file that is not JSON is refused whole, and its temporary copy goes too.
  auto not_json = official.request("POST", "/api/v1/ocds/imports?wait=1", std::string(17 << 20, ','),
                                   "application/json", {{"X-CSRF-Token", official.cookie("apertura_csrf")}});
  EXPECT_EQ(not_json.status, 422u);
  EXPECT_TRUE(is_empty());
  // A multipart form, and any other path, keeps the limit.
  auto form = official.post_file("/contrataciones/importar", {}, "file", "grande.jsonl", lines);
  EXPECT_EQ(form.status, 413u);
  EXPECT_EQ(app_->client().get("/api/v1/processes").json()["meta"]["total"], 700);
}

INSTANTIATE_TEST_SUITE_P(Backends, ContractingHttpTest, ::testing::ValuesIn(testing::available_backends()),
                         testing::BackendName());

}  // namespace
}  // namespace apertura::money
