#include "support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "core/text.h"
#include "web/request.h"

namespace apertura::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

std::string HttpResponse::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == to_lower_ascii(name)) return value;
  }
  return {};
}

std::vector<std::string> HttpResponse::all(const std::string& name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : headers) {
    if (key == to_lower_ascii(name)) values.push_back(value);
  }
  return values;
}

std::string form_encode(const Fields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    out += (out.empty() ? "" : "&") + web::url_encode(name) + "=" + web::url_encode(value);
  }
  return out;
}

HttpResponse HttpClient::request(const std::string& method, const std::string& target, const std::string& body,
                                 const std::string& content_type, Fields extra_headers) {
  net::io_context io;
  net::ip::tcp::resolver resolver(io);
  beast::tcp_stream stream(io);
  stream.connect(resolver.resolve("127.0.0.1", std::to_string(port_)));
  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, "localhost");
  std::string cookie_header;
  for (const auto& [name, value] : cookies_) cookie_header += (cookie_header.empty() ? "" : "; ") + name + "=" + value;
  if (!cookie_header.empty()) request.set(http::field::cookie, cookie_header);
  if (!content_type.empty()) request.set(http::field::content_type, content_type);
  for (const auto& [name, value] : extra_headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  // A server may answer (413) and close before the whole body is sent; the
  // answer is still there to read, as a browser would.
  beast::error_code write_error;
  http::write(stream, request, write_error);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  http::read(stream, buffer, parser);
  auto& raw = parser.get();
  HttpResponse response;
  response.status = raw.result_int();
  for (const auto& field : raw) {
    response.headers.emplace_back(to_lower_ascii(field.name_string()), std::string(field.value()));
  }
  response.body = raw.body();
  for (const std::string& set_cookie : response.all("set-cookie")) {
    std::string pair = set_cookie.substr(0, set_cookie.find(';'));
    size_t equals = pair.find('=');
    std::string name = pair.substr(0, equals);
    std::string value = pair.substr(equals + 1);
    if (set_cookie.find("Max-Age=0") != std::string::npos) cookies_.erase(name);
    else cookies_[name] = value;
  }
  beast::error_code ec;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  return response;
}

HttpResponse HttpClient::get(const std::string& target, Fields extra_headers) {
  return request("GET", target, "", "", std::move(extra_headers));
}

std::string HttpClient::csrf_token() {
  if (cookie("apertura_csrf").empty()) get("/healthz");
  return cookie("apertura_csrf");
}

HttpResponse HttpClient::post_form(const std::string& target, Fields fields, bool with_csrf) {
  if (with_csrf) fields.emplace_back("_csrf", csrf_token());
  return request("POST", target, form_encode(fields), "application/x-www-form-urlencoded");
}

HttpResponse HttpClient::post_file(const std::string& target, Fields fields, const std::string& file_field,
                                   const std::string& file_name, const std::string& content) {
  const std::string boundary = "----apertura-test-boundary";
  fields.emplace_back("_csrf", csrf_token());
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" + file_name +
          "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
  return request("POST", target, body, "multipart/form-data; boundary=" + boundary);
}

HttpResponse HttpClient::send_json(const std::string& method, const std::string& target,
                                   const nlohmann::json& body, bool with_csrf) {
  Fields headers = {{"Accept", "application/json"}};
  if (with_csrf) headers.emplace_back("X-CSRF-Token", csrf_token());
  return request(method, target, body.dump(), "application/json", headers);
}

std::string HttpClient::cookie(const std::string& name) const {
  auto it = cookies_.find(name);
  return it == cookies_.end() ? std::string() : it->second;
}

}  // namespace apertura::testing
