#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "support/http_client.h"
#include "web/server.h"

namespace apertura::web {
namespace {

ServerOptions test_options() {
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.access_log = false;
  return options;
}

TEST(Server, FinishesRequestsInFlightWhenStopped) {
  Server server(test_options(), [](Request&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    return Response::text("terminado");
  });
  uint16_t port = server.start();
  auto pending = std::async(std::launch::async, [port] { return apertura::testing::HttpClient(port).get("/lento"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server.stop();
  auto response = pending.get();
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.body, "terminado");
  EXPECT_EQ(response.header("connection"), "close");
  EXPECT_THROW(apertura::testing::HttpClient(port).get("/"), std::exception);  // no longer accepting
}

TEST(Server, AnExceptionInAHandlerIsA500AndTheServerGoesOn) {
  Server server(test_options(), [](Request& request) -> Response {
    if (request.path == "/falla") throw std::runtime_error("boom");
    return Response::text("bien");
  });
  uint16_t port = server.start();
  apertura::testing::HttpClient client(port);
  auto failed = client.get("/falla");
  EXPECT_EQ(failed.status, 500u);
  EXPECT_EQ(failed.body.find("boom"), std::string::npos);  // internals are not shown
  EXPECT_EQ(client.get("/").body, "bien");
  server.stop();
}

TEST(Server, HeadersWithLineBreaksAreDropped) {
  Server server(test_options(), [](Request&) {
    Response response = Response::redirect("/a\r\nSet-Cookie: evil=1");
    response.set_header("X-Fine", "yes");
    return response;
  });
  uint16_t port = server.start();
  auto response = apertura::testing::HttpClient(port).get("/");
  EXPECT_EQ(response.status, 303u);
  EXPECT_EQ(response.header("location"), "");
  EXPECT_EQ(response.header("set-cookie"), "");
  EXPECT_EQ(response.header("x-fine"), "yes");
  server.stop();
}

TEST(Server, HeadReturnsHeadersWithoutBody) {
  Server server(test_options(), [](Request&) { return Response::text("contenido"); });
  uint16_t port = server.start();
  auto response = apertura::testing::HttpClient(port).request("HEAD", "/");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.header("content-length"), "9");
  EXPECT_TRUE(response.body.empty());
  server.stop();
}

}  // namespace
}  // namespace apertura::web
