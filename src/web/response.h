#pragma once
// An HTTP response as the handlers build it.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace apertura::web {

struct CookieOptions {
  int max_age_seconds = -1;  // -1: session cookie; 0: delete
  bool http_only = true;
  bool secure = false;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response html(std::string body, unsigned status = 200);
  static Response json(const nlohmann::json& value, unsigned status = 200);
  static Response text(std::string body, unsigned status = 200);
  // 303 See Other: the answer to a form POST (Post/Redirect/Get).
  static Response redirect(std::string location, unsigned status = 303);
  // An uploaded document to download as `file_name` (already made safe for
  // the header): it never changes under its address, so caches keep it a day.
  static Response stored_file(std::string content_type, const std::string& file_name, std::string body);

  void set_header(std::string name, std::string value);
  void set_cookie(const std::string& name, const std::string& value, const CookieOptions& options);
  std::string header(std::string_view name) const;
};

}  // namespace apertura::web
