#include "plans/session_routes.h"

#include "core/date.h"
#include "core/date_text.h"
#include "core/markdown.h"
#include "plans/permissions.h"
#include "plans/plan_routes.h"
#include "web/api.h"

namespace apertura::plans {

namespace {

using web::Request;
using web::Response;
using web::text_field;

Response session_page(SessionService& sessions, const web::Pages& pages, const Request& request, int64_t id,
                      const Error* error = nullptr) {
  SecretariatSession session = sessions.session(id).take();
  nlohmann::json data = session.to_json();
  data["title"] = "Sesión del " + date_es(session.held_on);
  data["minutes_html"] = markdown_to_safe_html(session.minutes);
  std::string today = today_iso();
  for (auto& agreement : data["agreements"]) {
    agreement["done"] = agreement["status"] == "done";
    agreement["overdue"] = agreement["status"] != "done" && agreement["due_on"].get<std::string>() < today;
  }
  for (auto& document : data["documents"]) {
    document["size_kb"] = (document["size"].get<int64_t>() + 1023) / 1024;
  }
  data["has_documents"] = !session.documents.empty();
  data["can_manage"] = sessions.may_manage(request.actor, session.jurisdiction_id);
  data["form"] = web::form_state(request, error);
  return pages.render(request, "plans/session", data, error ? web::status_for(error->kind) : 200);
}

}  // namespace

nlohmann::json sessions_view(SessionService& sessions, const std::string& jurisdiction) {
  nlohmann::json list = nlohmann::json::array();
  auto found = sessions.sessions_of(jurisdiction);
  if (!found) return list;
  for (const auto& s : found.value()) {
    list.push_back({{"id", s.id}, {"held_on", s.held_on}, {"place", s.place}, {"url", "/sesiones/" + std::to_string(s.id)}});
  }
  return list;
}

void register_session_routes(web::Router& router, SessionService& sessions, const web::Pages& pages) {
  router.post("/jurisdicciones/{slug}/sesiones", [&sessions](Request& request) {
    const auto& f = request.form();
    auto session = sessions.record(request.actor, request.param("slug"),
                                   {f.text("held_on"), f.text("place"), f.text("agenda"), f.get("minutes").value_or(""),
                                    f.get("attendance").value_or("")})
                       .take();
    Response response = Response::redirect("/sesiones/" + std::to_string(session.id));
    web::set_flash(response, "Registramos la sesión.");
    return response;
  });
  router.get("/sesiones/{id}", [&sessions, &pages](Request& request) {
    return session_page(sessions, pages, request, id_param(request, "id", "la sesión"));
  });
  router.post("/sesiones/{id}/acuerdos", [&sessions, &pages](Request& request) {
    int64_t id = id_param(request, "id", "la sesión");
    const auto& f = request.form();
    auto agreement = sessions.add_agreement(request.actor, id, {f.text("description"), f.text("owner"), f.text("due_on")});
    if (!agreement.ok()) {
      if (agreement.error().kind != ErrorKind::invalid) throw DomainException(agreement.error());
      return session_page(sessions, pages, request, id, &agreement.error());
    }
    Response response = Response::redirect("/sesiones/" + std::to_string(id));
    web::set_flash(response, "Registramos el acuerdo.");
    return response;
  });
  router.post("/sesiones/{id}/documentos", [&sessions, &pages](Request& request) {
    int64_t id = id_param(request, "id", "la sesión");
    const auto& uploads = request.uploads();
    std::string name = uploads.empty() || !uploads.front().filename ? "" : *uploads.front().filename;
    auto document = sessions.add_document(request.actor, id, request.form().text("title"), name,
                                          uploads.empty() ? std::string() : uploads.front().data);
    if (!document.ok()) {
      if (document.error().kind != ErrorKind::invalid) throw DomainException(document.error());
      return session_page(sessions, pages, request, id, &document.error());
    }
    Response response = Response::redirect("/sesiones/" + std::to_string(id));
    web::set_flash(response, "Agregamos el documento «" + document->title + "».");
    return response;
  });
  router.get("/documentos-de-sesion/{id}", [&sessions](Request& request) {
    auto document = sessions.document(id_param(request, "id", "el documento")).take();
    return Response::stored_file(document.content_type, document.file_name, sessions.document_content(document).take());
  });
  router.post("/acuerdos/{id}/cumplido", [&sessions](Request& request) {
    auto agreement = sessions.complete_agreement(request.actor, id_param(request, "id", "el acuerdo")).take();
    Response response = Response::redirect("/sesiones/" + std::to_string(agreement.session_id));
    web::set_flash(response, "El acuerdo quedó cumplido.");
    return response;
  });

  router.get("/api/v1/jurisdictions/{code}/secretariat/sessions", [&sessions](Request& request) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : sessions.sessions_of(request.param("code")).take()) items.push_back(s.to_json());
    return web::api_all(request, items);
  });
  router.post("/api/v1/jurisdictions/{code}/secretariat/sessions", [&sessions](Request& request) {
    auto body = web::read_json_object(request);
    std::string attendance;
    if (body.contains("attendance") && body["attendance"].is_array()) {
      for (const auto& name : body["attendance"]) attendance += (name.is_string() ? name.get<std::string>() : "") + "\n";
    }
    auto session = sessions.record(request.actor, request.param("code"),
                                   {text_field(body, "held_on"), text_field(body, "place"), text_field(body, "agenda"),
                                    text_field(body, "minutes"), attendance});
    return web::api_item(std::move(session).take().to_json(), 201);
  });
  router.get("/api/v1/secretariat-sessions/{id}", [&sessions](Request& request) {
    return web::api_item(sessions.session(id_param(request, "id", "la sesión")).take().to_json());
  });
  // multipart/form-data with the fields title and file.
  router.post("/api/v1/secretariat-sessions/{id}/documents", [&sessions](Request& request) {
    // No file is the service's to judge, after who may attach one (so anonymous gets 401).
    const auto& uploads = request.uploads();
    auto document = sessions.add_document(request.actor, id_param(request, "id", "la sesión"), request.form().text("title"),
                                          uploads.empty() ? "" : uploads.front().filename.value_or(""),
                                          uploads.empty() ? "" : uploads.front().data);
    return web::api_item(std::move(document).take().to_json(), 201);
  });
  router.post("/api/v1/secretariat-sessions/{id}/agreements", [&sessions](Request& request) {
    auto body = web::read_json_object(request);
    auto agreement = sessions.add_agreement(request.actor, id_param(request, "id", "la sesión"),
                                            {text_field(body, "description"), text_field(body, "owner"), text_field(body, "due_on")});
    return web::api_item(std::move(agreement).take().to_json(), 201);
  });
}

}  // namespace apertura::plans
