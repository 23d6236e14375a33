// The open-data catalog through its pages and its JSON API, on both databases.
#include <gtest/gtest.h>

#include "core/crypto.h"
#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;
using apertura::testing::HttpResponse;

constexpr const char* kCsv = "mes,recibidas\n2026-01,120\n2026-02,98\n";

class DatasetHttpTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    finance_ = app_->create_jalisco_finance();
    other_ = app_->app().jurisdictions().add_institution(Actor::system(), "14", {"Comisión Estatal del Agua", "CEA", ""}).take().id;
    app_->create_user("laura@finanzas.mx", Role::official, finance_);
    app_->create_user("pedro@agua.mx", Role::official, other_);
    app_->create_user("ana@example.mx", Role::citizen);
  }

  // A draft of the finance ministry, made through the page's form.
  std::string create_draft(HttpClient& client, const std::string& title = "Presupuesto de egresos 2026") {
    auto created = client.post_form("/datos", {{"title", title},
                                               {"description", "Lo aprobado y lo **modificado**."},
                                               {"license", "CC-BY-4.0"},
                                               {"frequency", "quarterly"},
                                               {"temporal_start", "2026-01-01"},
                                               {"temporal_end", "2026-12-31"},
                                               {"tags", "presupuesto, egresos, presupuesto"},
                                               {"groups", "dinero-publico"}});
    EXPECT_EQ(created.status, 303u) << created.body;
    std::string location = created.header("location");
    return location.substr(location.rfind('/') + 1);
  }

  int64_t finance_ = 0;
  int64_t other_ = 0;
};

TEST_P(DatasetHttpTest, AnOfficialDraftsUploadsAndPublishesAndEveryoneFindsAndDownloadsIt) {
  HttpClient laura = app_->signed_in_client("laura@finanzas.mx");
  std::string slug = create_draft(laura);
  EXPECT_EQ(slug, "presupuesto-de-egresos-2026");
  std::string url = "/datos/" + slug;

  // A draft is its keepers' alone.
  HttpClient anonymous = app_->client();
  EXPECT_EQ(anonymous.get(url).status, 404u);
  EXPECT_EQ(app_->signed_in_client("pedro@agua.mx").get(url).status, 404u);
  auto draft = laura.get(url);
  EXPECT_EQ(draft.status, 200u);
  EXPECT_NE(draft.body.find("Borrador"), std::string::npos);
  EXPECT_NE(draft.body.find("<strong>modificado</strong>"), std::string::npos);

  // Publishing needs a resource.
  auto empty = laura.post_form(url + "/publicacion", {});
  EXPECT_EQ(empty.status, 422u);
  EXPECT_NE(empty.body.find("al menos un recurso"), std::string::npos);

  auto upload = laura.post_file(url + "/recursos", {{"name", "Presupuesto aprobado"}}, "file", "egresos.csv", kCsv);
  EXPECT_EQ(upload.status, 303u) << upload.body;
  auto link = laura.post_form(url + "/recursos", {{"name", "Decreto (PDF)"}, {"url", "https://periodicooficial.jalisco.gob.mx/decreto.pdf"}});
  EXPECT_EQ(link.status, 303u) << link.body;
  auto neither = laura.post_form(url + "/recursos", {{"name", "Nada"}});
  EXPECT_EQ(neither.status, 422u);
  EXPECT_NE(neither.body.find("sube un archivo o escribe un enlace"), std::string::npos);
  auto bad_url = laura.post_form(url + "/recursos", {{"name", "Malo"}, {"url", "javascript:alert(1)"}});
  EXPECT_EQ(bad_url.status, 422u);
  EXPECT_EQ(laura.post_form(url + "/publicacion", {}).status, 303u);
  EXPECT_EQ(laura.post_form(url + "/publicacion", {}).status, 409u);  // once

  auto page = anonymous.get(url);
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Secretaría de la Hacienda Pública"), std::string::npos);
  EXPECT_NE(page.body.find("Trimestral"), std::string::npos);
  EXPECT_NE(page.body.find("del 1 de enero al 31 de diciembre de 2026"), std::string::npos);
  EXPECT_NE(page.body.find("rel=\"license\""), std::string::npos);
  EXPECT_NE(page.body.find("[conjunto de datos]"), std::string::npos);  // the citation
  EXPECT_EQ(page.body.find("Agregar un recurso"), std::string::npos);   // no forms for visitors

  // Found by words, by each facet, and listed in the downloads.
  auto by_words = anonymous.get("/datos?q=egresos");
  EXPECT_NE(by_words.body.find(url), std::string::npos);
  EXPECT_NE(by_words.body.find("1 conjunto de datos"), std::string::npos);
  for (const std::string filter : {"grupo=dinero-publico", "etiqueta=presupuesto", "formato=CSV", "licencia=CC-BY-4.0",
                                   "institucion=14-secretaria-de-la-hacienda-publica"}) {
    EXPECT_NE(anonymous.get("/datos?" + filter).body.find(url), std::string::npos) << filter;
  }
  EXPECT_EQ(anonymous.get("/datos?grupo=salud").body.find(url), std::string::npos);
  EXPECT_EQ(anonymous.get("/datos?q=inexistentes").body.find(url), std::string::npos);
  auto csv = anonymous.get("/datos.csv?q=egresos");
  EXPECT_NE(csv.body.find("presupuesto-de-egresos-2026"), std::string::npos);

  // The file comes back byte for byte, under its licence; the link is a redirect.
  auto dataset = anonymous.get("/api/v1/datasets/" + slug).json()["data"];
  ASSERT_EQ(dataset["resources"].size(), 2u);
  auto file = dataset["resources"][0];
  EXPECT_EQ(file["kind"], "file");
  EXPECT_EQ(file["sha256"], sha256_hex(kCsv));
  EXPECT_EQ(file["size_bytes"], static_cast<int64_t>(std::string(kCsv).size()));
  EXPECT_EQ(file["format"], "CSV");
  std::string download = url + "/recursos/" + std::to_string(file["id"].get<int64_t>()) + "/descarga";
  auto got = anonymous.get(download);
  EXPECT_EQ(got.status, 200u);
  EXPECT_EQ(got.body, kCsv);
  EXPECT_NE(got.header("link").find("creativecommons.org/licenses/by/4.0"), std::string::npos);
  auto linked = anonymous.get(url + "/recursos/" + std::to_string(dataset["resources"][1]["id"].get<int64_t>()) + "/descarga");
  EXPECT_EQ(linked.status, 302u);
  EXPECT_EQ(linked.header("location"), "https://periodicooficial.jalisco.gob.mx/decreto.pdf");
  EXPECT_EQ(dataset["tags"], (nlohmann::json{"egresos", "presupuesto"}));  // each once, sorted
  // Short description, no contact, no place: 4 of the 7 descriptive checks, and the rest.
  EXPECT_EQ(dataset["quality"]["score"], 87);
  EXPECT_NE(page.body.find("Calidad: 87 de 100"), std::string::npos);
  EXPECT_NE(page.body.find("Falta:</strong> Un correo de contacto"), std::string::npos);

  // It all survives a restart.
  app_->restart();
  EXPECT_EQ(app_->client().get(download).body, kCsv);
  EXPECT_TRUE(app_->app().audit().verify().ok);
}

TEST_P(DatasetHttpTest, WrongFieldsAreNamedAndNothingIsWritten) {
  HttpClient laura = app_->signed_in_client("laura@finanzas.mx");
  auto bad = laura.post_form("/datos", {{"title", ""},
                                        {"slug", "Con Espacios"},
                                        {"license", "GPL"},
                                        {"frequency", "a veces"},
                                        {"temporal_start", "2026-13-01"},
                                        {"contact_email", "no-es-correo"},
                                        {"groups", "astrologia"}});
  EXPECT_EQ(bad.status, 422u);
  for (const char* field : {"title:", "license:", "frequency:", "temporal_start:", "contact_email:", "groups:"}) {
    EXPECT_NE(bad.body.find(field), std::string::npos) << field;
  }
  auto order = laura.post_form("/datos", {{"title", "Al revés"}, {"temporal_start", "2026-12-31"}, {"temporal_end", "2026-01-01"}});
  EXPECT_EQ(order.status, 422u);
  EXPECT_NE(order.body.find("no puede ser anterior"), std::string::npos);
  // Another institution's name is not the official's to use.
  auto elsewhere = laura.post_form("/datos", {{"title", "Agua"}, {"institution_id", std::to_string(other_)}});
  EXPECT_EQ(elsewhere.status, 422u);
  EXPECT_NE(elsewhere.body.find("tu propia institución"), std::string::npos);
  // A citizen may not publish.
  EXPECT_EQ(app_->signed_in_client("ana@example.mx").post_form("/datos", {{"title", "Mío"}}).status, 403u);
  EXPECT_EQ(app_->client().post_form("/datos", {{"title", "Anónimo"}}).status, 401u);

  std::string slug = create_draft(laura);
  auto taken = laura.post_form("/datos", {{"title", "Otro"}, {"slug", slug}});
  EXPECT_EQ(taken.status, 409u);
  EXPECT_EQ(create_draft(laura), slug + "-2");  // a title already used gets a new address
  auto list = laura.get("/api/v1/datasets").json();
  EXPECT_EQ(list["meta"]["total"], 0);  // drafts are not in the catalog
}

TEST_P(DatasetHttpTest, ANewVersionKeepsTheOldFilesAndChangesAreGuardedByVersion) {
  HttpClient laura = app_->signed_in_client("laura@finanzas.mx");
  std::string slug = create_draft(laura);
  std::string url = "/datos/" + slug;
  ASSERT_EQ(laura.post_file(url + "/recursos", {}, "file", "v1.csv", "a,b\n1,2\n").status, 303u);
  EXPECT_EQ(laura.post_form(url + "/versiones", {{"notes", "Antes de publicar"}}).status, 409u);
  ASSERT_EQ(laura.post_form(url + "/publicacion", {}).status, 303u);
  auto first = app_->client().get("/api/v1/datasets/" + slug).json()["data"];
  int64_t old_id = first["resources"][0]["id"];

  EXPECT_EQ(laura.post_form(url + "/versiones", {{"version_label", "2026.2"}, {"notes", ""}}).status, 422u);
  ASSERT_EQ(laura.post_form(url + "/versiones", {{"version_label", "2026.2"}, {"notes", "Con las adecuaciones"}}).status, 303u);
  auto second = app_->client().get("/api/v1/datasets/" + slug).json()["data"];
  EXPECT_EQ(second["edition"], 2);
  EXPECT_EQ(second["version_label"], "2026.2");
  ASSERT_EQ(second["resources"].size(), 1u);
  int64_t carried = second["resources"][0]["id"];
  EXPECT_NE(carried, old_id);
  // The old version's resource cannot be withdrawn; the new one's can, and replaced.
  EXPECT_EQ(laura.post_form(url + "/recursos/" + std::to_string(old_id) + "/retiro", {}).status, 409u);
  EXPECT_EQ(laura.post_form(url + "/recursos/" + std::to_string(carried) + "/retiro", {}).status, 303u);
  ASSERT_EQ(laura.post_file(url + "/recursos", {}, "file", "v2.csv", "a,b\n1,3\n").status, 303u);

  HttpClient anonymous = app_->client();
  auto page = anonymous.get(url);
  EXPECT_NE(page.body.find("Versiones anteriores"), std::string::npos);
  EXPECT_NE(page.body.find("Con las adecuaciones"), std::string::npos);
  EXPECT_EQ(anonymous.get(url + "/recursos/" + std::to_string(old_id) + "/descarga").body, "a,b\n1,2\n");
  auto full = anonymous.get("/api/v1/datasets/" + slug).json()["data"];
  EXPECT_EQ(full["editions"].size(), 2u);
  EXPECT_EQ(full["all_resources"].size(), 2u);  // v1's file, v2's file (the carried copy was withdrawn)

  // An edit made on an older copy is refused, and says why.
  int64_t version = full["version"];
  auto stale = laura.post_form(url, {{"title", "Nuevo título"}, {"version", std::to_string(version - 1)}});
  EXPECT_EQ(stale.status, 409u);
  EXPECT_NE(stale.body.find("mientras lo editabas"), std::string::npos);
  auto saved = laura.post_form(url, {{"title", "Nuevo título"}, {"version", std::to_string(version)}, {"frequency", "annual"}});
  EXPECT_EQ(saved.status, 303u) << saved.body;
  EXPECT_EQ(anonymous.get("/api/v1/datasets/" + slug).json()["data"]["title"], "Nuevo título");
  // Another institution's official may read it but not change it.
  HttpClient pedro = app_->signed_in_client("pedro@agua.mx");
  EXPECT_EQ(pedro.post_form(url + "/versiones", {{"notes", "ajeno"}}).status, 403u);
}

TEST_P(DatasetHttpTest, TheJsonApiCreatesPublishesAndSearches) {
  HttpClient laura = app_->signed_in_client("laura@finanzas.mx");
  auto created = laura.send_json("POST", "/api/v1/datasets",
                                 {{"title", "Calidad del aire"}, {"slug", "calidad-aire"}, {"frequency", "daily"},
                                  {"tags", {"aire", "salud"}}, {"groups", {"salud"}}, {"license", "Libre-Uso-MX"}});
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(created.json()["data"]["status"], "draft");
  EXPECT_EQ(created.json()["data"]["publisher"]["name"], "14-secretaria-de-la-hacienda-publica");
  auto resource = laura.send_json("POST", "/api/v1/datasets/calidad-aire/resources",
                                  {{"name", "Mediciones"}, {"url", "https://aire.jalisco.gob.mx/mediciones.json"}});
  ASSERT_EQ(resource.status, 201u) << resource.body;
  EXPECT_EQ(resource.json()["data"]["format"], "JSON");
  EXPECT_EQ(laura.send_json("POST", "/api/v1/datasets/calidad-aire/publication", nlohmann::json::object()).status, 200u);
  auto groups = app_->client().get("/api/v1/dataset-groups").json()["data"];
  bool counted = false;
  for (const auto& g : groups) counted = counted || (g["slug"] == "salud" && g["dataset_count"] == 1);
  EXPECT_TRUE(counted) << groups.dump();
  auto put = laura.send_json("PUT", "/api/v1/datasets/calidad-aire", {{"title", "Calidad del aire en Guadalajara"}});
  EXPECT_EQ(put.status, 422u);  // the version read is required
  int64_t version = app_->client().get("/api/v1/datasets/calidad-aire").json()["data"]["version"];
  put = laura.send_json("PUT", "/api/v1/datasets/calidad-aire",
                        {{"title", "Calidad del aire en Guadalajara"}, {"version", version}, {"license", "Libre-Uso-MX"},
                         {"frequency", "daily"}, {"tags", {"aire"}}});
  ASSERT_EQ(put.status, 200u) << put.body;

  HttpClient anonymous = app_->client();
  auto found = anonymous.get("/api/v1/datasets?q=guadalajara&format=JSON&license=Libre-Uso-MX").json();
  ASSERT_EQ(found["meta"]["total"], 1);
  EXPECT_EQ(found["data"][0]["resources"][0]["download_url"], "https://aire.jalisco.gob.mx/mediciones.json");
  EXPECT_EQ(anonymous.get("/api/v1/datasets?tag=salud").json()["meta"]["total"], 0);  // the tag went with the edit
  EXPECT_EQ(anonymous.get("/api/v1/datasets?sort=popularidad").status, 400u);
  EXPECT_EQ(anonymous.get("/api/v1/datasets/no-existe").status, 404u);
  auto withdrawn = laura.request("DELETE", "/api/v1/datasets/calidad-aire/resources/" +
                                               std::to_string(resource.json()["data"]["id"].get<int64_t>()),
                                 "", "", {{"x-csrf-token", laura.cookie("apertura_csrf")}});
  EXPECT_EQ(withdrawn.status, 200u) << withdrawn.body;
}

TEST_P(DatasetHttpTest, LinksAreCheckedAndDownloadsCounted) {
  HttpClient laura = app_->signed_in_client("laura@finanzas.mx");
  std::string slug = create_draft(laura);
  std::string url = "/datos/" + slug;
  std::string self = "http://127.0.0.1:" + std::to_string(app_->port());
  ASSERT_EQ(laura.post_file(url + "/recursos", {}, "file", "datos.csv", kCsv).status, 303u);
  for (const auto& [name, link] : std::vector<std::pair<std::string, std::string>>{
           {"Vivo", self + "/healthz"}, {"Borrado", self + "/no-existe"}, {"Apagado", "http://127.0.0.1:1/nada"}}) {
    ASSERT_EQ(laura.post_form(url + "/recursos", {{"name", name}, {"url", link}}).status, 303u);
  }
  ASSERT_EQ(laura.post_form(url + "/publicacion", {}).status, 303u);
  EXPECT_EQ(app_->app().datasets().check_links(10), 3);
  EXPECT_EQ(app_->app().datasets().check_links(10), 0);  // checked today already

  HttpClient anonymous = app_->client();
  auto dataset = anonymous.get("/api/v1/datasets/" + slug).json()["data"];
  ASSERT_EQ(dataset["resources"].size(), 4u);
  EXPECT_EQ(dataset["resources"][1]["link_status"], 200);
  EXPECT_EQ(dataset["resources"][2]["link_status"], 404);
  EXPECT_EQ(dataset["resources"][3]["link_status"], 0);
  EXPECT_FALSE(dataset["resources"][3]["link_error"].get<std::string>().empty());
  EXPECT_EQ(dataset["quality"]["score"], 72);  // 87 less the 15 of links that answer
  auto page = anonymous.get(url);
  EXPECT_NE(page.body.find("El enlace no respondió"), std::string::npos);
  auto resource_page = anonymous.get(url + "/recursos/" + std::to_string(dataset["resources"][2]["id"].get<int64_t>()));
  EXPECT_NE(resource_page.body.find("No respondió"), std::string::npos);
  EXPECT_NE(resource_page.body.find("código 404"), std::string::npos);

  // Every download counts, even when the portal's page cache is on. (Counting
  // one does not make cached pages stale: an anonymous page already kept shows
  // the new count after the next change to public data.)
  std::string file = url + "/recursos/" + std::to_string(dataset["resources"][0]["id"].get<int64_t>());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(anonymous.get(file + "/descarga").body, kCsv);
  EXPECT_EQ(laura.get("/api/v1/datasets/" + slug).json()["data"]["resources"][0]["downloads"], 3);
  EXPECT_NE(anonymous.get(file).body.find("3 descargas"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatasetHttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
