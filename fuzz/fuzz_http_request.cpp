// Whole requests as a client can send them, read by Beast as the server reads
// them and answered by the application's handler (middleware, router, every
// page and API handler) on a SQLite database of its own: query strings,
// cookies, headers, urlencoded and multipart forms, JSON bodies. Any request
// gets an answer with a status; nothing crashes, leaks or reads out of bounds.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "app/application.h"
#include "web/beast_request.h"

namespace {

apertura::web::Handler& handler() {
  static std::unique_ptr<apertura::app::Application> application;
  static apertura::web::Handler handle;
  if (!application) {
    char folder[] = "/tmp/apertura-fuzz-XXXXXX";
    if (!mkdtemp(folder)) std::abort();
    apertura::app::Config config;
    config.db = std::string("sqlite:") + folder + "/fuzz.db";
    config.upload_dir = std::string(folder) + "/uploads";
    config.log_level = "off";
    config.access_log = false;
    apertura::accounts::AccountSettings settings;
    settings.password_cost = apertura::PasswordCost::minimal;
    spdlog::set_level(spdlog::level::off);
    application = std::make_unique<apertura::app::Application>(config, settings);
    handle = application->handler();
    spdlog::set_level(spdlog::level::off);  // a log line per request would slow the fuzzer ten times
  }
  return handle;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace http = boost::beast::http;
  http::request_parser<http::string_body> parser;
  parser.eager(true);
  parser.header_limit(16 * 1024);
  parser.body_limit(1 << 20);
  boost::beast::error_code error;
  parser.put(boost::asio::buffer(data, size), error);
  if (error || !parser.is_header_done()) return 0;  // Beast refuses it before the application sees it
  if (!parser.is_done()) parser.put_eof(error);
  if (error || !parser.is_done()) return 0;
  apertura::web::Request request = apertura::web::to_request(parser.get(), "127.0.0.1");
  apertura::web::Response response = handler()(request);
  if (response.status < 100 || response.status > 599) std::abort();
  return 0;
}
