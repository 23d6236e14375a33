#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
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

TEST(Server, ABodyForAFilePathArrivesInAFileAfterA100Continue) {
  namespace beast = boost::beast;
  namespace http = beast::http;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "apertura-server-test-uploads";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ServerOptions options = test_options();
  options.file_body_paths = {"/subir"};
  options.file_body_dir = dir.string();
  options.file_body_allowed = [](const Request& request) { return request.header("x-puede") == "si"; };
  Server server(options, [](Request& request) {
    std::ifstream in(request.body_file);
    std::stringstream content;
    content << in.rdbuf();
    return Response::text((request.body_file.empty() ? "memoria:" : "archivo:") + request.body + content.str());
  });
  uint16_t port = server.start();

  auto send = [port](const std::string& may, const std::string& body) {
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    http::request<http::string_body> request{http::verb::post, "/subir?name=a.json", 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::expect, "100-continue");
    request.set(http::field::content_type, "application/json");
    request.set("X-Puede", may);
    request.body() = body;
    request.prepare_payload();
    http::request_serializer<http::string_body> serializer(request);
    http::write_header(stream, serializer);
    beast::flat_buffer buffer;
    http::response<http::empty_body> interim;
    http::read(stream, buffer, interim);  // the body waits for this
    EXPECT_EQ(interim.result(), http::status::continue_);
    http::write(stream, serializer);
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    return response.body();
  };
  std::string body = "{\"ocid\":\"x\"}" + std::string(100000, ' ');
  EXPECT_EQ(send("si", body), "archivo:" + body);
  EXPECT_EQ(send("no", body), "memoria:" + body);
  EXPECT_TRUE(std::filesystem::is_empty(dir));  // each file went with its response
  std::filesystem::remove_all(dir);
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
