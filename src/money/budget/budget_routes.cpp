#include "money/budget/budget_routes.h"

#include "core/text.h"
#include "money/budget/budget_views.h"
#include "money/budget/permissions.h"
#include "web/api.h"
#include "web/pagination.h"

namespace apertura::money {

namespace {

using nlohmann::json;
using web::Request;
using web::Response;

// ?anio= / ?year=: a four-digit year, or none; anything else is a 400 naming it.
std::optional<int> year_param(const Request& request, const std::string& name) {
  std::string text = trim(request.query(name).value_or(""));
  if (text.empty()) return std::nullopt;
  auto year = parse_year(text);
  if (!year) throw DomainException(Error::bad_request("El parámetro «" + name + "» debe ser un año de cuatro cifras."));
  return year;
}

std::string query_of(const std::string& jurisdiction, int year) {
  return "?jurisdiccion=" + web::url_encode(jurisdiction) + "&anio=" + std::to_string(year);
}

Response import_form(const web::Pages& pages, const Request& request, const Error* error) {
  json data = web::form_state(request, error);
  data["title"] = "Cargar el presupuesto y su ejercicio";
  Response response = pages.render(request, "money/budget_import", data);
  if (error) response.status = web::status_for(error->kind);
  return response;
}

}  // namespace

void register_budget_routes(web::Router& router, BudgetService& budget, const web::Pages& pages) {
  router.get("/presupuesto", [&budget, &pages](Request& request) {
    auto trail = budget.trail(request.query("jurisdiccion").value_or(""), year_param(request, "anio"));
    if (!trail) {
      if (trail.error().kind != ErrorKind::not_found || request.query("jurisdiccion")) throw DomainException(trail.error());
      return pages.render(request, "money/budget",
                          {{"title", "El trayecto del dinero público"}, {"empty", true}, {"can_import", budget.may_import(request.actor)}});
    }
    json data = trail_view(*trail);
    std::string query = query_of(trail->jurisdiction.code, trail->year);
    data["title"] = "El trayecto del dinero público: " + trail->jurisdiction.name + " " + std::to_string(trail->year);
    data["can_import"] = budget.may_import(request.actor);
    data["scripts"] = {"js/money-trail.js"};
    data["lines_url"] = "/presupuesto/lineas" + query;
    data["flows_csv_url"] = "/presupuesto/flujos.csv" + query;
    data["flows_json_url"] = "/presupuesto/flujos.json" + query;
    data["api_url"] = "/api/v1/budget/trail?jurisdiction=" + trail->jurisdiction.code + "&year=" + std::to_string(trail->year);
    return pages.render(request, "money/budget", data);
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/presupuesto/flujos." + format, [&budget, format](Request& request) {
      auto trail = budget.trail(request.query("jurisdiccion").value_or(""), year_param(request, "anio")).take();
      return web::download(trail_flows_table(trail), "trayecto-" + trail.jurisdiction.code + "-" + std::to_string(trail.year),
                           format);
    });
    router.get("/presupuesto/lineas." + format, [&budget, format](Request& request) {
      std::string jurisdiction = request.query("jurisdiccion").value_or("");
      auto lines = budget.lines(jurisdiction, year_param(request, "anio"), request.query("unidad").value_or(""),
                                {web::kMaxDownloadRows, 0})
                       .take();
      return web::download(budget_lines_table(lines.items), "presupuesto-" + jurisdiction, format);
    });
  }
  router.get("/presupuesto/lineas", [&budget, &pages](Request& request) {
    std::string jurisdiction = request.query("jurisdiccion").value_or("");
    auto year = year_param(request, "anio");
    auto page = web::PageRequest::from(request, 50);
    auto lines = budget.lines(jurisdiction, year, request.query("unidad").value_or(""), {page.per_page, page.offset()}).take();
    json rows = json::array();
    for (const auto& line : lines.items) {
      rows.push_back(line_view(line));
    }
    std::string suffix = "?jurisdiccion=" + web::url_encode(jurisdiction) +
                         (year ? "&anio=" + std::to_string(*year) : "") +
                         (request.query("unidad") ? "&unidad=" + web::url_encode(*request.query("unidad")) : "");
    return pages.render(request, "money/budget_lines",
                        {{"title", "Líneas presupuestarias"},
                         {"lines", rows},
                         {"has_lines", !rows.empty()},
                         {"total", lines.total},
                         {"breadcrumbs", json::array({{{"label", "El trayecto del dinero"}, {"url", "/presupuesto" + suffix}}})},
                         {"csv_url", "/presupuesto/lineas.csv" + suffix},
                         {"json_url", "/presupuesto/lineas.json" + suffix},
                         {"pagination", web::pagination_view(request, page, lines.total)}});
  });
  router.get("/presupuesto/importar", [&budget, &pages](Request& request) {
    if (auto denied = budget.check_may_import(request.actor)) {
      throw DomainException(*denied);
    }
    return import_form(pages, request, nullptr);
  });
  router.post("/presupuesto/importar", [&budget, &pages](Request& request) {
    const auto& uploads = request.uploads();
    std::string jurisdiction = request.form().text("jurisdiction");
    auto result = budget.import_csv(request.actor, jurisdiction, uploads.empty() ? "" : uploads.front().data);
    if (!result) {
      if (result.error().kind != ErrorKind::invalid) throw DomainException(result.error());
      return import_form(pages, request, &result.error());
    }
    std::string years;
    for (int year : result->years) years += (years.empty() ? "" : ", ") + std::to_string(year);
    Response response = Response::redirect("/presupuesto?jurisdiccion=" + web::url_encode(trim(jurisdiction)) +
                                           (result->years.empty() ? "" : "&anio=" + std::to_string(result->years.front())));
    web::set_flash(response, "Cargamos " + std::to_string(result->created) + " líneas nuevas y actualizamos " +
                                 std::to_string(result->updated) + " (ejercicios " + years + ").");
    return response;
  });
  router.post("/contrataciones/{ocid}/presupuesto", [&budget](Request& request) {
    std::string ocid = request.param("ocid");
    auto line = budget.link(request.actor, ocid, request.form().text("year"), request.form().text("key")).take();
    Response response = Response::redirect("/contrataciones/" + web::url_encode(ocid) + "#presupuesto");
    web::set_flash(response, "Vinculamos el proceso con la línea " + line.key + ".");
    return response;
  });

  router.get("/api/v1/budget/trail", [&budget](Request& request) {
    auto trail = budget.trail(request.query("jurisdiction").value_or(""), year_param(request, "year")).take();
    return web::api_item(trail_json(trail));
  });
  router.get("/api/v1/budget/lines", [&budget](Request& request) {
    auto page = web::PageRequest::from(request, 50);
    auto lines = budget.lines(request.query("jurisdiction").value_or(""), year_param(request, "year"),
                              request.query("institution").value_or(""), {page.per_page, page.offset()})
                     .take();
    json items = json::array();
    for (const auto& line : lines.items) items.push_back(line.to_json());
    return web::api_list(request, items, page, lines.total);
  });
  // The CSV as the request body (text/csv) or as the file of a multipart form.
  router.post("/api/v1/budget/imports", [&budget](Request& request) {
    const auto& uploads = request.uploads();
    auto result = budget.import_csv(request.actor, request.query("jurisdiction").value_or(""),
                                    uploads.empty() ? request.body : uploads.front().data)
                      .take();
    return web::api_item({{"created", result.created}, {"updated", result.updated}, {"years", result.years}}, 201);
  });
  router.get("/api/v1/processes/{ocid}/budget-lines", [&budget](Request& request) {
    json items = json::array();
    for (const auto& line : budget.lines_of_process(request.param("ocid"))) items.push_back(line.to_json());
    return web::api_all(request, items);
  });
  router.post("/api/v1/processes/{ocid}/budget-lines", [&budget](Request& request) {
    auto body = web::read_json_object(request);
    std::string year = body.contains("year") && body["year"].is_number_integer() ? std::to_string(body["year"].get<int64_t>())
                                                                                 : web::text_field(body, "year");
    auto line = budget.link(request.actor, request.param("ocid"), year, web::text_field(body, "key")).take();
    return web::api_item(line.to_json(), 201);
  });
}

void extend_contracting_pages(ContractingExtensions& extensions, BudgetService& budget) {
  extensions.process_page.push_back([&budget](const Request& request, const std::string& ocid, json& data) {
    json lines = json::array();
    for (const auto& line : budget.lines_of_process(ocid)) lines.push_back(line_view(line));
    data["has_budget_lines"] = !lines.empty();
    data["budget_lines"] = std::move(lines);
    data["can_link_budget"] = budget.may_link(request.actor);
  });
}

}  // namespace apertura::money
