#pragma once
// A small HTTP/1.1 client for integration tests: one connection per request,
// a cookie jar, and forms that carry the CSRF token like a browser would.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::testing {

struct HttpResponse {
  unsigned status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;

  std::string header(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

using Fields = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
 public:
  explicit HttpClient(uint16_t port) : port_(port) {}

  HttpResponse request(const std::string& method, const std::string& target, const std::string& body = "",
                       const std::string& content_type = "", Fields extra_headers = {});
  HttpResponse get(const std::string& target, Fields extra_headers = {});
  // Adds the _csrf field from the cookie jar (fetching / first if needed).
  HttpResponse post_form(const std::string& target, Fields fields, bool with_csrf = true);
  // A multipart/form-data form with one file, as a browser uploads it (with _csrf).
  HttpResponse post_file(const std::string& target, Fields fields, const std::string& file_field,
                         const std::string& file_name, const std::string& content);
  // Sends the CSRF token in the X-CSRF-Token header.
  HttpResponse send_json(const std::string& method, const std::string& target, const nlohmann::json& body,
                         bool with_csrf = true);

  std::string cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }

 private:
  std::string csrf_token();
  uint16_t port_;
  std::map<std::string, std::string> cookies_;
};

std::string form_encode(const Fields& fields);

}  // namespace apertura::testing
