#include <gtest/gtest.h>
#include <zlib.h>

#include "core/error.h"
#include "web/assets.h"
#include "web/downloads.h"
#include "web/gzip.h"
#include "web/pagination.h"
#include "web/request.h"
#include "web/router.h"
#include "web/templates.h"

namespace apertura::web {
namespace {

Request make_request(std::string method, std::string path, std::string query = "") {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  request.query_string = std::move(query);
  return request;
}

TEST(Router, MatchesParametersAndMethods) {
  Router router;
  router.get("/a/nuevo", [](Request&) { return Response::text("literal"); });
  router.get("/a/{slug}", [](Request& r) { return Response::text("slug=" + r.param("slug")); });
  router.post("/a/{slug}", [](Request&) { return Response::text("post"); });
  auto get = make_request("GET", "/a/jalisco");
  EXPECT_EQ(router.dispatch(get).body, "slug=jalisco");
  auto literal = make_request("GET", "/a/nuevo/");
  EXPECT_EQ(router.dispatch(literal).body, "literal");
  auto head = make_request("HEAD", "/a/x");
  EXPECT_EQ(router.dispatch(head).body, "slug=x");
  auto missing = make_request("GET", "/b");
  EXPECT_THROW(router.dispatch(missing), DomainException);
  auto wrong = make_request("DELETE", "/a/x");
  try {
    router.dispatch(wrong);
    FAIL();
  } catch (const MethodNotAllowed& e) {
    EXPECT_EQ(e.allowed, "GET, POST");
  }
}

// Registration order must not decide between a literal and a parameter:
// domains install themselves in any order.
TEST(Router, ALiteralSegmentWinsOverAParameterWhateverTheOrder) {
  Router router;
  router.get("/x/{id}", [](Request& r) { return Response::text("id=" + r.param("id")); });
  router.get("/x/{id}/{part}", [](Request& r) { return Response::text("part=" + r.param("part")); });
  router.get("/x/{id}/y", [](Request& r) { return Response::text("y of " + r.param("id")); });
  router.get("/x/importar", [](Request&) { return Response::text("literal"); });
  router.get("/x/importar/{part}", [](Request& r) { return Response::text("importar " + r.param("part")); });
  router.post("/x/{id}", [](Request&) { return Response::text("post"); });
  auto literal = make_request("GET", "/x/importar");
  EXPECT_EQ(router.dispatch(literal).body, "literal");
  auto parameter = make_request("GET", "/x/7");
  EXPECT_EQ(router.dispatch(parameter).body, "id=7");
  // The leftmost difference decides: "importar" beats {id} before {part} meets "y".
  auto leftmost = make_request("GET", "/x/importar/y");
  EXPECT_EQ(router.dispatch(leftmost).body, "importar y");
  auto second = make_request("GET", "/x/7/y");
  EXPECT_EQ(router.dispatch(second).body, "y of 7");
  auto other = make_request("GET", "/x/7/z");
  EXPECT_EQ(router.dispatch(other).body, "part=z");
  // A literal for another method does not hide a parameter route for this one.
  auto post = make_request("POST", "/x/importar");
  EXPECT_EQ(router.dispatch(post).body, "post");
}

TEST(Request, DecodesFormsQueriesAndCookies) {
  Request request = make_request("POST", "/x", "q=Ciudad+de+M%C3%A9xico&page=2&flag");
  request.headers = {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"},
                     {"cookie", "a=1; apertura_csrf=abc; b=2"}};
  request.body = "name=%20Ana%20&empty=&x=a%2Bb";
  EXPECT_EQ(request.query("q"), "Ciudad de México");
  EXPECT_EQ(request.query("flag"), "");
  EXPECT_FALSE(request.query("nope").has_value());
  EXPECT_EQ(request.form().text("name"), "Ana");
  EXPECT_EQ(request.form().get("x"), "a+b");
  EXPECT_EQ(request.cookie("apertura_csrf"), "abc");
  EXPECT_EQ(request.cookie("apertura"), "");
  EXPECT_EQ(url_decode("%zz%4"), "%zz%4");  // malformed escapes are kept as text
}

TEST(Request, JsonIsForApiPathsAndJsonOnlyClients) {
  auto api = make_request("GET", "/api/v1/x");
  EXPECT_TRUE(api.wants_json());
  auto page = make_request("GET", "/x");
  page.headers = {{"accept", "text/html,application/json"}};
  EXPECT_FALSE(page.wants_json());
  page.headers = {{"accept", "application/json"}};
  EXPECT_TRUE(page.wants_json());
}

TEST(Pagination, BuildsLinksThatKeepTheFilters) {
  auto request = make_request("GET", "/l", "q=a%20b&page=2&per_page=10");
  auto page = PageRequest::from(request);
  EXPECT_EQ(page.page, 2);
  EXPECT_EQ(page.offset(), 10);
  auto view = pagination_view(request, page, 35);
  EXPECT_EQ(view["pages"], 4);
  EXPECT_EQ(view["next_url"], "/l?q=a%20b&per_page=10&page=3");
  EXPECT_EQ(view["previous_url"], "/l?q=a%20b&per_page=10&page=1");
  std::string link = link_header(request, page, 35);
  EXPECT_NE(link.find("<" + std::string("/l?q=a%20b&per_page=10&page=4") + ">; rel=\"last\""), std::string::npos);
}

TEST(Pagination, RejectsValuesOutOfRangeNamingTheParameter) {
  for (const char* query : {"page=0", "page=x", "per_page=101", "per_page=-1", "page=1e3"}) {
    auto request = make_request("GET", "/l", query);
    try {
      (void)PageRequest::from(request);
      FAIL() << query;
    } catch (const DomainException& e) {
      EXPECT_EQ(e.error.kind, ErrorKind::bad_request);
      EXPECT_FALSE(e.error.fields.empty());
    }
  }
}

TEST(Downloads, CsvQuotesEscapesAndDefusesFormulas) {
  Table table{{{"a", "A"}, {"b", "B"}}, {}};
  table.rows.push_back({{"a", "uno, dos"}, {"b", "di \"hola\""}});
  table.rows.push_back({{"a", "=HYPERLINK(\"x\")"}, {"b", -5}});
  table.rows.push_back({{"a", nullptr}});
  std::string csv = to_csv(table);
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "a,b\r\n\"uno, dos\",\"di \"\"hola\"\"\"\r\n\"'=HYPERLINK(\"\"x\"\")\",-5\r\n,\r\n");
}

TEST(Downloads, JsonCarriesTheLicense) {
  Table table{{{"a", "A"}}, {{{"a", 1}}}};
  Response response = download(table, "lista", "json");
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["license"]["id"], "CC-BY-4.0");
  EXPECT_EQ(body["data"][0]["a"], 1);
  EXPECT_NE(response.header("Content-Disposition").find("lista.json"), std::string::npos);
  EXPECT_NE(response.header("Link").find("rel=\"license\""), std::string::npos);
}

TEST(Gzip, CompressesToSomethingZlibInflatesBack) {
  std::string text(5000, 'a');
  auto packed = gzip_compress(text);
  ASSERT_TRUE(packed.has_value());
  EXPECT_LT(packed->size(), text.size() / 10);
  std::string out(text.size(), '\0');
  z_stream stream{};
  ASSERT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(packed->data());
  stream.avail_in = static_cast<uInt>(packed->size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  inflateEnd(&stream);
  EXPECT_EQ(out, text);
  EXPECT_TRUE(accepts_gzip("br, gzip;q=0.8"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("identity"));
}

TEST(Assets, StaticFilesHaveFingerprintedUrlsAndLongCaching) {
  Assets assets = Assets::embedded();
  std::string url = assets.static_url("css/apertura.css");
  ASSERT_NE(url, "/static/css/apertura.css");
  auto fingerprinted = assets.serve_static(make_request("GET", url));
  ASSERT_TRUE(fingerprinted.has_value());
  EXPECT_EQ(fingerprinted->content_type, "text/css; charset=utf-8");
  EXPECT_NE(fingerprinted->header("Cache-Control").find("immutable"), std::string::npos);
  auto plain = assets.serve_static(make_request("GET", "/static/css/apertura.css"));
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->header("Cache-Control"), "no-cache");
  EXPECT_FALSE(assets.serve_static(make_request("GET", "/static/../CMakeLists.txt")).has_value());
}

TEST(Templates, EscapeHtmlAndTreatEmptyStringsAsFalse) {
  Assets assets = Assets::embedded();
  Templates templates(assets);
  std::string html = templates.render("errors/error", {{"title", "<b>x</b>"}, {"message", "\"a\" & 'b'"},
                                                       {"has_fields", false}});
  EXPECT_NE(html.find("&lt;b&gt;x&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;a&quot; &amp; &#39;b&#39;"), std::string::npos);
  EXPECT_EQ(html.find("<b>x</b>"), std::string::npos);
}

}  // namespace
}  // namespace apertura::web

namespace apertura::web {
namespace {

TEST(ClientAddress, OnlyATrustedProxyIsBelievedAboutTheClient) {
  Request request;
  request.headers = {{"x-forwarded-for", "203.0.113.9, 198.51.100.7"}};
  // No trusted proxy: the peer, whatever the header says.
  EXPECT_EQ(client_address(request, "198.51.100.1", {}), "198.51.100.1");
  // From the proxy, the right-most entry the proxy added (the left ones are the client's to forge).
  EXPECT_EQ(client_address(request, "127.0.0.1", {"127.0.0.1"}), "198.51.100.7");
  // Chained trusted proxies are skipped.
  request.headers = {{"x-forwarded-for", "203.0.113.9"}, {"x-forwarded-for", "10.0.0.2"}};
  EXPECT_EQ(client_address(request, "127.0.0.1", {"127.0.0.1", "10.0.0.2"}), "203.0.113.9");
  // A trusted peer without the header is itself.
  request.headers = {};
  EXPECT_EQ(client_address(request, "127.0.0.1", {"127.0.0.1"}), "127.0.0.1");
}

}  // namespace
}  // namespace apertura::web
