#include <algorithm>

#include "core/clock.h"
#include "core/date_text.h"
#include "core/icalendar.h"
#include "core/number_text.h"
#include "core/text.h"
#include "core/text_pdf.h"
#include "requests/messages.h"
#include "requests/request_inputs.h"
#include "requests/request_routes.h"
#include "requests/request_views.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::requests {

namespace {

using web::Request;
using web::Response;

// A bot fills every field; people never see this one.
constexpr const char* kHoneypot = "sitio_web";

nlohmann::json jurisdiction_options(RouteContext ctx, const std::string& chosen) {
  nlohmann::json places = nlohmann::json::array();
  for (const auto& place : ctx.jurisdictions.list({}, {200, 0}).items) {
    places.push_back({{"value", place.slug}, {"label", place.name}, {"selected", chosen == place.slug || chosen == place.code}});
  }
  return places;
}

Response statistics_page(RouteContext ctx, Request& request) {
  StatsQuery query = stats_query_of(request);
  auto stats = ctx.requests.statistics(query).take();
  nlohmann::json data = statistics_view(stats);
  nlohmann::json years = nlohmann::json::array();
  for (int year : stats.years) years.push_back({{"value", year}, {"selected", year == stats.year}});
  if (std::find(stats.years.begin(), stats.years.end(), stats.year) == stats.years.end()) {
    years.push_back({{"value", stats.year}, {"selected", true}});
  }
  data["title"] = "Estadísticas de las solicitudes de información";
  data["jurisdictions"] = jurisdiction_options(ctx, stats.jurisdiction_slug);
  data["years"] = years;
  data["place"] = stats.jurisdiction_name;
  data["place_slug"] = stats.jurisdiction_slug;
  data["csv_url"] = "/solicitudes/estadisticas.csv" + request.query_suffix();
  data["json_url"] = "/solicitudes/estadisticas.json" + request.query_suffix();
  data["api_url"] = "/api/v1/requests/stats" + request.query_suffix();
  data["breadcrumbs"] = nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}});
  return ctx.pages.render(request, "requests/statistics", data);
}

// Every jurisdiction's institutions, for the filing form.
nlohmann::json institution_groups(RouteContext ctx, const std::vector<int64_t>& chosen) {
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

Response filing_page(RouteContext ctx, const Request& request, const Error* error = nullptr) {
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
                         {"topics", topic_options(ctx, error ? request.form().text("topic") : "")},
                         {"form", web::form_state(request, error)},
                         {"breadcrumbs", nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}})}};
  if (!request.actor.signed_in()) {
    HumanChallenge check = ctx.requests.human_challenge();
    data["check"] = {{"token", check.token}, {"bits", check.bits}, {"question", check.question}};
  }
  data["scripts"] = {"js/similar-requests.js", "js/human-check.js", "js/institution-filter.js"};
  return ctx.pages.render(request, "requests/new", data, error ? web::status_for(error->kind) : 200);
}

Response regimes_page(RouteContext ctx, const Request& request) {
  nlohmann::json regimes = nlohmann::json::array();
  for (const auto& regime : ctx.requests.regimes()) regimes.push_back(regime_view(regime));
  return ctx.pages.render(request, "requests/regimes",
                          {{"title", "Leyes y plazos de las solicitudes"},
                           {"regimes", regimes},
                           {"breadcrumbs", nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}})}});
}

Response regime_page(RouteContext ctx, const Request& request, int64_t id, const Error* error = nullptr) {
  Regime regime = ctx.requests.regime(id).take();
  nlohmann::json data = regime_view(regime);
  data["title"] = regime.name;
  data["can_manage"] = ctx.requests.may_manage_regimes(request.actor);
  data["form"] = web::form_state(request, error);
  data["breadcrumbs"] = nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}},
                                               {{"label", "Leyes y plazos"}, {"url", "/solicitudes/regimenes"}}});
  return ctx.pages.render(request, "requests/regime", data, error ? web::status_for(error->kind) : 200);
}

Response fees_page(RouteContext ctx, const Request& request, const Error* error = nullptr) {
  nlohmann::json rows = fee_schedule_rows(ctx);
  return ctx.pages.render(request, "requests/fees",
                          {{"title", "Cuotas de reproducción"},
                           {"schedules", rows},
                           {"has_schedules", !rows.empty()},
                           {"can_manage", ctx.requests.may_manage_regimes(request.actor)},
                           {"jurisdictions", jurisdiction_options(ctx, request.form().text("jurisdiction"))},
                           {"form", web::form_state(request, error)},
                           {"breadcrumbs", nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}})}},
                          error ? web::status_for(error->kind) : 200);
}

Response calendar_page(RouteContext ctx, const Request& request, const Error* error = nullptr) {
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


Response appeals_page(RouteContext ctx, Request& request) {
  auto page = web::PageRequest::from(request, 30);
  AppealQuery query = appeal_query_of(request);
  // Staff see their own jurisdiction's appeals first ("Todas" shows every one).
  if (!request.query("jurisdiction") && request.actor.signed_in()) {
    std::optional<int64_t> place = request.actor.jurisdiction_id;
    if (!place && request.actor.institution_id) {
      if (auto institution = ctx.jurisdictions.institution(*request.actor.institution_id)) place = institution->jurisdiction_id;
    }
    if (auto jurisdiction = place ? ctx.jurisdictions.by_id(*place) : std::nullopt) query.jurisdiction = jurisdiction->slug;
  }
  auto result = ctx.requests.appeals(query, {page.per_page, page.offset()}).take();
  nlohmann::json statuses = nlohmann::json::array();
  statuses.push_back({{"value", "open"}, {"label", "En trámite (con algo pendiente)"}, {"selected", query.status == "open"}});
  for (AppealStatus status : {AppealStatus::filed, AppealStatus::prevented, AppealStatus::admitted, AppealStatus::rejected, AppealStatus::resolved,
                              AppealStatus::complying, AppealStatus::compliance_reported, AppealStatus::complied,
                              AppealStatus::not_complied}) {
    statuses.push_back({{"value", appeal_status_name(status)}, {"label", appeal_status_label_es(status)},
                        {"selected", query.status == appeal_status_name(status)}});
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& item : result.items) rows.push_back(appeal_item_view(item));
  return ctx.pages.render(request, "requests/appeals",
                          {{"title", "Recursos de revisión"},
                           {"appeals", rows},
                           {"has_appeals", !rows.empty()},
                           {"open_view", query.status == "open"},
                           {"total_text", grouped(result.total) + (result.total == 1 ? " recurso" : " recursos")},
                           {"jurisdictions", jurisdiction_options(ctx, query.jurisdiction)},
                           {"statuses", statuses},
                           {"csv_url", "/solicitudes/recursos.csv" + request.query_suffix()},
                           {"json_url", "/solicitudes/recursos.json" + request.query_suffix()},
                           {"api_url", "/api/v1/appeals" + request.query_suffix()},
                           {"pagination", web::pagination_view(request, page, result.total)},
                           {"breadcrumbs", nlohmann::json::array({{{"label", "Solicitudes de información"}, {"url", "/solicitudes"}}})}});
}

Response guarantors_page(RouteContext ctx, const Request& request, const Error* error = nullptr) {
  bool can_manage = ctx.requests.may_manage_guarantors(request.actor);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : ctx.requests.guarantors()) {
    nlohmann::json view = guarantor_view(row);
    view["can_manage"] = ctx.requests.may_manage_guarantors(request.actor, row.jurisdiction.id);
    if (view["can_manage"].get<bool>()) {
      nlohmann::json choices = nlohmann::json::array();
      for (const auto& institution : ctx.jurisdictions.institutions(row.jurisdiction.id, {1000, 0}).items) {
        choices.push_back({{"id", institution.id}, {"name", institution.name},
                           {"selected", row.institution && row.institution->id == institution.id}});
      }
      if (choices.empty()) continue;
      view["choices"] = choices;
    }
    rows.push_back(std::move(view));
  }
  return ctx.pages.render(request, "requests/guarantors",
                          {{"title", "Órganos garantes"},
                           {"rows", rows},
                           {"can_manage", can_manage},
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

// The appeal's forms each reader may use: the requester's to file it or to
// allege, the institution's to allege or report compliance, the guarantor's steps.
void add_appeal_forms(RouteContext ctx, const Request& request, const RequestDocument& document, nlohmann::json& data) {
  bool institution = ctx.requests.may_work(request.actor, document.request);
  if (!document.appeal) {
    if (document.appeal_until.empty() || institution) return;
    bool answered = !is_open(document.request.status);
    nlohmann::json grounds = nlohmann::json::array();
    for (AppealGround ground : all_grounds()) {
      if ((ground == AppealGround::no_answer) == answered) continue;
      grounds.push_back({{"value", ground_name(ground)}, {"label", ground_label_es(ground)},
                         {"selected", request.form().text("ground") == ground_name(ground)}});
    }
    data["can_appeal"] = true;
    data["grounds"] = grounds;
    return;
  }
  const Appeal& appeal = *document.appeal;
  bool guarantor = ctx.requests.may_work_appeal(request.actor, document.request.jurisdiction_id);
  nlohmann::json steps = nlohmann::json::array();
  if (guarantor) {
    if (appeal.status == AppealStatus::filed) {
      steps = options({{"admit", "Admitir el recurso"}, {"reject", "Desechar el recurso"}});
      if (appeal.prevented_on.empty()) {
        steps.push_back({{"value", "prevent"}, {"label", "Prevenir a quien recurre para que lo complete (una vez)"}});
      }
    } else if (appeal.status == AppealStatus::prevented) {
      steps = options({{"reject", "Desechar el recurso (no se completó a tiempo)"}});
    } else if (appeal.status == AppealStatus::admitted) {
      steps = options({{"resolve", "Resolver"}, {"extend", "Ampliar el plazo para resolver (una vez)"}});
    } else if (appeal.status == AppealStatus::compliance_reported || appeal.status == AppealStatus::complying) {
      steps = options({{"verify", "Calificar el cumplimiento"}});
    }
  }
  data["appeal_steps"] = steps;
  data["can_work_appeal"] = !steps.empty();
  nlohmann::json results = nlohmann::json::array();
  for (AppealResult result : {AppealResult::confirm, AppealResult::modify, AppealResult::revoke, AppealResult::dismiss}) {
    results.push_back({{"value", appeal_result_name(result)}, {"label", appeal_result_label_es(result)}});
  }
  data["appeal_results"] = results;
  bool allegations_open = appeal.status == AppealStatus::admitted;
  data["can_allege"] = allegations_open && !guarantor;
  data["allege_as_institution"] = institution;
  data["can_report_compliance"] = institution && appeal.status == AppealStatus::complying;
  data["can_complete_appeal"] = appeal.status == AppealStatus::prevented && !institution && !guarantor;
}

Response request_page(RouteContext ctx, const Request& request, const std::string& folio, const Error* error = nullptr) {
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
  add_appeal_forms(ctx, request, document, data);
  data["topics"] = topic_options(ctx, document.request.topic);
  for (const auto& topic : data["topics"]) {
    if (topic["selected"].get<bool>()) data["topic_name"] = topic["label"];
  }
  data["can_set_topic"] = ctx.requests.may_work(request.actor, document.request);
  data["reproduced"] = document.request.delivery == Delivery::copies ||
                       document.request.delivery == Delivery::certified_copies;
  data["free_pages"] = document.regime.days(TermKind::free_pages);
  if (document.cost && ctx.requests.may_work(request.actor, document.request)) {
    data["can_work_cost"] = document.cost->status == CostStatus::awaiting_payment ||
                            document.cost->status == CostStatus::available;
  }
  if (ctx.requests.may_work(request.actor, document.request)) {
    // What an official may black out: the requester's words and each step's note.
    nlohmann::json targets = options({{"description", "La descripción de la solicitud"}});
    if (!document.request.location_hint.empty()) {
      targets.push_back({{"value", "location_hint"}, {"label", "Los datos para encontrar la información"}});
    }
    if (document.appeal) targets.push_back({{"value", "appeal_reasons"}, {"label", "Las razones del recurso"}});
    for (const auto& event : document.events) {
      std::string start = event.note.substr(0, 60);
      start.resize(utf8_valid_prefix(start));  // not in the middle of a character
      targets.push_back({{"value", "event:" + std::to_string(event.id)},
                         {"label", "Paso del " + date_es(event.at.substr(0, 10)) + ": «" + start + "…»"}});
    }
    data["can_redact"] = true;
    data["redaction_targets"] = targets;
  }
  data["form"] = web::form_state(request, error);
  return ctx.pages.render(request, "requests/show", data, error ? web::status_for(error->kind) : 200);
}

}  // namespace

void register_request_pages(web::Router& router, RouteContext ctx) {

  router.get("/solicitudes", [ctx](Request& request) {
    auto page = web::PageRequest::from(request, 30);
    RequestQuery query = query_of(request);
    auto result = ctx.requests.search(query, {page.per_page, page.offset()}).take();
    nlohmann::json places = jurisdiction_options(ctx, query.jurisdiction);
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
                             {"total_text", (result.total_is_lower_bound ? "Más de " : "") + grouped(result.total) +
                                                (result.total == 1 ? " solicitud" : " solicitudes")},
                             {"total_is_lower_bound", result.total_is_lower_bound},
                             {"q", query.text},
                             {"jurisdiction_slug", query.jurisdiction},
                             {"jurisdictions", places},
                             {"statuses", statuses},
                             {"outcomes", outcomes},
                             {"topics", topic_options(ctx, query.topic)},
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
  router.get("/solicitudes/recursos", [ctx](Request& request) { return appeals_page(ctx, request); });
  for (std::string format : {"csv", "json"}) {
    router.get("/solicitudes/recursos." + format, [ctx, format](Request& request) {
      auto result = ctx.requests.appeals(appeal_query_of(request), {web::kMaxDownloadRows, 0}).take();
      std::vector<nlohmann::json> rows;
      for (const auto& item : result.items) rows.push_back(appeal_item_view(item));
      return web::download(appeals_table(rows), "recursos-de-revision", format);
    });
  }
  router.get("/solicitudes/garantes", [ctx](Request& request) { return guarantors_page(ctx, request); });
  router.post("/solicitudes/garantes", [ctx](Request& request) {
    const auto& f = request.form();
    auto chosen = ctx.requests.set_guarantor(request.actor, f.text("jurisdiction"), number(f.text("institution_id")).value_or(-1));
    if (!chosen.ok()) {
      throw_unless_form_error(chosen.error());
      return guarantors_page(ctx, request, &chosen.error());
    }
    Response response = Response::redirect("/solicitudes/garantes");
    web::set_flash(response, "Guardamos el órgano garante de " + chosen->jurisdiction.name +
                                 ": su personal atiende desde ahora los recursos de esa jurisdicción.");
    return response;
  });
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
                        open.running_due_on(),
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
  router.get("/solicitudes/cuotas", [ctx](Request& request) { return fees_page(ctx, request); });
  router.post("/solicitudes/cuotas", [ctx](Request& request) {
    auto saved = ctx.requests.save_fee_schedule(request.actor, fee_schedule_from_form(request.form()));
    if (!saved.ok()) {
      throw_unless_form_error(saved.error());
      return fees_page(ctx, request, &saved.error());
    }
    Response response = Response::redirect("/solicitudes/cuotas");
    web::set_flash(response, "Guardamos las cuotas de " + std::to_string(saved->year) +
                                 ". Valen para las respuestas que se den desde ahora; las ya cotizadas conservan su costo.");
    return response;
  });
  // A document's redacted version, the document chosen in the form.
  router.post("/solicitudes/{folio}/archivos/testar", [ctx](Request& request) {
    std::string folio = request.param("folio");
    auto result = ctx.requests.redact_file(request.actor, folio, number(request.form().text("file_id")).value_or(-1),
                                           upload_of(request, "file"), request.form().text("reason"));
    if (!result.ok()) {
      throw_unless_form_error(result.error());
      return request_page(ctx, request, folio, &result.error());
    }
    Response response = Response::redirect("/solicitudes/" + folio);
    web::set_flash(response, "Se publicó la versión testada del documento. El original queda fuera de la vista pública.");
    return response;
  });
  router.post("/solicitudes/{folio}/tema", [ctx](Request& request) {
    std::string folio = request.param("folio");
    const auto& f = request.form();
    auto result = ctx.requests.set_topic(request.actor, folio, f.text("topic"), number(f.text("version")).value_or(-1));
    if (!result.ok()) {
      throw_unless_form_error(result.error());
      return request_page(ctx, request, folio, &result.error());
    }
    Response response = Response::redirect("/solicitudes/" + folio);
    web::set_flash(response, "Guardamos el tema de la solicitud; el archivo la muestra con él.");
    return response;
  });
  router.post("/solicitudes/{folio}/costo", [ctx](Request& request) {
    std::string folio = request.param("folio");
    auto result = ctx.requests.work_cost(request.actor, folio, cost_step_from_form(request.form()));
    if (!result.ok()) {
      throw_unless_form_error(result.error());
      return request_page(ctx, request, folio, &result.error());
    }
    Response response = Response::redirect("/solicitudes/" + folio + "#costo");
    web::set_flash(response, "Registramos el paso; la historia de la solicitud lo muestra y quien solicita recibe el aviso.");
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
  // The filing receipt: the request and its computed terms, to print or keep.
  router.get("/solicitudes/{folio}/acuse.pdf", [ctx](Request& request) {
    auto document = ctx.requests.find(request.param("folio")).take();
    std::string url = ctx.public_url + "/solicitudes/" + document.request.folio;
    Response response{200, "application/pdf",
                      text_pdf("Acuse de recibo de la solicitud de información " + document.request.folio,
                               receipt_paragraphs(document, url)),
                      {}};
    response.set_header("Content-Disposition", "inline; filename=\"acuse-" + document.request.folio + ".pdf\"");
    return response;
  });
  router.get("/solicitudes/{folio}/archivos/{id}", [ctx](Request& request) {
    auto [file, data] = ctx.requests.file(request.param("folio"), web::id_param(request, "id", "el archivo")).take();
    return Response::stored_file(file.content_type, file.file_name, std::move(data));
  });
  router.post("/solicitudes/{folio}/testar", [ctx](Request& request) {
    std::string folio = request.param("folio");
    auto result = ctx.requests.redact(request.actor, folio, redaction_from_form(request.form()));
    if (!result.ok()) {
      throw_unless_form_error(result.error());
      return request_page(ctx, request, folio, &result.error());
    }
    Response response = Response::redirect("/solicitudes/" + folio);
    web::set_flash(response, "Se testó el texto. El original queda fuera de la vista pública y en la bitácora privada.");
    return response;
  });
  router.post("/solicitudes/{folio}/recurso", [ctx](Request& request) {
    std::string folio = request.param("folio");
    const auto& f = request.form();
    auto result = ctx.requests.appeal(request.actor, folio, {f.text("ground"), f.text("reasons"), f.text("key")});
    if (!result.ok()) {
      throw_unless_form_error(result.error());
      return request_page(ctx, request, folio, &result.error());
    }
    Response response = Response::redirect("/solicitudes/" + folio + "#recurso");
    web::set_flash(response, "Recibimos tu recurso de revisión " + result->number +
                                 ". El órgano garante decidirá si lo admite; cada paso aparece en esta página.");
    return response;
  });
  router.post("/solicitudes/{folio}/recurso/pasos", [ctx](Request& request) {
    std::string folio = request.param("folio");
    auto result = ctx.requests.work_appeal(request.actor, folio, appeal_step_from_form(request));
    if (!result.ok()) {
      throw_unless_form_error(result.error());
      return request_page(ctx, request, folio, &result.error());
    }
    Response response = Response::redirect("/solicitudes/" + folio + "#recurso");
    web::set_flash(response, "Registramos el paso del recurso; la historia de la solicitud lo muestra.");
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
}

}  // namespace apertura::requests
