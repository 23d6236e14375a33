// The page cache: anonymous answers are kept while the data version stands,
// every public write (through this server or another sharing the database)
// makes the next read fresh, and nothing personal is ever shared. Both databases.
#include <gtest/gtest.h>

#include "jurisdictions/jurisdiction_service.h"
#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;

class PageCacheTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    app_->create_jalisco_finance();
  }
  web::PageCache::Counts counts() { return app_->app().page_cache()->counts(); }
};

TEST_P(PageCacheTest, AnAnonymousPageIsBuiltOnceAndRevalidatedByItsETag) {
  auto first = app_->client().get("/jurisdicciones/jalisco");
  ASSERT_EQ(first.status, 200u);
  auto before = counts();
  auto second = app_->client().get("/jurisdicciones/jalisco");
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(counts().hits, before.hits + 1) << "the second visitor is answered from the cache";
  std::string etag = second.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag, first.header("etag"));
  // Each visitor still gets a CSRF cookie of their own; the cached answer carries none.
  EXPECT_NE(second.header("set-cookie").find("apertura_csrf="), std::string::npos);
  EXPECT_NE(second.header("set-cookie"), first.header("set-cookie"));

  auto revalidated = app_->client().get("/jurisdicciones/jalisco", {{"If-None-Match", etag}});
  EXPECT_EQ(revalidated.status, 304u);
  EXPECT_EQ(revalidated.body, "");
  auto other_etag = app_->client().get("/jurisdicciones/jalisco", {{"If-None-Match", "\"otra\""}});
  EXPECT_EQ(other_etag.status, 200u);
  // The API is cached the same way, apart from the page of the same path.
  auto api = app_->client().get("/api/v1/jurisdictions");
  EXPECT_EQ(app_->client().get("/api/v1/jurisdictions").body, api.body);
  EXPECT_EQ(app_->client().get("/api/v1/jurisdictions", {{"If-None-Match", api.header("etag")}}).status, 304u);
}

TEST_P(PageCacheTest, AWriteMakesTheNextReadFreshOnThisServerAndOnAnother) {
  auto stale = app_->client().get("/jurisdicciones/jalisco");
  ASSERT_EQ(stale.body.find("Secretaría de Salud"), std::string::npos);
  app_->client().get("/jurisdicciones/jalisco");  // kept

  // Through this server's API.
  app_->create_user("admin@example.mx", Role::admin);
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto created =
      admin.send_json("POST", "/api/v1/jurisdictions/14/institutions", {{"name", "Secretaría de Salud"}});
  ASSERT_EQ(created.status, 201u) << created.body;
  auto fresh = app_->client().get("/jurisdicciones/jalisco", {{"If-None-Match", stale.header("etag")}});
  EXPECT_EQ(fresh.status, 200u) << "the old ETag no longer matches";
  EXPECT_NE(fresh.body.find("Secretaría de Salud"), std::string::npos);

  // Through another server on the same database: its own pool, as another `apertura serve` would have.
  app_->client().get("/jurisdicciones/jalisco");
  jurisdictions::JurisdictionService elsewhere(app_->database().database());
  ASSERT_TRUE(elsewhere.add_institution(Actor::system(), "14", {"Comisión Estatal del Agua", "CEA", ""}).ok());
  EXPECT_NE(app_->client().get("/jurisdicciones/jalisco").body.find("Comisión Estatal del Agua"), std::string::npos);
  EXPECT_NE(app_->client().get("/api/v1/jurisdictions/14/institutions").body.find("Comisión Estatal del Agua"),
            std::string::npos);
}

TEST_P(PageCacheTest, NothingPersonalIsKeptOrShared) {
  app_->create_user("admin@example.mx", Role::admin);
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto before = counts();
  auto signed_in = admin.get("/jurisdicciones/jalisco");
  ASSERT_EQ(signed_in.status, 200u);
  EXPECT_NE(signed_in.body.find("Cerrar sesión"), std::string::npos);
  EXPECT_EQ(counts().hits, before.hits) << "a signed-in visitor is never answered from the cache";
  EXPECT_EQ(counts().misses, before.misses) << "nor looked up";
  EXPECT_EQ(app_->client().get("/jurisdicciones/jalisco").body.find("Cerrar sesión"), std::string::npos);

  // A page with a form holds the visitor's CSRF token: each visitor gets their own.
  HttpClient one = app_->client();
  HttpClient two = app_->client();
  auto form_one = one.get("/entrar");
  auto form_two = two.get("/entrar");
  ASSERT_EQ(form_one.status, 200u);
  EXPECT_NE(form_one.body.find(one.cookie("apertura_csrf")), std::string::npos);
  EXPECT_NE(form_two.body.find(two.cookie("apertura_csrf")), std::string::npos);
  EXPECT_EQ(form_two.body.find(one.cookie("apertura_csrf")), std::string::npos);

  // A message shown once after a form (a cookie of ours) is not a shared page either.
  auto flashed = app_->client().get("/", {{"Cookie", "apertura_flash=Listo"}});
  EXPECT_NE(flashed.body.find("Listo"), std::string::npos);
  EXPECT_EQ(app_->client().get("/").body.find("Listo"), std::string::npos);
  // Nor an error: a page that does not exist is built each time.
  auto missing = counts().entries;
  app_->client().get("/jurisdicciones/no-existe");
  EXPECT_EQ(counts().entries, missing);
}

INSTANTIATE_TEST_SUITE_P(Backends, PageCacheTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace apertura
