#include "requests/request_routes.h"

#include <algorithm>
#include <charconv>

#include "core/clock.h"
#include "core/icalendar.h"
#include "core/number_text.h"
#include "requests/messages.h"
#include "requests/request_views.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::requests {

namespace {

using web::Request;
using web::Response;
using web::text_field;

struct Context {
  RequestService& requests;
  jurisdictions::JurisdictionService& jurisdictions;
  const web::Pages& pages;
};

// A bot fills every field; people never see this one.
constexpr const char* kHoneypot = "sitio_web";

std::string institution_name(Context ctx, std::map<int64_t, std::string>& names, int64_t id) {
  auto known = names.find(id);
  if (known != names.end()) return known->second;
  auto institution = ctx.jurisdictions.institution(id);
  return names[id] = institution ? institution->name : "";
}

std::optional<int64_t> number(const std::string& text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

RequestQuery query_of(const Request& request) {
  RequestQuery query;
  query.text = request.query("q").value_or("");
  query.jurisdiction = request.query("jurisdiction").value_or("");
  query.status = request.query("status").value_or("");
  query.similar_to = request.query("similar_to").value_or("");
  query.outcome = request.query("outcome").value_or("");
  query.from = request.query("from").value_or("");
  query.to = request.query("to").value_or("");
  std::string institution = request.query("institution").value_or("");
  if (!institution.empty()) {
    query.institution_id = number(institution);
    if (!query.institution_id) {
      throw DomainException(Error{ErrorKind::bad_request, "La institución debe ser un número.",
                                  {{"institution", "escribe el número de la institución"}}});
    }
  }
  return query;
}

StatsQuery stats_query_of(const Request& request) {
  RequestQuery filters = query_of(request);
  StatsQuery query;
  query.jurisdiction = filters.jurisdiction;
  query.institution_id = filters.institution_id;
  std::string year = request.query("year").value_or("");
  if (!year.empty()) query.year = static_cast<int>(number(year).value_or(-1));
  return query;
}

Response statistics_page(Context ctx, Request& request) {
  StatsQuery query = stats_query_of(request);
  auto stats = ctx.requests.statistics(query).take();
  nlohmann::json data = statistics_view(stats);
  nlohmann::json places = nlohmann::json::array();
  for (const auto& place : ctx.jurisdictions.list({}, {200, 0}).items) {
    places.push_back({{"value", place.slug}, {"label", place.name}, {"selected", stats.jurisdiction_slug == place.slug}});
  }
  nlohmann::json years = nlohmann::json::array();
  for (int year : stats.years) years.push_back({{"value", year}, {"selected", year == stats.year}});
  if (std::find(stats.years.begin(), stats.years.end(), stats.year) == stats.years.end()) {
    years.push_back({{"value", stats.year}, {"selected", true}});
  }
  data["title"] = "Estadísticas de las solicitudes de información";
  data["jurisdictions"] = places;
  data["years"] = years;
  data["place"] = stats.jurisdiction_name;
  data["csv_url"] = "/solicitudes/estadisticas.csv" + request.query_suffix();
  data["json_url"] = "/solicitudes/estadisticas.json" + request.query_suffix();
  data["api_url"] = "/api/v1/requests/stats" + request.query_suffix();
  data["breadcrumbs"] = nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}});
  return ctx.pages.render(request, "requests/statistics", data);
}

std::vector<nlohmann::json> rows_of(Context ctx, const std::vector<InformationRequest>& items) {
  std::map<int64_t, std::string> names;
  std::vector<nlohmann::json> rows;
  for (const auto& item : items) rows.push_back(request_row(item, institution_name(ctx, names, item.institution_id)));
  return rows;
}

// Every jurisdiction's institutions, for the filing form.
nlohmann::json institution_groups(Context ctx, const std::vector<int64_t>& chosen) {
  nlohmann::json groups = nlohmann::json::array();
  auto places = ctx.jurisdictions.list({}, {200, 0});
  for (const auto& place : places.items) {
    auto institutions = ctx.jurisdictions.institutions(place.id, {1000, 0});
    if (institutions.items.empty()) continue;
    nlohmann::json options = nlohmann::json::array();
    bool any_chosen = false;
    for (const auto& institution : institutions.items) {
      bool is_chosen = std::find(chosen.begin(), chosen.end(), institution.id) != chosen.end();
      any_chosen = any_chosen || is_chosen;
      options.push_back({{"id", institution.id},
                         {"name", institution.name},
                         {"acronym", institution.acronym},
                         {"checked", is_chosen}});
    }
    groups.push_back({{"name", place.name}, {"slug", place.slug}, {"institutions", options}, {"open", any_chosen}});
  }
  if (groups.size() == 1) groups[0]["open"] = true;
  return groups;
}

std::vector<int64_t> chosen_institutions(const web::FormData& form) {
  std::vector<int64_t> ids;
  for (const auto& [name, value] : form.pairs()) {
    if (name != "institution_ids") continue;
    ids.push_back(number(value).value_or(-1));
  }
  return ids;
}

FilingInput filing_from(const Request& request) {
  const auto& form = request.form();
  return {chosen_institutions(form), form.text("requester_name"), form.text("show_name") == "1",
          form.text("contact"),      form.text("description"),    form.text("location_hint"),
          form.text("delivery"),     form.text("notify_by"),      form.text("channel"),
          request.remote_address};
}

Response filing_page(Context ctx, const Request& request, const Error* error = nullptr) {
  std::vector<int64_t> chosen = error ? chosen_institutions(request.form()) : std::vector<int64_t>{};
  if (!error) {
    if (auto preset = request.query("institution")) {
      if (auto id = number(*preset)) chosen.push_back(*id);
    }
  }
  nlohmann::json data = {{"title", "Hacer una solicitud de información"},
                         {"groups", institution_groups(ctx, chosen)},
                         {"can_capture", ctx.requests.may_capture(request.actor)},
                         {"signed_in", request.actor.signed_in()},
                         {"honeypot", kHoneypot},
                         {"form", web::form_state(request, error)},
                         {"breadcrumbs", nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}})}};
  data["scripts"] = {"js/similar-requests.js"};
  return ctx.pages.render(request, "requests/new", data, error ? web::status_for(error->kind) : 200);
}

Response regimes_page(Context ctx, const Request& request) {
  nlohmann::json regimes = nlohmann::json::array();
  for (const auto& regime : ctx.requests.regimes()) regimes.push_back(regime_view(regime));
  return ctx.pages.render(request, "requests/regimes",
                          {{"title", "Leyes y plazos de las solicitudes"},
                           {"regimes", regimes},
                           {"breadcrumbs", nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}})}});
}

RegimeInput regime_from_form(const web::FormData& form) {
  RegimeInput input{form.text("code"),           form.text("name"),        form.text("jurisdiction_code"),
                    form.text("effective_from"), form.text("effective_to"), form.text("guarantor"),
                    form.text("legal_basis"),    form.text("verified") == "1", form.text("utc_offset_minutes"),
                    {},                          {}};
  for (TermKind kind : all_terms()) {
    std::string name(term_name(kind));
    input.term_values[name] = form.text("term_" + name);
    input.term_articles[name] = form.text("article_" + name);
  }
  return input;
}

RegimeInput regime_from_json(const nlohmann::json& body) {
  RegimeInput input{text_field(body, "code"),           text_field(body, "name"),
                    text_field(body, "jurisdiction_code"), text_field(body, "effective_from"),
                    text_field(body, "effective_to"),   text_field(body, "guarantor"),
                    text_field(body, "legal_basis"),    body.contains("verified") && body["verified"] == true,
                    body.contains("utc_offset_minutes") && body["utc_offset_minutes"].is_number_integer()
                        ? std::to_string(body["utc_offset_minutes"].get<int64_t>())
                        : text_field(body, "utc_offset_minutes"),
                    {},
                    {}};
  if (body.contains("terms") && body["terms"].is_object()) {
    for (const auto& [name, term] : body["terms"].items()) {
      if (!term.is_object()) {
        input.term_values[name] = "?";
        continue;
      }
      const auto& value = term.contains("value") ? term["value"] : nlohmann::json();
      input.term_values[name] = value.is_number_integer() ? std::to_string(value.get<int64_t>()) : "?";
      if (term.contains("article") && term["article"].is_string()) input.term_articles[name] = term["article"].get<std::string>();
    }
  }
  return input;
}

Response regime_page(Context ctx, const Request& request, int64_t id, const Error* error = nullptr) {
  Regime regime = ctx.requests.regime(id).take();
  nlohmann::json data = regime_view(regime);
  data["title"] = regime.name;
  data["can_manage"] = ctx.requests.may_manage_regimes(request.actor);
  data["form"] = web::form_state(request, error);
  data["breadcrumbs"] = nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}},
                                               {{"label", "Leyes y plazos"}, {"url", "/solicitudes/regimenes"}}});
  return ctx.pages.render(request, "requests/regime", data, error ? web::status_for(error->kind) : 200);
}

Response calendar_page(Context ctx, const Request& request, const Error* error = nullptr) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : ctx.requests.closed_days()) rows.push_back(closed_days_view(row));
  return ctx.pages.render(request, "requests/calendar",
                          {{"title", "Días inhábiles y suspensiones de plazos"},
                           {"closed", rows},
                           {"has_closed", !rows.empty()},
                           {"can_manage", ctx.requests.may_manage_calendar(request.actor)},
                           {"form", web::form_state(request, error)},
                           {"breadcrumbs", nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}})}},
                          error ? web::status_for(error->kind) : 200);
}

void throw_unless_form_error(const Error& error) {
  if (error.kind != ErrorKind::invalid && error.kind != ErrorKind::conflict) throw DomainException(error);
}

nlohmann::json options(std::initializer_list<std::pair<std::string, std::string>> pairs) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [value, label] : pairs) list.push_back({{"value", value}, {"label", label}});
  return list;
}

Response request_page(Context ctx, const Request& request, const std::string& folio, const Error* error = nullptr) {
  auto document = ctx.requests.find(folio).take();
  nlohmann::json data = document_view(document);
  data["title"] = "Solicitud " + document.request.folio;
  data["breadcrumbs"] = nlohmann::json::array({{{"label", document.jurisdiction.name}, {"url", "/jurisdicciones/" + document.jurisdiction.slug}},
                                               {{"label", "Solicitudes de información"}, {"url", "/solicitudes?jurisdiction=" + document.jurisdiction.slug}}});
  bool open = is_open(document.request.status);
  bool waiting = document.request.status == RequestStatus::clarification_requested;
  data["can_work"] = open && ctx.requests.may_work(request.actor, document.request);
  data["waiting_clarification"] = waiting;
  data["needs_key"] = !ctx.requests.is_requester(request.actor, document.request);
  if (data["can_work"].get<bool>()) {
    data["actions"] = waiting ? nlohmann::json::array() : options({{"answer", "Responder"},
                                                      {"clarify", "Pedir que se aclare la solicitud"},
                                                      {"extend", "Ampliar el plazo (con resolución del Comité)"},
                                                      {"not_competent", "Avisar que no es competencia de esta institución"}});
    nlohmann::json outcomes = nlohmann::json::array();
    for (Outcome outcome : {Outcome::delivered, Outcome::partial, Outcome::classified, Outcome::inexistent,
                            Outcome::already_public}) {
      outcomes.push_back({{"value", outcome_name(outcome)}, {"label", outcome_label_es(outcome)}});
    }
    data["outcomes"] = outcomes;
  }
  data["form"] = web::form_state(request, error);
  return ctx.pages.render(request, "requests/show", data, error ? web::status_for(error->kind) : 200);
}

// A step from a urlencoded or multipart form: its fields, and its "files" parts.
WorkInput work_from_form(const Request& request) {
  const auto& f = request.form();
  WorkInput input{f.text("action"), f.text("text"), f.text("outcome"), f.text("reference"),
                  number(f.text("version")).value_or(-1)};
  for (const auto& part : request.uploads()) {
    if (part.name == "files" && part.filename && !(part.filename->empty() && part.data.empty())) {
      input.files.emplace_back(*part.filename, part.data);
    }
  }
  return input;
}

nlohmann::json queue_item_view(const QueueItem& item) {
  nlohmann::json row = request_row(item.request, item.institution_name);
  int left = item.business_days_left;
  row["days_left"] = left;
  row["urgency"] = left < 0 ? "overdue" : left <= 3 ? "soon" : "ok";
  row["days_left_text"] = left < 0   ? "Vencida hace " + std::to_string(-left) + (left == -1 ? " día hábil" : " días hábiles")
                          : left == 0 ? "Vence hoy"
                                      : "Quedan " + std::to_string(left) + (left == 1 ? " día hábil" : " días hábiles");
  row["waiting_clarification"] = item.request.status == RequestStatus::clarification_requested;
  return row;
}

}  // namespace

void register_request_routes(web::Router& router, RequestService& requests,
                             jurisdictions::JurisdictionService& jurisdictions, const web::Pages& pages) {
  Context ctx{requests, jurisdictions, pages};

  router.get("/solicitudes", [ctx](Request& request) {
    auto page = web::PageRequest::from(request, 30);
    RequestQuery query = query_of(request);
    auto result = ctx.requests.search(query, {page.per_page, page.offset()}).take();
    nlohmann::json places = nlohmann::json::array();
    for (const auto& place : ctx.jurisdictions.list({}, {200, 0}).items) {
      places.push_back({{"value", place.slug}, {"label", place.name},
                        {"selected", query.jurisdiction == place.slug || query.jurisdiction == place.code}});
    }
    nlohmann::json statuses = nlohmann::json::array();
    for (RequestStatus status : {RequestStatus::received, RequestStatus::clarification_requested, RequestStatus::extended,
                                 RequestStatus::answered, RequestStatus::not_competent, RequestStatus::not_filed}) {
      statuses.push_back({{"value", status_name(status)}, {"label", status_label_es(status)},
                          {"selected", query.status == status_name(status)}});
    }
    nlohmann::json outcomes = nlohmann::json::array();
    for (Outcome outcome : {Outcome::delivered, Outcome::partial, Outcome::classified, Outcome::inexistent,
                            Outcome::already_public}) {
      outcomes.push_back({{"value", outcome_name(outcome)}, {"label", outcome_label_es(outcome)},
                          {"selected", query.outcome == outcome_name(outcome)}});
    }
    auto rows = rows_of(ctx, result.items);
    return ctx.pages.render(request, "requests/list",
                            {{"title", "Solicitudes de información"},
                             {"requests", rows},
                             {"has_requests", !rows.empty()},
                             {"total", result.total},
                             {"total_text", grouped(result.total) + (result.total == 1 ? " solicitud" : " solicitudes")},
                             {"q", query.text},
                             {"jurisdiction_slug", query.jurisdiction},
                             {"jurisdictions", places},
                             {"statuses", statuses},
                             {"outcomes", outcomes},
                             {"from", query.from},
                             {"to", query.to},
                             {"csv_url", "/solicitudes.csv" + request.query_suffix()},
                             {"json_url", "/solicitudes.json" + request.query_suffix()},
                             {"pagination", web::pagination_view(request, page, result.total)}});
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/solicitudes." + format, [ctx, format](Request& request) {
      auto result = ctx.requests.search(query_of(request), {web::kMaxDownloadRows, 0}).take();
      return web::download(requests_table(rows_of(ctx, result.items)), "solicitudes", format);
    });
  }
  router.get("/solicitudes/nueva", [ctx](Request& request) { return filing_page(ctx, request); });
  router.get("/solicitudes/estadisticas", [ctx](Request& request) { return statistics_page(ctx, request); });
  // A unit's due dates for calendar programs: public, like the requests.
  router.get("/solicitudes/vencimientos.ics", [ctx](Request& request) {
    auto id = number(request.query("institution").value_or(""));
    if (!id) {
      throw DomainException(Error{ErrorKind::bad_request, "Indica la institución: vencimientos.ics?institution=NÚMERO.",
                                  {{"institution", "escribe el número de la institución"}}});
    }
    auto institution = ctx.jurisdictions.institution(*id);
    std::vector<CalendarEvent> events;
    for (const auto& open : ctx.requests.open_requests_of(*id).take()) {
      bool waiting = open.status == RequestStatus::clarification_requested;
      events.push_back({open.folio + "@apertura",
                        waiting ? open.clarification_due_on : open.response_due_on,
                        (waiting ? "Vence la aclaración de la solicitud " : "Vence la solicitud ") + open.folio,
                        open.description, ""});
    }
    Response response = Response::text(icalendar("Vencimientos de solicitudes: " + (institution ? institution->name : ""),
                                                 events, now_timestamp()));
    response.content_type = "text/calendar; charset=utf-8";
    response.set_header("Content-Disposition", "inline; filename=\"vencimientos.ics\"");
    return response;
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/solicitudes/estadisticas." + format, [ctx, format](Request& request) {
      auto stats = ctx.requests.statistics(stats_query_of(request)).take();
      return web::download(statistics_table(stats), "estadisticas-solicitudes-" + std::to_string(stats.year), format);
    });
  }
  router.post("/solicitudes", [ctx](Request& request) {
    const auto& form = request.form();
    if (!form.text(kHoneypot).empty()) {
      throw DomainException(Error::bad_request("No pudimos recibir la solicitud. Si eres una persona, deja vacío el campo «Sitio web»."));
    }
    auto filed = ctx.requests.file(request.actor, filing_from(request));
    if (!filed.ok()) {
      throw_unless_form_error(filed.error());
      return filing_page(ctx, request, &filed.error());
    }
    std::string folios;
    for (const auto& item : *filed) folios += (folios.empty() ? "" : ", ") + item.folio;
    std::string key = " Si la institución te pide aclararla, responde en su página con esta clave (no se vuelve a mostrar): " +
                      filed->front().requester_key;
    Response response = Response::redirect("/solicitudes/" + filed->front().folio);
    web::set_flash(response, (filed->size() == 1
                                  ? "Recibimos tu solicitud con el folio " + folios + ". Guárdalo para consultarla."
                                  : "Recibimos tu solicitud; cada institución la atiende con su folio: " + folios + ".") +
                                 key);
    return response;
  });
  router.get("/solicitudes/regimenes", [ctx](Request& request) { return regimes_page(ctx, request); });
  router.post("/solicitudes/regimenes", [ctx](Request& request) {
    auto regime = ctx.requests.add_regime(request.actor, regime_from_form(request.form()));
    if (!regime.ok()) {
      throw_unless_form_error(regime.error());
      // Shown on the page of the regime it was copied from, with what was typed.
      int64_t from = number(request.form().text("copied_from")).value_or(1);
      return regime_page(ctx, request, from, &regime.error());
    }
    Response response = Response::redirect("/solicitudes/regimenes/" + std::to_string(regime->id));
    web::set_flash(response, "Registramos el régimen; rige para las solicitudes que se reciban desde su entrada en vigor.");
    return response;
  });
  router.get("/solicitudes/regimenes/{id}", [ctx](Request& request) {
    return regime_page(ctx, request, web::id_param(request, "id", "el régimen"));
  });
  router.post("/solicitudes/regimenes/{id}", [ctx](Request& request) {
    int64_t id = web::id_param(request, "id", "el régimen");
    int64_t version = number(request.form().text("version")).value_or(-1);
    auto regime = ctx.requests.amend_regime(request.actor, id, version, regime_from_form(request.form()));
    if (!regime.ok()) {
      throw_unless_form_error(regime.error());
      return regime_page(ctx, request, id, &regime.error());
    }
    Response response = Response::redirect("/solicitudes/regimenes/" + std::to_string(id));
    web::set_flash(response, "Guardamos los cambios del régimen; quedan en la bitácora.");
    return response;
  });
  router.get("/solicitudes/calendario", [ctx](Request& request) { return calendar_page(ctx, request); });
  router.post("/solicitudes/calendario", [ctx](Request& request) {
    const auto& f = request.form();
    auto moved = ctx.requests.add_closed_days(request.actor, {f.text("jurisdiction"), f.text("from"), f.text("to"),
                                                              f.text("kind"), f.text("basis")});
    if (!moved.ok()) {
      throw_unless_form_error(moved.error());
      return calendar_page(ctx, request, &moved.error());
    }
    Response response = Response::redirect("/solicitudes/calendario");
    web::set_flash(response, "Registramos los días. Se recalculó el plazo de " + std::to_string(*moved) +
                                 (*moved == 1 ? " solicitud en trámite." : " solicitudes en trámite."));
    return response;
  });
  router.get("/solicitudes/unidad", [ctx](Request& request) {
    if (!request.actor.signed_in()) return Response::redirect("/entrar?next=%2Fsolicitudes%2Funidad");
    auto items = ctx.requests.queue(request.actor).take();
    nlohmann::json rows = nlohmann::json::array();
    int overdue = 0, soon = 0;
    for (const auto& item : items) {
      rows.push_back(queue_item_view(item));
      overdue += item.business_days_left < 0;
      soon += item.business_days_left >= 0 && item.business_days_left <= 3;
    }
    return ctx.pages.render(request, "requests/queue",
                            {{"title", "Solicitudes por atender"},
                             {"requests", rows},
                             {"has_requests", !rows.empty()},
                             {"total", rows.size()},
                             {"overdue", overdue},
                             {"soon", soon},
                             {"ics_url", request.actor.institution_id
                                             ? "/solicitudes/vencimientos.ics?institution=" + std::to_string(*request.actor.institution_id)
                                             : std::string()},
                             {"breadcrumbs", nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}})}});
  });
  router.get("/solicitudes/{folio}", [ctx](Request& request) { return request_page(ctx, request, request.param("folio")); });
  router.post("/solicitudes/{folio}/pasos", [ctx](Request& request) {
    std::string folio = request.param("folio");
    auto result = ctx.requests.work(request.actor, folio, work_from_form(request));
    if (!result.ok()) {
      throw_unless_form_error(result.error());
      return request_page(ctx, request, folio, &result.error());
    }
    Response response = Response::redirect("/solicitudes/" + folio);
    web::set_flash(response, "Registramos el paso; la historia de la solicitud lo muestra y quien solicita lo ve aquí.");
    return response;
  });
  router.get("/solicitudes/{folio}/archivos/{id}", [ctx](Request& request) {
    auto id = number(request.param("id"));
    if (!id) throw DomainException(Error::not_found("No existe ese archivo de la solicitud."));
    auto [file, data] = ctx.requests.file(request.param("folio"), *id).take();
    Response response{200, file.content_type, std::move(data), {}};
    response.set_header("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
    response.set_header("Cache-Control", "public, max-age=86400");
    return response;
  });
  router.post("/solicitudes/{folio}/aclaracion", [ctx](Request& request) {
    std::string folio = request.param("folio");
    const auto& f = request.form();
    auto result = ctx.requests.clarify(request.actor, folio, f.text("key"), f.text("text"));
    if (!result.ok()) {
      throw_unless_form_error(result.error());
      return request_page(ctx, request, folio, &result.error());
    }
    Response response = Response::redirect("/solicitudes/" + folio);
    web::set_flash(response, "Recibimos tu aclaración; el plazo de respuesta vuelve a contar.");
    return response;
  });

  router.get("/api/v1/requests", [ctx](Request& request) {
    auto page = web::PageRequest::from(request);
    auto result = ctx.requests.search(query_of(request), {page.per_page, page.offset()}).take();
    nlohmann::json items = nlohmann::json::array();
    for (auto& row : rows_of(ctx, result.items)) items.push_back(std::move(row));
    return web::api_list(request, items, page, result.total);
  });
  router.post("/api/v1/requests", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    FilingInput input;
    if (body.contains("institution_ids") && body["institution_ids"].is_array()) {
      for (const auto& id : body["institution_ids"]) input.institution_ids.push_back(id.is_number_integer() ? id.get<int64_t>() : -1);
    }
    input.requester_name = text_field(body, "requester_name");
    input.show_name = body.contains("show_name") && body["show_name"] == true;
    input.contact = text_field(body, "contact");
    input.description = text_field(body, "description");
    input.location_hint = text_field(body, "location_hint");
    input.delivery = text_field(body, "delivery");
    input.notify_by = text_field(body, "notify_by");
    input.channel = text_field(body, "channel");
    input.remote_address = request.remote_address;
    auto filed = ctx.requests.file(request.actor, input).take();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : filed) {
      nlohmann::json view = document_view(ctx.requests.find(item.folio).take());
      view["requester_key"] = item.requester_key;
      items.push_back(std::move(view));
    }
    return web::api_item({{"items", items}}, 201);
  });
  router.get("/api/v1/requests/{folio}", [ctx](Request& request) {
    return web::api_item(document_view(ctx.requests.find(request.param("folio")).take()));
  });
  router.get("/api/v1/requests/stats", [ctx](Request& request) {
    auto stats = ctx.requests.statistics(stats_query_of(request)).take();
    nlohmann::json institutions = nlohmann::json::array();
    for (const auto& tally : stats.institutions) institutions.push_back(tally_json(tally));
    nlohmann::json years = stats.years;
    return web::api_item({{"year", stats.year},
                          {"jurisdiction", stats.jurisdiction_slug.empty() ? nlohmann::json() : nlohmann::json(stats.jurisdiction_slug)},
                          {"total", tally_json(stats.total)},
                          {"institutions", institutions},
                          {"years", years}});
  });
  router.get("/api/v1/requests/queue", [ctx](Request& request) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : ctx.requests.queue(request.actor).take()) items.push_back(queue_item_view(item));
    return web::api_item({{"items", items}});
  });
  // JSON, or multipart/form-data with the same fields and "files" parts.
  router.post("/api/v1/requests/{folio}/steps", [ctx](Request& request) {
    WorkInput input;
    if (web::multipart_boundary(request.header("content-type"))) {
      input = work_from_form(request);
    } else {
      auto body = web::read_json_object(request);
      int64_t version = body.contains("version") && body["version"].is_number_integer() ? body["version"].get<int64_t>() : -1;
      input = {text_field(body, "action"), text_field(body, "text"), text_field(body, "outcome"),
               text_field(body, "reference"), version};
    }
    auto result = ctx.requests.work(request.actor, request.param("folio"), input);
    return web::api_item(document_view(ctx.requests.find(std::move(result).take().folio).take()));
  });
  router.post("/api/v1/requests/{folio}/clarification", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    auto result = ctx.requests.clarify(request.actor, request.param("folio"), text_field(body, "key"), text_field(body, "text"));
    return web::api_item(document_view(ctx.requests.find(std::move(result).take().folio).take()));
  });
  router.get("/api/v1/request-regimes", [ctx](Request&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& regime : ctx.requests.regimes()) items.push_back(regime.to_json());
    return web::api_item({{"items", items}});
  });
  router.post("/api/v1/request-regimes", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    return web::api_item(ctx.requests.add_regime(request.actor, regime_from_json(body)).take().to_json(), 201);
  });
  router.add("PUT", "/api/v1/request-regimes/{id}", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    int64_t version = body.contains("version") && body["version"].is_number_integer() ? body["version"].get<int64_t>() : -1;
    return web::api_item(
        ctx.requests.amend_regime(request.actor, web::id_param(request, "id", "el régimen"), version, regime_from_json(body))
            .take()
            .to_json());
  });
  router.get("/api/v1/closed-days", [ctx](Request&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : ctx.requests.closed_days()) items.push_back(closed_days_view(row));
    return web::api_item({{"items", items}});
  });
  router.post("/api/v1/closed-days", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    int64_t moved = ctx.requests
                        .add_closed_days(request.actor, {text_field(body, "jurisdiction"), text_field(body, "from"),
                                                         text_field(body, "to"), text_field(body, "kind"),
                                                         text_field(body, "basis")})
                        .take();
    return web::api_item({{"requests_moved", moved}}, 201);
  });
}

}  // namespace apertura::requests
