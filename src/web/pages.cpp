#include "web/pages.h"

#include <spdlog/spdlog.h>

#include "core/date_text.h"
#include "web/downloads.h"

namespace apertura::web {

namespace {
constexpr const char* kFlashCookie = "apertura_flash";

std::string error_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid: return "validation_failed";
    case ErrorKind::bad_request: return "bad_request";
    case ErrorKind::unauthenticated: return "unauthenticated";
    case ErrorKind::forbidden: return "forbidden";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::too_many_requests: return "too_many_requests";
  }
  return "error";
}

std::string error_title(unsigned status) {
  switch (status) {
    case 400: return "Solicitud incorrecta";
    case 401: return "Inicia sesión";
    case 403: return "Sin permiso";
    case 404: return "Página no encontrada";
    case 405: return "Método no permitido";
    case 409: return "Conflicto";
    case 422: return "Revisa los datos";
    case 429: return "Demasiados intentos";
    case 500: return "Error del servidor";
    default: return "Error";
  }
}
}  // namespace

unsigned status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid: return 422;
    case ErrorKind::bad_request: return 400;
    case ErrorKind::unauthenticated: return 401;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::too_many_requests: return 429;
  }
  return 400;
}

nlohmann::json error_json(const Error& error) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& field : error.fields) {
    fields.push_back({{"field", field.field}, {"message", field.message}});
  }
  return {{"error",
           {{"status", status_for(error.kind)},
            {"code", error_code(error.kind)},
            {"message", error.message},
            {"fields", fields}}}};
}

void set_flash(Response& response, const std::string& message) {
  response.set_cookie(kFlashCookie, url_encode(message), {60, true, false});
}

nlohmann::json form_state(const Request& request, const Error* error) {
  nlohmann::json values = nlohmann::json::object();
  for (const auto& [name, value] : request.form().pairs()) {
    if (name.find("password") == std::string::npos && name != "_csrf") values[name] = value;
  }
  nlohmann::json state = {{"values", values}};
  if (error) {
    state["error_message"] = error->message;
    nlohmann::json error_for = nlohmann::json::object();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& field : error->fields) {
      error_for[field.field] = field.message;
      list.push_back({{"field", field.field}, {"message", field.message}});
    }
    state["error_for"] = error_for;
    state["errors"] = list;
  }
  return state;
}

Pages::Pages(const Templates& templates, const Assets& assets, SiteInfo site)
    : templates_(templates), assets_(assets), site_(std::move(site)) {}

namespace {

bool names_a_date(const std::string& key) {
  return key.size() > 3 && (key.compare(key.size() - 3, 3, "_on") == 0 || key.compare(key.size() - 3, 3, "_at") == 0);
}

// Adds `<key>_text` beside every `*_on` / `*_at` text that starts with a date, at any depth.
void add_date_texts(nlohmann::json& data) {
  if (data.is_array()) {
    for (auto& item : data) add_date_texts(item);
    return;
  }
  if (!data.is_object()) return;
  std::vector<std::pair<std::string, std::string>> texts;
  for (auto& [key, value] : data.items()) {
    if (value.is_string()) {
      if (names_a_date(key)) {
        std::string text = date_es(value.get_ref<const std::string&>());
        if (!text.empty()) texts.emplace_back(key + "_text", std::move(text));
      }
    } else if (value.is_structured()) {
      add_date_texts(value);
    }
  }
  for (auto& [key, text] : texts) data.emplace(key, std::move(text));
}

}  // namespace

Response Pages::render(const Request& request, const std::string& view, nlohmann::json data,
                       unsigned status) const {
  add_date_texts(data);
  data["csrf_token"] = request.csrf_token;
  // What a page's "Descargar" links say of their licence, unless the page's records carry their own.
  if (!data.contains("license")) data["license"] = license_json(License::cc_by_4());
  // Shared fragments are rendered once here rather than repeated in every template.
  if (data.contains("pagination")) data["pagination_html"] = templates_.render("layout/pagination", data["pagination"]);
  for (nlohmann::json* form : {&data, data.contains("form") ? &data["form"] : nullptr}) {
    if (form && form->contains("errors")) {
      (*form)["errors_html"] = templates_.render("layout/form_errors", *form);
    }
  }
  std::string content = templates_.render(view, data);
  nlohmann::json layout = {
      {"site_name", site_.name},
      {"site_tagline", site_.tagline},
      {"title", data.value("title", site_.name)},
      {"content", content},
      {"csrf_token", request.csrf_token},
      {"css_url", assets_.static_url("css/apertura.css")},
      {"print_css_url", assets_.static_url("css/print.css")},
      {"current_path", request.path},
      {"navigation", navigation_.view(Menu::main, request.actor, request.path)},
      {"account_menu", navigation_.view(Menu::account, request.actor, request.path)},
  };
  // Where the page sits: [{"label", "url"}...], from the widest to the page's parent.
  if (data.contains("breadcrumbs") && !data["breadcrumbs"].empty()) {
    layout["breadcrumbs"] = data["breadcrumbs"];
    layout["has_breadcrumbs"] = true;
  }
  // Pages name the progressive-enhancement scripts they want ("js/money-trail.js");
  // one missing from this build (no bundler when it was built) is left out.
  layout["scripts"] = nlohmann::json::array();
  for (const auto& name : data.value("scripts", nlohmann::json::array())) {
    std::string file = name.get<std::string>();
    if (assets_.file("static/" + file)) layout["scripts"].push_back({{"url", assets_.static_url(file)}});
  }
  if (request.actor.signed_in()) {
    layout["user"] = {{"display_name", request.actor.display_name},
                      {"role_label", std::string(role_label_es(request.actor.role))}};
  }
  std::string flash = request.cookie(kFlashCookie);
  if (!flash.empty()) layout["flash"] = url_decode(flash);
  Response response = Response::html(templates_.render("layout/base", layout), status);
  if (!flash.empty()) response.set_cookie(kFlashCookie, "", {0, true, false});
  response.set_header("Cache-Control", "no-cache, private");
  return response;
}

std::string Pages::fragment(const Request& request, const std::string& view, nlohmann::json data) const {
  add_date_texts(data);
  data["csrf_token"] = request.csrf_token;
  return templates_.render(view, data);
}

Response Pages::error(const Request& request, const Error& error) const {
  unsigned status = status_for(error.kind);
  if (request.wants_json()) return Response::json(error_json(error), status);
  nlohmann::json data = error_json(error)["error"];
  data["title"] = error_title(status);
  data["has_fields"] = !error.fields.empty();
  try {
    return render(request, "errors/error", data, status);
  } catch (const std::exception& e) {
    spdlog::error("error page failed: {}", e.what());
    return Response::text(error.message + "\n", status);
  }
}

Response Pages::error_as(const Request& request, const Error& error, unsigned status, const char* code) const {
  Response response = this->error(request, error);
  response.status = status;
  if (response.content_type.find("json") != std::string::npos) {
    nlohmann::json body = error_json(error);
    body["error"]["status"] = status;
    body["error"]["code"] = code;
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // a path that is not UTF-8
  }
  return response;
}

Response Pages::method_not_allowed(const Request& request, const std::string& allowed) const {
  Error error{ErrorKind::bad_request,
              "El método " + request.method + " no se admite en " + request.path +
                  "; usa " + allowed + ".",
              {}};
  Response response = error_as(request, error, 405, "method_not_allowed");
  response.set_header("Allow", allowed);
  return response;
}

Response Pages::internal_error(const Request& request) const {
  Error error{ErrorKind::bad_request,
              "Algo falló de nuestro lado al atender esta petición. Quedó en el registro del servidor; "
              "intenta de nuevo más tarde.",
              {}};
  return error_as(request, error, 500, "internal_error");
}

}  // namespace apertura::web
