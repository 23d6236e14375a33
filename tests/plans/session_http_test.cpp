#include <gtest/gtest.h>

#include "core/markdown.h"
#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;
using apertura::testing::TestApp;

TEST(Markdown, RendersAndDropsRawHtmlAndScriptLinks) {
  std::string html = markdown_to_safe_html("## Acuerdos\n\n- **Publicar** la minuta\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))");
  EXPECT_NE(html.find("<h2>Acuerdos</h2>"), std::string::npos);
  EXPECT_NE(html.find("<strong>Publicar</strong>"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
}

class SessionHttpTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    app_->app().jurisdictions().create(Actor::system(), {"00", "Estados Unidos Mexicanos", "federal"}).take();
    app_->app().jurisdictions().create(Actor::system(), {"14", "Jalisco", "state"}).take();
    app_->create_user("admin@example.mx", Role::admin);
    app_->create_user("sociedad@example.mx", Role::civil_society);
  }
};

TEST_P(SessionHttpTest, AdminsRecordSessionsWithMinutesAttendanceAndAgreements) {
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto recorded = admin.post_form("/jurisdicciones/jalisco/sesiones",
                                  {{"held_on", "2026-02-10"}, {"place", "https://reunion.example/sesion"},
                                   {"agenda", "1. Instalación"}, {"minutes", "Se **instaló** el secretariado.<script>x</script>"},
                                   {"attendance", "Ana\n\nLuis\n"}});
  ASSERT_EQ(recorded.status, 303u) << recorded.body;
  std::string url = recorded.header("location");
  auto page = admin.get(url);
  EXPECT_NE(page.body.find("Se <strong>instaló</strong> el secretariado."), std::string::npos);
  EXPECT_EQ(page.body.find("<script>x"), std::string::npos);
  EXPECT_NE(page.body.find("<li>Luis</li>"), std::string::npos);
  auto invalid = admin.post_form(url + "/acuerdos", {{"description", ""}, {"owner", ""}, {"due_on", "pronto"}});
  EXPECT_EQ(invalid.status, 422u);
  EXPECT_EQ(admin.post_form(url + "/acuerdos", {{"description", "Publicar la convocatoria"}, {"owner", "ITEI"}, {"due_on", "2026-03-01"}}).status,
            303u);
  std::string id = url.substr(url.rfind('/') + 1);
  auto api = app_->client().get("/api/v1/secretariat-sessions/" + id).json()["data"];
  EXPECT_EQ(api["attendance"], nlohmann::json({"Ana", "Luis"}));
  ASSERT_EQ(api["agreements"].size(), 1u);
  EXPECT_NE(admin.get(url).body.find("Vencido"), std::string::npos);  // due 2026-03-01, still pending
  EXPECT_EQ(admin.post_form("/acuerdos/" + std::to_string(api["agreements"][0]["id"].get<int64_t>()) + "/cumplido", {}).status, 303u);
  EXPECT_NE(admin.get(url).body.find("Cumplido"), std::string::npos);
  EXPECT_NE(app_->client().get("/jurisdicciones/jalisco/secretariado").body.find(R"(Sesión del <time datetime="2026-02-10">10 de febrero de 2026</time>)"), std::string::npos);
  EXPECT_EQ(app_->signed_in_client("sociedad@example.mx")
                .post_form("/jurisdicciones/jalisco/sesiones", {{"held_on", "2026-02-10"}, {"place", "x"}, {"agenda", "y"}})
                .status,
            403u);
}

TEST_P(SessionHttpTest, DocumentsAreAttachedToASessionAndDownloadedByAnyone) {
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto recorded = admin.post_form("/jurisdicciones/jalisco/sesiones",
                                  {{"held_on", "2026-02-10"}, {"place", "Sala ITEI"}, {"agenda", "Instalación"}});
  ASSERT_EQ(recorded.status, 303u);
  std::string url = recorded.header("location");
  std::string id = url.substr(url.rfind('/') + 1);
  const std::string pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

  // A file that is not what it claims is refused and nothing is stored.
  auto disguised = admin.post_file(url + "/documentos", {{"title", "Minuta firmada"}}, "file", "minuta.pdf",
                                   "MZ\x90\x00 not a pdf");
  EXPECT_EQ(disguised.status, 422u);
  EXPECT_NE(disguised.body.find("sube un PDF"), std::string::npos);
  auto untitled = admin.post_file(url + "/documentos", {{"title", " "}}, "file", "minuta.pdf", pdf);
  EXPECT_EQ(untitled.status, 422u);
  EXPECT_TRUE(app_->client().get("/api/v1/secretariat-sessions/" + id).json()["data"]["documents"].empty());

  auto added = admin.post_file(url + "/documentos", {{"title", "Minuta firmada"}}, "file", "C:\\actas\\minuta firmada.pdf", pdf);
  ASSERT_EQ(added.status, 303u) << added.body;
  EXPECT_EQ(app_->signed_in_client("sociedad@example.mx")
                .post_file(url + "/documentos", {{"title", "Otro"}}, "file", "otro.pdf", pdf)
                .status,
            403u);
  app_->restart();
  auto documents = app_->client().get("/api/v1/secretariat-sessions/" + id).json()["data"]["documents"];
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0]["file_name"], "minuta_firmada.pdf");
  EXPECT_EQ(documents[0]["content_type"], "application/pdf");
  auto download = app_->client().get(documents[0]["url"].get<std::string>());
  EXPECT_EQ(download.status, 200u);
  EXPECT_EQ(download.body, pdf);
  EXPECT_NE(download.header("content-disposition").find("minuta_firmada.pdf"), std::string::npos);
  EXPECT_NE(app_->client().get(url).body.find("Minuta firmada"), std::string::npos);
  EXPECT_EQ(app_->client().get("/documentos-de-sesion/999999").status, 404u);

  // The API takes the same multipart form.
  HttpClient api = app_->signed_in_client("admin@example.mx");
  EXPECT_EQ(api.post_file("/api/v1/secretariat-sessions/" + id + "/documents", {{"title", "Lista de asistencia"}}, "file",
                          "asistencia.csv", "nombre,sector\nAna,gobierno\n")
                .status,
            201u);
  EXPECT_EQ(app_->client().get("/api/v1/secretariat-sessions/" + id).json()["data"]["documents"].size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionHttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
