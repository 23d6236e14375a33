#include "web/response.h"

#include <nlohmann/json.hpp>

#include "core/text.h"

namespace apertura::web {

Response Response::html(std::string body, unsigned status) {
  return {status, "text/html; charset=utf-8", std::move(body), {}};
}

Response Response::json(const nlohmann::json& value, unsigned status) {
  // Invalid UTF-8 in stored data is replaced rather than failing the page.
  return {status, "application/json; charset=utf-8",
          value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), {}};
}

Response Response::text(std::string body, unsigned status) {
  return {status, "text/plain; charset=utf-8", std::move(body), {}};
}

Response Response::stored_file(std::string content_type, const std::string& file_name, std::string body) {
  Response response{200, std::move(content_type), std::move(body), {}};
  response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.set_header("Cache-Control", "public, max-age=86400");
  return response;
}

Response Response::redirect(std::string location, unsigned status) {
  Response response{status, "text/plain; charset=utf-8", "", {}};
  response.set_header("Location", std::move(location));
  return response;
}

void Response::set_header(std::string name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (to_lower_ascii(key) == to_lower_ascii(name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

void Response::set_cookie(const std::string& name, const std::string& value,
                          const CookieOptions& options) {
  std::string cookie = name + "=" + value + "; Path=/; SameSite=Lax";
  if (options.max_age_seconds >= 0) cookie += "; Max-Age=" + std::to_string(options.max_age_seconds);
  if (options.http_only) cookie += "; HttpOnly";
  if (options.secure) cookie += "; Secure";
  headers.emplace_back("Set-Cookie", std::move(cookie));  // several may be set
}

std::string Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (to_lower_ascii(key) == to_lower_ascii(name)) return value;
  }
  return {};
}

}  // namespace apertura::web
