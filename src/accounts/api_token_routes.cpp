#include "accounts/api_token_routes.h"

#include "web/api.h"

namespace apertura::accounts {

namespace {

using web::Request;
using web::Response;

// The page, with the token just created (shown once) or the form's error.
Response tokens_page(ApiTokenService& tokens, const web::Pages& pages, const Request& request,
                     const NewApiToken* created = nullptr, const Error* error = nullptr) {
  nlohmann::json active = nlohmann::json::array();
  nlohmann::json revoked = nlohmann::json::array();
  for (const auto& token : tokens.mine(request.actor).take()) (token.active() ? active : revoked).push_back(token.to_json());
  nlohmann::json data = {{"title", "Tokens de API"},
                         {"breadcrumbs", nlohmann::json::array({{{"label", "Mi cuenta"}, {"url", "/cuenta"}}})},
                         {"tokens", active},
                         {"has_tokens", !active.empty()},
                         {"revoked", revoked},
                         {"has_revoked", !revoked.empty()},
                         {"form", web::form_state(request, error)}};
  if (created) data["created"] = {{"name", created->token.name}, {"secret", created->secret}};
  unsigned status = error ? web::status_for(error->kind) : created ? 201 : 200;
  Response response = pages.render(request, "accounts/tokens", data, status);
  if (created) response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_api_token_routes(web::Router& router, ApiTokenService& tokens, const web::Pages& pages) {
  router.get("/cuenta/tokens", [&tokens, &pages](Request& request) {
    if (!request.actor.signed_in()) return Response::redirect("/entrar?next=%2Fcuenta%2Ftokens");
    return tokens_page(tokens, pages, request);
  });
  router.post("/cuenta/tokens", [&tokens, &pages](Request& request) {
    auto created = tokens.create(request.actor, request.form().text("name"));
    if (!created.ok()) {
      if (created.error().kind != ErrorKind::invalid && created.error().kind != ErrorKind::conflict) {
        throw DomainException(created.error());
      }
      return tokens_page(tokens, pages, request, nullptr, &created.error());
    }
    return tokens_page(tokens, pages, request, &*created);
  });
  router.post("/cuenta/tokens/{id}/revocacion", [&tokens](Request& request) {
    tokens.revoke(request.actor, web::id_param(request, "id", "el token")).take();
    Response response = Response::redirect("/cuenta/tokens");
    web::set_flash(response, "Revocamos el token: los programas que lo usaban ya no pueden actuar a tu nombre.");
    return response;
  });

  router.get("/api/v1/tokens", [&tokens](Request& request) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& token : tokens.mine(request.actor).take()) items.push_back(token.to_json());
    return web::api_all(request, items);
  });
  router.post("/api/v1/tokens", [&tokens](Request& request) {
    auto body = web::read_json_object(request);
    NewApiToken created = tokens.create(request.actor, web::text_field(body, "name")).take();
    nlohmann::json item = created.token.to_json();
    item["token"] = created.secret;
    Response response = web::api_item(item, 201);
    response.set_header("Cache-Control", "no-store");
    return response;
  });
  router.add("DELETE", "/api/v1/tokens/{id}", [&tokens](Request& request) {
    return web::api_item(tokens.revoke(request.actor, web::id_param(request, "id", "el token")).take().to_json());
  });
}

}  // namespace apertura::accounts
