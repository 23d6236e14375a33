#pragma once
// An HTTP request as the handlers see it: no sockets, no Beast types. The
// server fills the raw parts; the app's middleware fills `actor` and
// `csrf_token`; the router fills `path_params`.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.h"
#include "web/multipart.h"

namespace apertura::web {

struct Request;
// The client's address: `peer`, unless `peer` is one of `trusted_proxies`;
// then the right-most X-Forwarded-For entry that is not a trusted proxy
// (entries further left are the client's to write, so not believed).
std::string client_address(const Request& request, const std::string& peer,
                           const std::vector<std::string>& trusted_proxies);

// Decoded application/x-www-form-urlencoded or query-string pairs.
class FormData {
 public:
  static FormData parse(std::string_view encoded);
  std::optional<std::string> get(std::string_view name) const;
  // The value, trimmed, or "" when absent.
  std::string text(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& pairs() const { return pairs_; }
  void add(std::string name, std::string value) { pairs_.emplace_back(std::move(name), std::move(value)); }

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;
};

std::string url_decode(std::string_view text, bool plus_is_space = true);
std::string url_encode(std::string_view text);

struct Request {
  std::string method;
  int http_version = 11;  // 10 for HTTP/1.0, 11 for HTTP/1.1
  std::string target;  // as received: path and query
  std::string path;    // decoded path without the query
  std::string query_string;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  // The body's temporary file when the server wrote it to disk
  // (ServerOptions::file_body_paths); then `body` is empty. Removed after the response.
  std::string body_file;
  std::string remote_address;
  std::map<std::string, std::string> path_params;

  Actor actor;
  std::string csrf_token;
  std::optional<std::string> session_token;

  std::string header(std::string_view name) const;
  std::string cookie(std::string_view name) const;
  std::optional<std::string> query(std::string_view name) const;
  const FormData& query_params() const;
  // "?" and the query string as received, or "" when there is none: the
  // same selection for a download or API link.
  std::string query_suffix() const { return query_string.empty() ? "" : "?" + query_string; }
  // Fields of an urlencoded or multipart body (file fields are in uploads()).
  const FormData& form() const;
  // Files of a multipart body.
  const std::vector<FormPart>& uploads() const;
  // The files sent in one field of a multipart body, as (file name, data),
  // leaving out the empty part a form sends when no file was chosen.
  std::vector<std::pair<std::string, std::string>> files_named(std::string_view field) const;
  std::string param(const std::string& name) const;
  bool is_api() const;
  // JSON for /api/ paths and for clients that ask for JSON and not HTML.
  bool wants_json() const;
  bool is_safe_method() const { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

 private:
  mutable std::optional<FormData> query_cache_;
  mutable std::optional<FormData> form_cache_;
  mutable std::vector<FormPart> uploads_;
};

}  // namespace apertura::web
