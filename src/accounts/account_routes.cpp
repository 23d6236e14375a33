#include "accounts/account_routes.h"

#include <algorithm>

#include "web/api.h"
#include "web/middleware.h"
#include "web/pagination.h"

namespace apertura::accounts {

namespace {

using web::Request;
using web::Response;

// Only local paths, so the sign-in form cannot be used to send people elsewhere.
std::string safe_next(const std::string& next) {
  bool control = std::any_of(next.begin(), next.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (next.empty() || control || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) {
    return "/";
  }
  return next;
}

void set_session_cookie(Response& response, const std::string& token, int days, bool secure) {
  response.set_cookie(web::kSessionCookie, token, {days * 24 * 3600, true, secure});
}

Response form_page(const web::Pages& pages, const Request& request, const std::string& view,
                   const std::string& title, const Error* error = nullptr,
                   nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json data = web::form_state(request, error);
  data["title"] = title;
  for (auto& [key, value] : extra.items()) data[key] = value;
  return pages.render(request, view, data, error ? web::status_for(error->kind) : 200);
}

Response require_sign_in(const Request& request) {
  if (request.wants_json()) throw DomainException(Error::unauthenticated("Inicia sesión para continuar."));
  return Response::redirect("/entrar?next=" + web::url_encode(request.target));
}

void register_pages(web::Router& router, AccountService& service, const web::Pages& pages,
                    const AccountRoutesOptions& options) {
  router.get("/registro", [&pages](Request& request) {
    return form_page(pages, request, "accounts/register", "Crear una cuenta");
  });
  router.post("/registro", [&service, &pages, options](Request& request) {
    const auto& form = request.form();
    Registration registration{form.text("email"), form.text("display_name"),
                              form.get("password").value_or(""),
                              form.get("password_confirmation").value_or("")};
    auto user = service.register_citizen(registration);
    if (!user) return form_page(pages, request, "accounts/register", "Crear una cuenta", &user.error());
    auto signed_in = service.sign_in(registration.email, registration.password, request.remote_address);
    Response response = Response::redirect("/");
    if (signed_in) {
      set_session_cookie(response, signed_in->session_token, service.settings().session_days,
                         options.secure_cookies);
    }
    web::set_flash(response, "Bienvenida, " + user->display_name + ": tu cuenta está lista.");
    return response;
  });

  router.get("/entrar", [&pages](Request& request) {
    return form_page(pages, request, "accounts/sign_in", "Iniciar sesión", nullptr,
                     {{"next", safe_next(request.query("next").value_or("/"))}});
  });
  router.post("/entrar", [&service, &pages, options](Request& request) {
    const auto& form = request.form();
    std::string next = safe_next(form.text("next"));
    auto signed_in = service.sign_in(form.text("email"), form.get("password").value_or(""),
                                     request.remote_address);
    if (!signed_in) {
      return form_page(pages, request, "accounts/sign_in", "Iniciar sesión", &signed_in.error(),
                       {{"next", next}});
    }
    Response response = Response::redirect(next);
    set_session_cookie(response, signed_in->session_token, service.settings().session_days,
                       options.secure_cookies);
    web::set_flash(response, "Hola, " + signed_in->user.display_name + ".");
    return response;
  });

  router.post("/salir", [&service, options](Request& request) {
    if (request.session_token) service.sign_out(*request.session_token);
    Response response = Response::redirect("/");
    response.set_cookie(web::kSessionCookie, "", {0, true, options.secure_cookies});
    web::set_flash(response, "Cerraste tu sesión.");
    return response;
  });

  router.get("/contrasena/olvido", [&pages, options](Request& request) {
    return form_page(pages, request, "accounts/forgot_password", "Restablecer la contraseña", nullptr,
                     {{"mail_delivered", options.mail_delivered}});
  });
  router.post("/contrasena/olvido", [&service, options](Request& request) {
    (void)service.request_password_reset(request.form().text("email"),
                                         options.public_url + "/contrasena/restablecer");
    Response response = Response::redirect("/entrar");
    web::set_flash(response, options.mail_delivered
                                 ? "Si el correo tiene una cuenta, le enviamos un enlace para elegir una contraseña "
                                   "nueva; revisa también el correo no deseado."
                                 : "Si el correo tiene una cuenta, su enlace para elegir una contraseña nueva quedó en "
                                   "la bandeja de salida del portal; la administración te lo hace llegar.");
    return response;
  });

  router.get("/contrasena/restablecer", [&pages](Request& request) {
    return form_page(pages, request, "accounts/reset_password", "Elige una contraseña nueva", nullptr,
                     {{"token", request.query("token").value_or("")}});
  });
  router.post("/contrasena/restablecer", [&service, &pages](Request& request) {
    const auto& form = request.form();
    auto status = service.reset_password(form.text("token"), form.get("password").value_or(""),
                                         form.get("password_confirmation").value_or(""));
    if (!status) {
      return form_page(pages, request, "accounts/reset_password", "Elige una contraseña nueva",
                       &status.error(), {{"token", form.text("token")}});
    }
    Response response = Response::redirect("/entrar");
    web::set_flash(response, "Tu contraseña cambió. Inicia sesión con la nueva.");
    return response;
  });

  router.get("/cuenta", [&service, &pages](Request& request) {
    if (!request.actor.signed_in()) return require_sign_in(request);
    User user = service.find(*request.actor.user_id).take();
    nlohmann::json data = user.to_json();
    data["title"] = "Mi cuenta";
    data["role_label"] = std::string(role_label_es(user.role));
    return pages.render(request, "accounts/account", data);
  });

  router.get("/admin/usuarios", [&service, &pages](Request& request) {
    if (!request.actor.signed_in()) return require_sign_in(request);
    auto page = web::PageRequest::from(request, 50);
    auto users = service.list_users(request.actor, {page.per_page, page.offset()}).take();
    nlohmann::json rows = nlohmann::json::array();
    for (const User& user : users.items) {
      nlohmann::json row = user.to_json();
      row["role_label"] = std::string(role_label_es(user.role));
      rows.push_back(row);
    }
    return pages.render(request, "accounts/users",
                        {{"title", "Cuentas de usuario"},
                         {"users", rows},
                         {"pagination", web::pagination_view(request, page, users.total)}});
  });
  router.post("/admin/usuarios/rol", [&service](Request& request) {
    const auto& form = request.form();
    std::optional<int64_t> institution;
    if (!form.text("institution_id").empty()) {
      try {
        institution = std::stoll(form.text("institution_id"));
      } catch (const std::exception&) {
        throw DomainException(Error::invalid("La institución debe ser un número.",
                                             {{"institution_id", "escribe el número de la institución"}}));
      }
    }
    auto role = parse_role(form.text("role"));
    if (!role) {
      throw DomainException(Error::invalid("Elige un rol válido.", {{"role", "rol desconocido"}}));
    }
    User user = service.set_role(request.actor, form.text("email"), *role, institution, form.text("jurisdiction")).take();
    Response response = Response::redirect("/admin/usuarios");
    web::set_flash(response, "El rol de " + user.email + " ahora es " +
                                 std::string(role_label_es(user.role)) + ".");
    return response;
  });
}

void register_api(web::Router& router, AccountService& service, const AccountRoutesOptions& options) {
  router.post("/api/v1/users", [&service](Request& request) {
    auto body = web::read_json_object(request);
    Registration registration{web::text_field(body, "email"), web::text_field(body, "display_name"),
                              web::text_field(body, "password"), web::text_field(body, "password")};
    User user = service.register_citizen(registration).take();
    return web::api_item(user.to_json(), 201);
  });
  router.get("/api/v1/users", [&service](Request& request) {
    auto page = web::PageRequest::from(request);
    auto users = service.list_users(request.actor, {page.per_page, page.offset()}).take();
    nlohmann::json items = nlohmann::json::array();
    for (const User& user : users.items) items.push_back(user.to_json());
    return web::api_list(request, items, page, users.total);
  });
  router.post("/api/v1/session", [&service, options](Request& request) {
    auto body = web::read_json_object(request);
    auto signed_in = service.sign_in(web::text_field(body, "email"), web::text_field(body, "password"),
                                     request.remote_address)
                         .take();
    Response response = web::api_item(signed_in.user.to_json(), 201);
    set_session_cookie(response, signed_in.session_token, service.settings().session_days,
                       options.secure_cookies);
    return response;
  });
  router.add("DELETE", "/api/v1/session", [&service, options](Request& request) {
    if (request.session_token) service.sign_out(*request.session_token);
    Response response{204, "application/json", "", {}};
    response.set_cookie(web::kSessionCookie, "", {0, true, options.secure_cookies});
    return response;
  });
  router.get("/api/v1/me", [&service](Request& request) {
    if (!request.actor.signed_in()) {
      throw DomainException(Error::unauthenticated("Inicia sesión para continuar."));
    }
    return web::api_item(service.find(*request.actor.user_id).take().to_json());
  });
}

}  // namespace

void register_account_routes(web::Router& router, AccountService& service, const web::Pages& pages,
                             AccountRoutesOptions options) {
  register_pages(router, service, pages, options);
  register_api(router, service, options);
}

}  // namespace apertura::accounts
