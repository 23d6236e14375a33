#pragma once
// Wraps the router with what every request needs: static files, the session
// (who is asking), the CSRF check on every state-changing request, and the
// translation of domain errors into clear 4xx pages or JSON.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "web/page_cache.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::web {

constexpr const char* kSessionCookie = "apertura_session";
constexpr const char* kCsrfCookie = "apertura_csrf";
constexpr const char* kCsrfField = "_csrf";
constexpr const char* kCsrfHeader = "x-csrf-token";

struct MiddlewareOptions {
  bool secure_cookies = false;  // set behind TLS
  // Finds the actor for a session token; nullopt for an unknown or expired one.
  std::function<std::optional<Actor>(const std::string& token)> find_session;
  // Finds the actor for an API token as sent in the Authorization header
  // ("Bearer X", "Token X" or X). An /api/ request that carries one acts
  // through it alone: the session cookie is ignored and no CSRF token is
  // needed (a header is not sent by a browser on its own, unlike a cookie).
  std::function<std::optional<Actor>(const std::string& token)> find_token;
  // Path prefixes that never use the session cookie (the CKAN API): anonymous
  // unless a token is sent, and without CSRF token.
  std::vector<std::string> token_only_paths;
  // Anonymous GET answers are kept here (web/page_cache.h) when set, keyed by
  // what `data_version` says (store/data_version.h).
  PageCache* cache = nullptr;
  std::function<int64_t()> data_version;
};

Handler with_middleware(const Router& router, const Pages& pages, MiddlewareOptions options);

// Whether a state-changing API request comes from a session whose actor
// `allowed` accepts, with its CSRF header; read from the request's header
// alone, so the server can ask before it writes a large body to disk.
bool authorised_write(const Request& request, const MiddlewareOptions& options,
                      const std::function<bool(const Actor&)>& allowed);

}  // namespace apertura::web
