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
  EXPECT_NE(app_->client().get("/jurisdicciones/jalisco/secretariado").body.find("Sesión del 2026-02-10"), std::string::npos);
  EXPECT_EQ(app_->signed_in_client("sociedad@example.mx")
                .post_form("/jurisdicciones/jalisco/sesiones", {{"held_on", "2026-02-10"}, {"place", "x"}, {"agenda", "y"}})
                .status,
            403u);
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionHttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
