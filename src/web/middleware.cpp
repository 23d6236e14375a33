#include "web/middleware.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "core/crypto.h"
#include "core/text.h"
#include "store/value.h"

namespace apertura::web {

namespace {

// The CSRF token is a random value in a cookie that forms echo back in a
// hidden field (double submit): it needs no server state, so any app server
// behind a load balancer can check it. SameSite=Lax is a second line.
bool csrf_ok(const Request& request, const std::string& cookie_token) {
  if (cookie_token.empty()) return false;
  std::string sent = request.header(kCsrfHeader);
  if (sent.empty()) sent = request.form().get(kCsrfField).value_or("");
  return constant_time_equal(sent, cookie_token);
}

constexpr const char* kInvalidToken =
    "El token de API no es válido o fue revocado. Crea otro en «Tokens de API», en el menú de tu cuenta.";

// RFC 9112 §3.2: an HTTP/1.1 request names its host once, no more, no less.
bool host_ok(const Request& request) {
  if (request.http_version < 11) return true;
  auto hosts = std::count_if(request.headers.begin(), request.headers.end(),
                             [](const auto& header) { return header.first == "host"; });
  return hosts == 1;
}

Response dispatch(const Router& router, const Pages& pages, Request& request) {
  try {
    return router.dispatch(request);
  } catch (const DomainException& e) {
    return pages.error(request, e.error);
  } catch (const MethodNotAllowed& e) {
    return pages.method_not_allowed(request, e.allowed);
  } catch (const store::ConnectionLost& e) {
    spdlog::error("database unavailable for {} {}: {}", request.method, request.path, e.what());
    Response response = pages.error(
        request, Error{ErrorKind::bad_request,
                       "La base de datos no está disponible en este momento; intenta de nuevo en "
                       "unos minutos.",
                       {}});
    response.status = 503;
    response.set_header("Retry-After", "30");
    return response;
  } catch (const std::exception& e) {
    // In the format the client asked for, so an API client still gets an error object.
    spdlog::error("unhandled error for {} {}: {}", request.method, for_log(request.path), for_log(e.what()));
    return pages.internal_error(request);
  }
}

// The router's answer, or the page cache's when the request may share one.
Response answer(const Router& router, const Pages& pages, const MiddlewareOptions& options, Request& request) {
  if (!options.cache || !PageCache::may_answer(request)) return dispatch(router, pages, request);
  int64_t version = options.data_version();
  if (auto kept = options.cache->find(request, version)) return std::move(*kept);
  Response response = dispatch(router, pages, request);
  options.cache->keep(request, version, response);
  if (auto unchanged = PageCache::not_modified(request, response)) return std::move(*unchanged);
  return response;
}

}  // namespace

Handler with_middleware(const Router& router, const Pages& pages, MiddlewareOptions options) {
  return [&router, &pages, options](Request& request) -> Response {
    if (!host_ok(request)) {
      return pages.error(request, Error{ErrorKind::bad_request,
                                        "Una petición HTTP/1.1 lleva exactamente un encabezado Host (RFC 9112, "
                                        "sección 3.2).",
                                        {{"Host", "escribe un solo encabezado Host"}}});
    }
    if (request.path.rfind("/static/", 0) == 0 && request.is_safe_method()) {
      if (auto file = pages.assets().serve_static(request)) return *file;
      return pages.error(request, Error::not_found("No existe el archivo " + request.path + "."));
    }

    // Programs send an API token; then the token alone says who acts.
    std::string api_token = request.header("authorization");
    if (api_token.empty()) api_token = request.header("x-ckan-api-key");
    bool api_path = request.path.rfind("/api/", 0) == 0;
    bool token_only = std::any_of(options.token_only_paths.begin(), options.token_only_paths.end(),
                                  [&request](const std::string& prefix) { return request.path.rfind(prefix, 0) == 0; });
    if (api_path && !api_token.empty() && options.find_token) {
      auto actor = options.find_token(api_token);
      if (!actor) return pages.error(request, Error::unauthenticated(kInvalidToken));
      request.actor = std::move(*actor);
      token_only = true;
    }
    std::string session_token = token_only ? std::string() : request.cookie(kSessionCookie);
    if (!session_token.empty() && options.find_session) {
      if (auto actor = options.find_session(session_token)) {
        request.actor = std::move(*actor);
        request.session_token = session_token;
      }
    }

    std::string csrf_cookie = request.cookie(kCsrfCookie);
    bool new_csrf = csrf_cookie.empty() || csrf_cookie.size() > 128;
    request.csrf_token = new_csrf ? random_token(24) : csrf_cookie;

    std::optional<Error> refused;
    if (!request.is_safe_method() && !token_only) {
      try {
        if (!csrf_ok(request, csrf_cookie)) {
          refused = Error::forbidden("El formulario caducó o no proviene de este sitio (falta el token CSRF). "
                                     "Vuelve a cargar la página e inténtalo de nuevo.");
        }
      } catch (const DomainException& e) {  // a body that cannot be read at all
        refused = e.error;
      }
    }
    Response response = refused ? pages.error(request, *refused) : answer(router, pages, options, request);
    if (new_csrf) {
      response.set_cookie(kCsrfCookie, request.csrf_token,
                          {-1, true, options.secure_cookies});
    }
    return response;
  };
}

bool authorised_write(const Request& request, const MiddlewareOptions& options,
                      const std::function<bool(const Actor&)>& allowed) {
  std::string csrf_cookie = request.cookie(kCsrfCookie);
  if (csrf_cookie.empty() || !constant_time_equal(request.header(kCsrfHeader), csrf_cookie)) return false;
  std::string session_token = request.cookie(kSessionCookie);
  if (session_token.empty() || !options.find_session) return false;
  auto actor = options.find_session(session_token);
  return actor && allowed(*actor);
}

}  // namespace apertura::web
