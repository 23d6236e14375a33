#include "jurisdictions/jurisdiction_routes.h"

#include <algorithm>

#include "jurisdictions/messages.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::jurisdictions {

namespace {

using web::Request;
using web::Response;

constexpr int64_t kOverviewLimit = 33;  // the federation and the 32 states

JurisdictionQuery query_from(const Request& request) {
  JurisdictionQuery query;
  query.text = request.query("q").value_or("");
  std::string level = request.query("level").value_or("");
  if (!level.empty()) {
    query.level = parse_level(level);
    if (!query.level) {
      throw DomainException(Error{ErrorKind::bad_request,
                                  "El nivel debe ser federal, state o municipality.",
                                  {{"level", "valor desconocido: " + level}}});
    }
  }
  return query;
}

// What a link to a jurisdiction needs (the home page lists them all).
nlohmann::json jurisdiction_link(const Jurisdiction& j) {
  return {{"code", j.code}, {"name", j.name}, {"url", "/jurisdicciones/" + j.slug}};
}

nlohmann::json jurisdiction_view(const Jurisdiction& j) {
  nlohmann::json view = j.to_json();
  view["level_label"] = level_label_es(j.level);
  view["url"] = "/jurisdicciones/" + j.slug;
  return view;
}

web::Table jurisdiction_table(const std::vector<Jurisdiction>& items) {
  web::Table table{{{"code", "Clave INEGI"}, {"name", "Nombre"}, {"level", "Nivel"},
                    {"slug", "Identificador"}, {"parent_id", "Superior"}, {"updated_at", "Actualizado"}},
                   {}};
  for (const auto& j : items) table.rows.push_back(j.to_json());
  return table;
}

web::Table institution_table(const std::vector<Institution>& items) {
  web::Table table{{{"id", "Número"}, {"name", "Nombre"}, {"acronym", "Siglas"},
                    {"website", "Sitio web"}, {"updated_at", "Actualizado"}},
                   {}};
  for (const auto& i : items) table.rows.push_back(i.to_json());
  return table;
}

nlohmann::json jurisdiction_page_data(JurisdictionService& service, const Request& request,
                                      const Jurisdiction& jurisdiction) {
  auto page = web::PageRequest::from(request, 50);
  auto institutions = service.institutions(jurisdiction.id, {page.per_page, page.offset()});
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& i : institutions.items) rows.push_back(i.to_json());
  nlohmann::json data = {{"title", jurisdiction.name},
                         {"jurisdiction", jurisdiction_view(jurisdiction)},
                         {"institutions", rows},
                         {"has_institutions", !rows.empty()},
                         {"pagination", web::pagination_view(request, page, institutions.total)},
                         {"can_add_institution", service.may_add_institution(request.actor, jurisdiction.id)}};
  if (auto parent = service.parent_of(jurisdiction)) data["parent"] = jurisdiction_view(*parent);
  return data;
}

void register_pages(web::Router& router, JurisdictionService& service, const web::Pages& pages,
                    const std::vector<JurisdictionSection>& sections, const std::vector<HomeCardFacts>& card_facts) {
  router.get("/", [&service, &pages, &card_facts](Request& request) {
    // Federal first, then the states: one query for the whole overview.
    auto top = service.list({}, {kOverviewLimit, 0});
    std::map<int64_t, nlohmann::json> cards;
    for (const auto& j : top.items) {
      if (j.level == Level::state) cards[j.id] = nlohmann::json::array();
    }
    for (const auto& add_facts : card_facts) add_facts(cards);
    nlohmann::json state_views = nlohmann::json::array();
    nlohmann::json data = {{"title", "Apertura: gobierno abierto local"}};
    for (const auto& j : top.items) {
      if (j.level == Level::federal) data["federal"] = jurisdiction_link(j);
      if (j.level == Level::state) {
        nlohmann::json card = jurisdiction_link(j);
        // In the order their "rank" says (what the declaration is about first), whatever the domains' order.
        auto& facts = cards[j.id];
        std::stable_sort(facts.begin(), facts.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
          return a["rank"].get<int>() < b["rank"].get<int>();
        });
        card["facts"] = std::move(facts);
        state_views.push_back(std::move(card));
      }
    }
    data["state_count"] = state_views.size();
    data["states"] = std::move(state_views);
    return pages.render(request, "jurisdictions/home", data);
  });

  router.get("/jurisdicciones", [&service, &pages](Request& request) {
    auto query = query_from(request);
    auto page = web::PageRequest::from(request, 50);
    auto result = service.list(query, {page.per_page, page.offset()});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& j : result.items) rows.push_back(jurisdiction_view(j));
    std::string download_query = request.query_suffix();
    return pages.render(
        request, "jurisdictions/list",
        {{"title", "Jurisdicciones"},
         {"jurisdictions", rows},
         {"has_results", !rows.empty()},
         {"q", query.text},
         {"level_" + (query.level ? level_name(*query.level) : std::string("all")), true},
         {"pagination", web::pagination_view(request, page, result.total)},
         {"csv_url", "/jurisdicciones.csv" + download_query},
         {"json_url", "/jurisdicciones.json" + download_query},
         {"can_create", service.may_create_jurisdiction(request.actor)}});
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/jurisdicciones." + format, [&service, format](Request& request) {
      auto result = service.list(query_from(request), {web::kMaxDownloadRows, 0});
      return web::download(jurisdiction_table(result.items), "jurisdicciones", format);
    });
    router.get("/jurisdicciones/{slug}/instituciones." + format, [&service, format](Request& request) {
      auto jurisdiction = service.find(request.param("slug")).take();
      auto result = service.institutions(jurisdiction.id, {web::kMaxDownloadRows, 0});
      return web::download(institution_table(result.items), "instituciones-" + jurisdiction.slug, format);
    });
  }

  router.post("/jurisdicciones", [&service](Request& request) {
    const auto& form = request.form();
    auto created = service.create(request.actor, {form.text("code"), form.text("name"), form.text("level")});
    auto jurisdiction = std::move(created).take();
    Response response = Response::redirect("/jurisdicciones/" + jurisdiction.slug);
    web::set_flash(response, "Registramos " + jurisdiction.name + ".");
    return response;
  });

  router.get("/jurisdicciones/{slug}", [&service, &pages, &sections](Request& request) {
    auto jurisdiction = service.find(request.param("slug")).take();
    nlohmann::json data = jurisdiction_page_data(service, request, jurisdiction);
    std::string html;
    for (const auto& section : sections) html += section(request, jurisdiction);
    data["sections_html"] = html;
    return pages.render(request, "jurisdictions/show", data);
  });

  router.post("/jurisdicciones/{slug}/instituciones", [&service, &pages](Request& request) {
    const auto& form = request.form();
    auto added = service.add_institution(request.actor, request.param("slug"),
                                         {form.text("name"), form.text("acronym"), form.text("website")});
    if (!added) {
      const Error& error = added.error();
      if (error.kind != ErrorKind::invalid && error.kind != ErrorKind::conflict) throw DomainException(error);
      auto jurisdiction = service.find(request.param("slug")).take();
      nlohmann::json data = jurisdiction_page_data(service, request, jurisdiction);
      data["form"] = web::form_state(request, &error);
      return pages.render(request, "jurisdictions/show", data, web::status_for(error.kind));
    }
    Response response = Response::redirect("/jurisdicciones/" + request.param("slug"));
    web::set_flash(response, "Registramos la institución " + added->name + ".");
    return response;
  });
}

void register_api(web::Router& router, JurisdictionService& service) {
  router.get("/api/v1/jurisdictions", [&service](Request& request) {
    auto query = query_from(request);
    auto page = web::PageRequest::from(request);
    auto result = service.list(query, {page.per_page, page.offset()});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& j : result.items) items.push_back(j.to_json());
    return web::api_list(request, items, page, result.total);
  });
  router.post("/api/v1/jurisdictions", [&service](Request& request) {
    auto body = web::read_json_object(request);
    auto created = service.create(request.actor, {web::text_field(body, "code"), web::text_field(body, "name"),
                                                  web::text_field(body, "level")});
    return web::api_item(std::move(created).take().to_json(), 201);
  });
  router.get("/api/v1/jurisdictions/{code}", [&service](Request& request) {
    return web::api_item(service.find(request.param("code")).take().to_json());
  });
  router.get("/api/v1/jurisdictions/{code}/institutions", [&service](Request& request) {
    auto jurisdiction = service.find(request.param("code")).take();
    auto page = web::PageRequest::from(request);
    auto result = service.institutions(jurisdiction.id, {page.per_page, page.offset()});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : result.items) items.push_back(i.to_json());
    return web::api_list(request, items, page, result.total);
  });
  router.post("/api/v1/jurisdictions/{code}/institutions", [&service](Request& request) {
    auto body = web::read_json_object(request);
    auto added = service.add_institution(request.actor, request.param("code"),
                                         {web::text_field(body, "name"), web::text_field(body, "acronym"),
                                          web::text_field(body, "website")});
    return web::api_item(std::move(added).take().to_json(), 201);
  });
  router.get("/api/v1/institutions/{id}", [&service](Request& request) {
    int64_t id = 0;
    try {
      id = std::stoll(request.param("id"));
    } catch (const std::exception&) {
      throw DomainException(Error::not_found("No existe la institución " + request.param("id") + "."));
    }
    auto institution = service.institution(id);
    if (!institution) throw DomainException(Error::not_found("No existe la institución " + request.param("id") + "."));
    return web::api_item(institution->to_json());
  });
}

}  // namespace

nlohmann::json card_fact(std::string text, std::string url, std::string tone, int rank) {
  return {{"text", std::move(text)}, {"url", std::move(url)}, {"tone", std::move(tone)}, {"rank", rank}};
}

void register_jurisdiction_routes(web::Router& router, JurisdictionService& service, const web::Pages& pages,
                                  const std::vector<JurisdictionSection>& sections,
                                  const std::vector<HomeCardFacts>& card_facts) {
  register_pages(router, service, pages, sections, card_facts);
  register_api(router, service);
}

}  // namespace apertura::jurisdictions
