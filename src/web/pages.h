#pragma once
// Renders a page: the domain's template inside the base layout (es-MX, skip
// link, landmarks, the signed-in user, the flash message and the CSRF token
// every form carries), and the error pages and JSON error objects.
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "web/assets.h"
#include "web/navigation.h"
#include "web/request.h"
#include "web/response.h"
#include "web/templates.h"

namespace apertura::web {

struct SiteInfo {
  std::string name = "Apertura";
  std::string tagline = "Gobierno abierto local";
};

class Pages {
 public:
  Pages(const Templates& templates, const Assets& assets, SiteInfo site = {});

  // `data["title"]` names the page. The template sees the data plus `csrf_token`,
  // and for every text field named `*_on` or `*_at` that starts with a date
  // ("2026-03-31", "2026-03-31T10:00:00Z"), a twin `*_on_text` / `*_at_text`
  // with that date for people ("31 de marzo de 2026"): templates show it in
  // <time datetime="{{due_on}}">{{due_on_text}}</time>.
  Response render(const Request& request, const std::string& view, nlohmann::json data,
                  unsigned status = 200) const;
  // A template rendered without the layout, to be embedded in another page
  // (with the same date texts).
  std::string fragment(const Request& request, const std::string& view, nlohmann::json data) const;
  // HTML error page or JSON error object, by what the client wants.
  Response error(const Request& request, const Error& error) const;
  // For 405: the methods the path accepts.
  Response method_not_allowed(const Request& request, const std::string& allowed) const;
  // For 500: a request that failed in a way no rule foresaw (the cause goes to the log).
  Response internal_error(const Request& request) const;

  const Assets& assets() const { return assets_; }

 private:
  // `error` shown with a status and code of its own (405, 500).
  Response error_as(const Request& request, const Error& error, unsigned status, const char* code) const;

 public:
  // The menus every page shows; domains add their entries when they install.
  Navigation& navigation() { return navigation_; }

 private:
  const Templates& templates_;
  const Assets& assets_;
  SiteInfo site_;
  Navigation navigation_;
};

unsigned status_for(ErrorKind kind);
// {"error": {"status", "code", "message", "fields": [{"field", "message"}]}}
nlohmann::json error_json(const Error& error);

// Sets a one-time message shown on the next page (after a redirect).
void set_flash(Response& response, const std::string& message);

// Form values and field errors for re-showing a form: {"values": {...},
// "errors": [...], "error_for": {"email": "..."}}.
nlohmann::json form_state(const Request& request, const Error* error = nullptr);

}  // namespace apertura::web
