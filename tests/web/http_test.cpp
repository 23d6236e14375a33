#include <gtest/gtest.h>

#include <boost/asio.hpp>

#include "support/test_app.h"

namespace apertura {
namespace {

using apertura::testing::HttpClient;
using apertura::testing::TestApp;

class HttpTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    Actor loader = Actor::system();
    auto& jurisdictions = app_->app().jurisdictions();
    ASSERT_TRUE(jurisdictions.create(loader, {"00", "Estados Unidos Mexicanos", "federal"}).ok());
    ASSERT_TRUE(jurisdictions.create(loader, {"14", "Jalisco", "state"}).ok());
    ASSERT_TRUE(jurisdictions.create(loader, {"20", "Oaxaca", "state"}).ok());
  }
};

TEST_P(HttpTest, HomePageIsAccessibleSpanishHtmlWithSecurityHeaders) {
  auto response = app_->client().get("/");
  EXPECT_EQ(response.status, 200u);
  EXPECT_NE(response.body.find("<html lang=\"es-MX\">"), std::string::npos);
  EXPECT_NE(response.body.find("href=\"#contenido\""), std::string::npos);
  EXPECT_NE(response.body.find("<main id=\"contenido\""), std::string::npos);
  EXPECT_NE(response.body.find("Jalisco"), std::string::npos);
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_NE(response.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(response.header("referrer-policy"), "strict-origin-when-cross-origin");
  std::string csrf = response.header("set-cookie");
  EXPECT_NE(csrf.find("apertura_csrf="), std::string::npos);
  EXPECT_NE(csrf.find("HttpOnly"), std::string::npos);
  EXPECT_NE(csrf.find("SameSite=Lax"), std::string::npos);
}

TEST_P(HttpTest, HealthAndReadiness) {
  EXPECT_EQ(app_->client().get("/healthz").body, "ok\n");
  EXPECT_EQ(app_->client().get("/readyz").status, 200u);
}

TEST_P(HttpTest, NotFoundIsHtmlForPagesAndJsonForTheApi) {
  auto page = app_->client().get("/no-existe");
  EXPECT_EQ(page.status, 404u);
  EXPECT_NE(page.header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("Página no encontrada"), std::string::npos);
  auto api = app_->client().get("/api/v1/no-existe");
  EXPECT_EQ(api.status, 404u);
  EXPECT_EQ(api.json()["error"]["code"], "not_found");
  auto by_accept = app_->client().get("/no-existe", {{"Accept", "application/json"}});
  EXPECT_EQ(by_accept.json()["error"]["status"], 404);
}

TEST_P(HttpTest, WrongMethodIs405WithAllow) {
  auto client = app_->client();
  auto response = client.send_json("PUT", "/api/v1/jurisdictions", nlohmann::json::object());
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(response.header("allow"), "GET, POST");
  EXPECT_EQ(response.json()["error"]["code"], "method_not_allowed");
}

TEST_P(HttpTest, FormsWithoutTheCsrfTokenAreRefused) {
  HttpClient client = app_->client();
  auto response = client.post_form("/registro", {{"email", "a@b.mx"}}, false);
  EXPECT_EQ(response.status, 403u);
  EXPECT_NE(response.body.find("CSRF"), std::string::npos);
  client.set_cookie("apertura_csrf", "forged");
  auto forged = client.request("POST", "/registro", "email=a%40b.mx&_csrf=other", "application/x-www-form-urlencoded");
  EXPECT_EQ(forged.status, 403u);
  auto connection = app_->app().database().connect();
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM users")->integer("n"), 0);
}

TEST_P(HttpTest, SignUpSignInAndSignOutThroughTheForms) {
  HttpClient client = app_->client();
  auto invalid = client.post_form("/registro", {{"email", "ana"}, {"display_name", "Ana"}, {"password", "corta"},
                                                {"password_confirmation", "corta"}});
  EXPECT_EQ(invalid.status, 422u);
  EXPECT_NE(invalid.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(invalid.body.find("value=\"Ana\""), std::string::npos);  // kept for the next try
  EXPECT_EQ(invalid.body.find("value=\"corta\""), std::string::npos);  // passwords are not echoed

  auto created = client.post_form("/registro", {{"email", "ana@example.mx"}, {"display_name", "Ana"},
                                                {"password", "contrasena-segura"},
                                                {"password_confirmation", "contrasena-segura"}});
  EXPECT_EQ(created.status, 303u);
  EXPECT_FALSE(client.cookie("apertura_session").empty());
  auto account = client.get("/cuenta");
  EXPECT_EQ(account.status, 200u);
  EXPECT_NE(account.body.find("ana@example.mx"), std::string::npos);
  EXPECT_NE(account.body.find("tu cuenta está lista"), std::string::npos);  // flash after redirect

  auto out = client.post_form("/salir", {});
  EXPECT_EQ(out.status, 303u);
  EXPECT_TRUE(client.cookie("apertura_session").empty());
  auto after = client.get("/cuenta");
  EXPECT_EQ(after.status, 303u);
  EXPECT_EQ(after.header("location"), "/entrar?next=%2Fcuenta");

  auto wrong = client.post_form("/entrar", {{"email", "ana@example.mx"}, {"password", "otra-contrasena"}});
  EXPECT_EQ(wrong.status, 422u);
  auto right = client.post_form("/entrar", {{"email", "ana@example.mx"}, {"password", "contrasena-segura"},
                                            {"next", "//evil.example"}});
  EXPECT_EQ(right.status, 303u);
  EXPECT_EQ(right.header("location"), "/");  // no open redirect
  auto split = client.post_form("/entrar", {{"email", "ana@example.mx"}, {"password", "contrasena-segura"},
                                            {"next", "/cuenta\r\nSet-Cookie: x=1"}});
  EXPECT_EQ(split.header("location"), "/");
  std::string session_cookie;
  for (const auto& cookie : right.all("set-cookie")) {
    if (cookie.rfind("apertura_session=", 0) == 0) session_cookie = cookie;
  }
  EXPECT_NE(session_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(session_cookie.find("SameSite=Lax"), std::string::npos);
}

TEST_P(HttpTest, PasswordResetThroughThePages) {
  app_->create_user("luis@example.mx", Role::citizen);
  HttpClient client = app_->client();
  auto asked = client.post_form("/contrasena/olvido", {{"email", "luis@example.mx"}});
  EXPECT_EQ(asked.status, 303u);
  auto connection = app_->app().database().connect();
  auto message = connection->query_one("SELECT body FROM outbox WHERE recipient = ?", {"luis@example.mx"});
  ASSERT_TRUE(message.has_value());
  std::string body = message->text("body");
  size_t at = body.find("token=");
  ASSERT_NE(at, std::string::npos);
  std::string token = body.substr(at + 6, body.find('\n', at) - at - 6);
  auto form = client.get("/contrasena/restablecer?token=" + token);
  EXPECT_NE(form.body.find(token), std::string::npos);
  auto reset = client.post_form("/contrasena/restablecer", {{"token", token}, {"password", "una-nueva-clave"},
                                                            {"password_confirmation", "una-nueva-clave"}});
  EXPECT_EQ(reset.status, 303u);
  auto signed_in = client.post_form("/entrar", {{"email", "luis@example.mx"}, {"password", "una-nueva-clave"}});
  EXPECT_EQ(signed_in.status, 303u);
}

TEST_P(HttpTest, ApiListsArePaginatedWithEnvelopeAndLinkHeader) {
  auto response = app_->client().get("/api/v1/jurisdictions?per_page=2&page=1");
  EXPECT_EQ(response.status, 200u);
  auto body = response.json();
  EXPECT_EQ(body["meta"]["total"], 3);
  EXPECT_EQ(body["meta"]["pages"], 2);
  EXPECT_EQ(body["data"].size(), 2u);
  EXPECT_EQ(body["data"][0]["code"], "00");
  EXPECT_EQ(body["links"]["next"], "/api/v1/jurisdictions?per_page=2&page=2");
  EXPECT_NE(response.header("link").find("rel=\"next\""), std::string::npos);
  auto bad = app_->client().get("/api/v1/jurisdictions?per_page=1000");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(bad.json()["error"]["fields"][0]["field"], "per_page");
  auto level = app_->client().get("/api/v1/jurisdictions?level=planet");
  EXPECT_EQ(level.status, 400u);
}

TEST_P(HttpTest, ApiSearchFoldsAccents) {
  auto response = app_->client().get("/api/v1/jurisdictions?q=OAXACÁ");
  auto body = response.json();
  ASSERT_EQ(body["meta"]["total"], 1);
  EXPECT_EQ(body["data"][0]["slug"], "oaxaca");
}

TEST_P(HttpTest, CreatingInstitutionsNeedsAnAdminAndIsAudited) {
  nlohmann::json institution = {{"name", "Secretaría de la Hacienda Pública"}, {"acronym", "SHP"}};
  HttpClient anonymous = app_->client();
  EXPECT_EQ(anonymous.send_json("POST", "/api/v1/jurisdictions/14/institutions", institution).status, 401u);
  app_->create_user("ciudadana@example.mx", Role::citizen);
  HttpClient citizen = app_->signed_in_client("ciudadana@example.mx");
  EXPECT_EQ(citizen.send_json("POST", "/api/v1/jurisdictions/14/institutions", institution).status, 403u);
  app_->create_user("admin@example.mx", Role::admin);
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto created = admin.send_json("POST", "/api/v1/jurisdictions/14/institutions", institution);
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(created.json()["data"]["slug"], "secretaria-de-la-hacienda-publica");
  auto invalid = admin.send_json("POST", "/api/v1/jurisdictions/14/institutions", {{"name", 5}});
  EXPECT_EQ(invalid.status, 422u);
  EXPECT_EQ(invalid.json()["error"]["fields"][0]["field"], "name");
  auto malformed = admin.request("POST", "/api/v1/jurisdictions/14/institutions", "{\"name\":", "application/json",
                                 {{"X-CSRF-Token", admin.cookie("apertura_csrf")}});
  EXPECT_EQ(malformed.status, 400u);

  auto audit = app_->client().get("/api/v1/audit");
  auto entries = audit.json()["data"];
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0]["entity_kind"], "institution");
  EXPECT_EQ(entries[0]["actor_role"], "admin");
  for (const auto& entry : entries) EXPECT_NE(entry["entity_kind"], "user");  // accounts stay private
  auto page = app_->client().get("/jurisdicciones/jalisco");
  EXPECT_NE(page.body.find("Secretaría de la Hacienda Pública"), std::string::npos);
}

TEST_P(HttpTest, AdminAddsAnInstitutionThroughThePageAndSeesFieldErrors) {
  app_->create_user("admin@example.mx", Role::admin);
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto invalid = admin.post_form("/jurisdicciones/oaxaca/instituciones", {{"name", ""}, {"website", "ftp://x"}});
  EXPECT_EQ(invalid.status, 422u);
  EXPECT_NE(invalid.body.find("id=\"error-name\""), std::string::npos);
  EXPECT_NE(invalid.body.find("id=\"error-website\""), std::string::npos);
  auto added = admin.post_form("/jurisdicciones/oaxaca/instituciones", {{"name", "Secretaría de Finanzas"}});
  EXPECT_EQ(added.status, 303u);
  auto page = admin.get("/jurisdicciones/oaxaca");
  EXPECT_NE(page.body.find("Registramos la institución Secretaría de Finanzas"), std::string::npos);
}

TEST_P(HttpTest, ListsDownloadAsCsvAndJson) {
  auto csv = app_->client().get("/jurisdicciones.csv?level=state");
  EXPECT_EQ(csv.status, 200u);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("14,Jalisco,state,jalisco"), std::string::npos);
  EXPECT_EQ(csv.body.find("Estados Unidos"), std::string::npos);
  auto json = app_->client().get("/jurisdicciones.json");
  EXPECT_EQ(json.json()["data"].size(), 3u);
  EXPECT_EQ(json.json()["license"]["id"], "CC-BY-4.0");
}

TEST_P(HttpTest, TextResponsesAreGzippedWhenAsked) {
  auto plain = app_->client().get("/");
  auto packed = app_->client().get("/", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(packed.header("content-encoding"), "gzip");
  EXPECT_LT(packed.body.size(), plain.body.size());
  EXPECT_EQ(plain.header("content-encoding"), "");
}

TEST_P(HttpTest, StaticAssetsAreServedWithLongCaching) {
  auto home = app_->client().get("/");
  size_t at = home.body.find("/static/css/apertura.");
  ASSERT_NE(at, std::string::npos);
  std::string url = home.body.substr(at, home.body.find('"', at) - at);
  auto css = app_->client().get(url);
  EXPECT_EQ(css.status, 200u);
  EXPECT_NE(css.header("cache-control").find("max-age=31536000"), std::string::npos);
  auto again = app_->client().get(url, {{"If-None-Match", css.header("etag")}});
  EXPECT_EQ(again.status, 304u);
  EXPECT_EQ(app_->client().get("/static/nada.css").status, 404u);
}

TEST_P(HttpTest, OversizedBodiesAreRefused) {
  std::string body(17 * 1024 * 1024, 'x');
  auto response = app_->client().request("POST", "/registro", body, "application/x-www-form-urlencoded");
  EXPECT_EQ(response.status, 413u);
}

// What the server answers to bytes written as they are, without a client
// library tidying the request up.
std::string raw_exchange(uint16_t port, const std::string& request) {
  namespace net = boost::asio;
  net::io_context io;
  net::ip::tcp::socket socket(io);
  socket.connect({net::ip::make_address("127.0.0.1"), port});
  net::write(socket, net::buffer(request));
  std::string answer;
  boost::system::error_code ec;
  char chunk[4096];
  while (true) {
    size_t n = socket.read_some(net::buffer(chunk), ec);
    answer.append(chunk, n);
    if (ec || answer.find("\r\n\r\n") != std::string::npos) break;
  }
  return answer;
}

// RFC 9112 §3.2: an HTTP/1.1 request without a Host header, or with two,
// is answered 400, in the API's error format on the API; HTTP/1.0 needs none.
TEST_P(HttpTest, HttpOneOneRequestsNeedExactlyOneHostHeader) {
  std::string none = raw_exchange(app_->port(), "GET /api/v1/jurisdictions HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(none.rfind("HTTP/1.1 400", 0), 0u) << none;
  EXPECT_NE(none.find("application/json"), std::string::npos) << none;
  std::string two = raw_exchange(app_->port(),
                                 "GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(two.rfind("HTTP/1.1 400", 0), 0u) << two;
  std::string one = raw_exchange(app_->port(), "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(one.rfind("HTTP/1.1 200", 0), 0u) << one;
  std::string old = raw_exchange(app_->port(), "GET / HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old.rfind("HTTP/1.0 200", 0), 0u) << old;
}

TEST_P(HttpTest, DataSurvivesARestart) {
  app_->create_user("admin@example.mx", Role::admin);
  HttpClient admin = app_->signed_in_client("admin@example.mx");
  auto created = admin.send_json("POST", "/api/v1/jurisdictions", {{"code", "14039"}, {"name", "Guadalajara"},
                                                                     {"level", "municipality"}});
  ASSERT_EQ(created.status, 201u) << created.body;
  app_->restart();
  auto found = app_->client().get("/api/v1/jurisdictions/14039");
  EXPECT_EQ(found.status, 200u);
  EXPECT_EQ(found.json()["data"]["name"], "Guadalajara");
  HttpClient again = app_->signed_in_client("admin@example.mx");
  EXPECT_EQ(again.get("/api/v1/me").json()["data"]["role"], "admin");
  EXPECT_TRUE(app_->app().audit().verify().ok);
}

TEST_P(HttpTest, SessionApiSignsInAndOut) {
  app_->create_user("ana@example.mx", Role::civil_society);
  HttpClient client = app_->client();
  EXPECT_EQ(client.get("/api/v1/me").status, 401u);
  auto created = client.send_json("POST", "/api/v1/session", {{"email", "ana@example.mx"}, {"password", TestApp::kPassword}});
  EXPECT_EQ(created.status, 201u);
  EXPECT_EQ(client.get("/api/v1/me").json()["data"]["role"], "civil_society");
  EXPECT_EQ(client.send_json("DELETE", "/api/v1/session", nullptr).status, 204u);
  EXPECT_EQ(client.get("/api/v1/me").status, 401u);
}

INSTANTIATE_TEST_SUITE_P(Backends, HttpTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
