#include <gtest/gtest.h>

#include "money/import/ocds_importer.h"
#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;
using apertura::testing::TestApp;

const std::string kPdf = std::string("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

class EvidenceHttpTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    int64_t finance = app_->create_jalisco_finance();
    auto& plans = app_->app().plans();
    Actor system = Actor::system();
    auto plan = plans.create_plan(system, "14", {"", "2026-01-01", "2026-12-31", "", ""}).take();
    for (int n = 1; n <= 5; ++n) {
      auto c = plans.add_commitment(system, plan.id, {std::to_string(n), "Compromiso", "Problema", "Objetivo", "a",
                                                      std::to_string(finance), "Colectivo", "2026-02-01", "2026-11-30", ""})
                   .take();
      plans.add_milestone(system, c.id, {"Primer hito", "", "2026-03-31", ""}).take();
      plans.add_milestone(system, c.id, {"Segundo hito", "", "2026-09-30", ""}).take();
      plans.add_indicator(system, c.id, {"Indicador", "%", "0", "100", ""}).take();
      if (n == 1) {
        commitment_id_ = c.id;
        milestone_id_ = plans.commitment(c.id).take().milestones.front().id;
      }
    }
    plans.change_status(system, plan.id, "co_creation", "").take();
    plans.change_status(system, plan.id, "published", "").take();
    app_->create_user("funcionaria@example.mx", Role::official, finance);
    app_->create_user("sociedad@example.mx", Role::civil_society);
    app_->create_user("otra-organizacion@example.mx", Role::civil_society);
    app_->create_user("ciudadana@example.mx", Role::citizen);
    app_->app().secretariats().add_member(system, "14", {"Colectivo", "civil_society", "Colectivo", "", "2025-01-01", "",
                                                         "sociedad@example.mx"}).take();
  }

  std::string milestone_url() const { return "/hitos/" + std::to_string(milestone_id_) + "/evidencias"; }
  apertura::testing::Fields fields(const std::string& title) const {
    return {{"title", title}, {"commitment_id", std::to_string(commitment_id_)}};
  }

  int64_t commitment_id_ = 0;
  int64_t milestone_id_ = 0;
};

TEST_P(EvidenceHttpTest, AnOfficialUploadsAFileThatAnyoneCanDownloadAndCivilSocietyValidates) {
  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  auto uploaded = official.post_file(milestone_url(), fields("Acta de la sesión"), "file", "../../acta final.pdf", kPdf);
  EXPECT_EQ(uploaded.status, 303u) << uploaded.body;
  auto listed = app_->client().get("/api/v1/milestones/" + std::to_string(milestone_id_) + "/evidence").json()["data"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["content_type"], "application/pdf");
  EXPECT_EQ(listed[0]["file_name"], "acta_final.pdf");  // no path, no spaces
  EXPECT_EQ(listed[0]["size"], static_cast<int64_t>(kPdf.size()));
  auto download = app_->client().get(listed[0]["url"].get<std::string>());
  EXPECT_EQ(download.status, 200u);
  EXPECT_EQ(download.body, kPdf);
  EXPECT_EQ(download.header("content-type"), "application/pdf");
  EXPECT_NE(download.header("content-disposition").find("attachment"), std::string::npos);

  std::string validation_url = "/evidencias/" + std::to_string(listed[0]["id"].get<int64_t>()) + "/validacion";
  HttpClient citizen = app_->signed_in_client("ciudadana@example.mx");
  EXPECT_EQ(citizen.post_form(validation_url, {{"validation", "validated"}}).status, 403u);
  // Civil society validates through its seat in this secretariat, not through the role alone.
  HttpClient outsider = app_->signed_in_client("otra-organizacion@example.mx");
  auto refused = outsider.post_form(validation_url, {{"validation", "validated"}});
  EXPECT_EQ(refused.status, 403u);
  EXPECT_NE(refused.body.find("secretariado"), std::string::npos);
  EXPECT_EQ(outsider.get("/compromisos/" + std::to_string(commitment_id_)).body.find(validation_url), std::string::npos);
  HttpClient civil = app_->signed_in_client("sociedad@example.mx");
  EXPECT_NE(civil.get("/compromisos/" + std::to_string(commitment_id_)).body.find(validation_url), std::string::npos);
  auto no_reason = civil.post_form(validation_url, {{"validation", "contested"}, {"commitment_id", std::to_string(commitment_id_)}});
  EXPECT_EQ(no_reason.status, 422u);
  EXPECT_EQ(civil.post_form(validation_url, {{"validation", "validated"}, {"commitment_id", std::to_string(commitment_id_)}}).status,
            303u);
  auto page = app_->client().get("/compromisos/" + std::to_string(commitment_id_));
  EXPECT_NE(page.body.find("Validada por la sociedad civil"), std::string::npos);
  EXPECT_NE(page.body.find("Acta de la sesión"), std::string::npos);
}

TEST_P(EvidenceHttpTest, FilesAreCheckedByTheirContent) {
  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  auto exe = official.post_file(milestone_url(), fields("Programa"), "file", "informe.pdf", "MZ\x90\x00 not a pdf");
  EXPECT_EQ(exe.status, 422u);
  EXPECT_NE(exe.body.find("Ese tipo de archivo no se acepta"), std::string::npos);
  auto bad_csv = official.post_file(milestone_url(), fields("Datos"), "file", "datos.csv", std::string("a,b\n\xff\xfe", 6));
  EXPECT_EQ(bad_csv.status, 422u);
  auto csv = official.post_file(milestone_url(), fields("Datos"), "file", "datos.csv", "municipio,valor\nZapopan,3\n");
  EXPECT_EQ(csv.status, 303u);
  std::string too_big = "%PDF-" + std::string(10 * 1024 * 1024, 'x');
  EXPECT_EQ(official.post_file(milestone_url(), fields("Grande"), "file", "grande.pdf", too_big).status, 422u);
  auto malformed = official.request("POST", milestone_url(), "--b\r\nbasura", "multipart/form-data; boundary=b");
  EXPECT_EQ(malformed.status, 400u);
  auto listed = app_->client().get("/api/v1/milestones/" + std::to_string(milestone_id_) + "/evidence").json()["data"];
  EXPECT_EQ(listed.size(), 1u);  // only the valid CSV was kept
}

TEST_P(EvidenceHttpTest, LinksAndPermissions) {
  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  auto link = official.send_json("POST", "/api/v1/milestones/" + std::to_string(milestone_id_) + "/evidence",
                                 {{"title", "Portal publicado"}, {"url", "https://transparencia.jalisco.gob.mx"}});
  EXPECT_EQ(link.status, 201u) << link.body;
  auto script = official.send_json("POST", "/api/v1/milestones/" + std::to_string(milestone_id_) + "/evidence",
                                   {{"title", "x"}, {"url", "javascript:alert(1)"}});
  EXPECT_EQ(script.status, 422u);
  HttpClient citizen = app_->signed_in_client("ciudadana@example.mx");
  EXPECT_EQ(citizen.post_file(milestone_url(), fields("Mío"), "file", "a.pdf", kPdf).status, 403u);
  EXPECT_EQ(app_->client().get("/evidencias/999").status, 404u);
}

TEST_P(EvidenceHttpTest, AContractingProcessIsEvidenceByItsOcid) {
  money::OcdsImporter importer(app_->database().database(), Actor::system("prueba"));
  std::string release = R"({"ocid":"ocds-jal-0001","id":"1","date":"2026-03-01T00:00:00Z","tag":["award"],)"
                        R"("tender":{"id":"t","title":"Plataforma de contrataciones abiertas"}})";
  ASSERT_EQ(importer.import_text(release, "proceso.json").imported, 1);
  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  std::string url = "/api/v1/milestones/" + std::to_string(milestone_id_) + "/evidence";
  auto added = official.send_json("POST", url, {{"title", ""}, {"contract_ocid", "ocds-jal-0001"}});
  ASSERT_EQ(added.status, 201u) << added.body;
  auto evidence = added.json()["data"];
  EXPECT_EQ(evidence["title"], "Plataforma de contrataciones abiertas");  // the process's own title
  EXPECT_EQ(evidence["url"], "/contrataciones/ocds-jal-0001");
  EXPECT_EQ(evidence["reference"], (nlohmann::json{{"kind", "contract"}, {"id", "ocds-jal-0001"}}));
  auto unknown = official.send_json("POST", url, {{"title", "x"}, {"contract_ocid", "ocds-no-existe"}});
  EXPECT_EQ(unknown.status, 422u);
  EXPECT_NE(unknown.body.find("contract_ocid"), std::string::npos);
  // Through the page's form too, and the commitment page links to the process.
  auto form = official.post_form(milestone_url(), {{"title", "Proceso publicado"}, {"contract_ocid", "ocds-jal-0001"},
                                                   {"commitment_id", std::to_string(commitment_id_)}});
  EXPECT_EQ(form.status, 303u) << form.body;
  auto page = app_->client().get("/compromisos/" + std::to_string(commitment_id_));
  EXPECT_NE(page.body.find("href=\"/contrataciones/ocds-jal-0001\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, EvidenceHttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
