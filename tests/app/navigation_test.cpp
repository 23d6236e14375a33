#include <gtest/gtest.h>

#include "support/test_app.h"

namespace apertura {
namespace {

// The menus come from what the domains installed: every visitor sees the
// main menu in the domains' order, with the page they are on marked; the
// account menu shows each signed-in role what is theirs.
TEST(Navigation, TheMenusAreWhatTheDomainsInstalledForEachVisitor) {
  apertura::testing::TestApp app("sqlite");
  auto home = app.client().get("/planes").body;
  std::vector<std::string> order = {">Planes de acción<", ">Presupuesto<", ">Contrataciones<", ">Señales de riesgo<",
                                    ">Jurisdicciones<",   ">Bitácora<",    ">API<"};
  size_t at = 0;
  for (const auto& label : order) {
    size_t found = home.find(label, at);
    ASSERT_NE(found, std::string::npos) << label << " missing or out of order";
    at = found;
  }
  EXPECT_NE(home.find(R"(<a href="/planes" aria-current="page">Planes de acción</a>)"), std::string::npos);
  EXPECT_EQ(home.find(R"(<a href="/contrataciones" aria-current)"), std::string::npos);
  EXPECT_EQ(home.find("Mis propuestas"), std::string::npos);

  app.create_user("ciudadana@example.mx", Role::citizen);
  app.create_user("admin@example.mx", Role::admin);
  auto citizen = app.signed_in_client("ciudadana@example.mx").get("/planes").body;
  EXPECT_NE(citizen.find(R"(href="/propuestas/mias")"), std::string::npos);
  EXPECT_EQ(citizen.find(R"(href="/admin/usuarios")"), std::string::npos);
  auto admin = app.signed_in_client("admin@example.mx").get("/planes").body;
  EXPECT_NE(admin.find(R"(href="/propuestas/mias")"), std::string::npos);
  EXPECT_NE(admin.find(R"(href="/admin/usuarios")"), std::string::npos);

  // The import domain's link on contracting's list, through its extension.
  const std::string import_link = R"(href="/contrataciones/importar")";
  EXPECT_NE(app.signed_in_client("admin@example.mx").get("/contrataciones").body.find(import_link), std::string::npos);
  EXPECT_EQ(app.signed_in_client("ciudadana@example.mx").get("/contrataciones").body.find(import_link),
            std::string::npos);
  EXPECT_EQ(app.client().get("/contrataciones").body.find(import_link), std::string::npos);
}

}  // namespace
}  // namespace apertura
