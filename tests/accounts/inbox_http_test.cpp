// The in-site inbox: each account reads the notices sent to its address
// (here, a request's steps), marks them read, and sees nobody else's.
#include <gtest/gtest.h>

#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;

class InboxHttpTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    finance_ = app_->create_jalisco_finance();
    app_->create_user("ana@example.mx", Role::citizen);
    app_->create_user("funcionaria@example.mx", Role::official, finance_);
  }
  int64_t finance_ = 0;
};

TEST_P(InboxHttpTest, ARequestersAndAUnitsNoticesReachTheirInboxesAndOnlyTheirOwnersMarkThemRead) {
  HttpClient anonymous = app_->client();
  EXPECT_EQ(anonymous.get("/api/v1/inbox").status, 401u);
  auto away = anonymous.get("/avisos");
  EXPECT_EQ(away.status, 303u);
  EXPECT_EQ(away.header("location"), "/entrar?next=%2Favisos");

  HttpClient ana = app_->signed_in_client("ana@example.mx");
  EXPECT_NE(ana.get("/avisos").body.find("Todavía no tienes avisos."), std::string::npos);
  auto filed = ana.post_form("/solicitudes", {{"institution_ids", std::to_string(finance_)},
                                              {"description", "Solicito el inventario de bienes muebles de 2026."}});
  ASSERT_EQ(filed.status, 303u) << filed.body;
  std::string folio = filed.header("location").substr(std::string("/solicitudes/").size());
  // A reset link goes by e-mail only.
  ASSERT_EQ(anonymous.post_form("/contrasena/olvido", {{"email", "ana@example.mx"}}).status, 303u);

  HttpClient official = app_->signed_in_client("funcionaria@example.mx");
  auto unit = official.get("/api/v1/inbox").json()["data"];
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_NE(unit[0]["subject"].get<std::string>().find(folio), std::string::npos);
  auto answered = official.send_json("POST", "/api/v1/requests/" + folio + "/steps",
                                     {{"action", "answer"}, {"outcome", "delivered"},
                                      {"text", "Se entrega el inventario de bienes muebles de 2026."}});
  ASSERT_EQ(answered.status, 200u) << answered.body;

  auto mine = ana.get("/api/v1/inbox").json();
  ASSERT_EQ(mine["data"].size(), 2u) << mine.dump();  // filed and answered; not the reset link
  EXPECT_EQ(mine["meta"]["total"], 2);
  for (const auto& message : mine["data"]) {
    EXPECT_EQ(message["body"].get<std::string>().find("restablecer"), std::string::npos);
    EXPECT_TRUE(message["read_at"].is_null());
  }
  int64_t answer_id = mine["data"][0]["id"];
  auto page = ana.get("/avisos");
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Tienes 2 avisos sin leer."), std::string::npos);
  // The account menu says how many wait, on every page.
  EXPECT_NE(ana.get("/solicitudes").body.find("Mis avisos <span class=\"badge badge-warn\">2<span class=\"visually-hidden\"> sin leer</span>"),
            std::string::npos);
  EXPECT_NE(page.body.find("Se entrega el inventario de bienes muebles de 2026."), std::string::npos);
  EXPECT_NE(page.body.find("<a href=\"http"), std::string::npos);  // the request's address is a link

  // Somebody else's message is not found; one's own is marked once.
  auto foreign = official.send_json("POST", "/api/v1/inbox/read", {{"id", answer_id}});
  EXPECT_EQ(foreign.status, 404u);
  auto read = ana.send_json("POST", "/api/v1/inbox/read", {{"id", answer_id}});
  ASSERT_EQ(read.status, 200u) << read.body;
  EXPECT_EQ(read.json()["data"]["unread"], 1);
  EXPECT_EQ(ana.send_json("POST", "/api/v1/inbox/read", {{"id", answer_id}}).status, 404u);
  EXPECT_EQ(ana.get("/api/v1/inbox?unread=1").json()["data"].size(), 1u);
  EXPECT_EQ(official.get("/api/v1/inbox?unread=1").json()["data"].size(), 1u);  // untouched

  auto all = ana.post_form("/avisos/leidos", {});
  EXPECT_EQ(all.status, 303u);
  EXPECT_EQ(ana.get("/solicitudes").body.find("sin leer</span>"), std::string::npos);
  app_->restart();
  HttpClient again = app_->signed_in_client("ana@example.mx");
  EXPECT_NE(again.get("/avisos").body.find("No tienes avisos sin leer."), std::string::npos);
  EXPECT_FALSE(again.get("/api/v1/inbox").json()["data"][1]["read_at"].is_null());
}

INSTANTIATE_TEST_SUITE_P(Backends, InboxHttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
