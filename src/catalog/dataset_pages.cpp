// The catalog's pages: search with facets, a dataset and its resources, and
// the forms its keepers use.
#include <utility>

#include "catalog/catalog_routes.h"
#include "catalog/dataset_views.h"
#include "catalog/datastore/datastore_views.h"
#include "catalog/messages.h"
#include "core/date_text.h"
#include "core/markdown.h"
#include "core/number_text.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::catalog {

namespace {

using web::Request;
using web::Response;

struct Context {
  DatasetService& datasets;
  DatastoreService& datastore;
  const web::Pages& pages;
  std::string public_url;
};

using Pairs = std::vector<std::pair<std::string, std::string>>;

// The page's filters by their Spanish names, each facet's parameter.
struct FacetParam {
  Facet facet;
  const char* param;
  const char* title;
};
constexpr FacetParam kFacetParams[] = {
    {Facet::institution, "institucion", "Institución"}, {Facet::group, "grupo", "Grupo temático"},
    {Facet::tag, "etiqueta", "Etiqueta"},               {Facet::format, "formato", "Formato"},
    {Facet::license, "licencia", "Licencia"},
};

std::vector<std::string> all_values(const Request& request, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& [key, value] : request.query_params().pairs()) {
    if (key == name && !value.empty()) out.push_back(value);
  }
  return out;
}

CatalogSort sort_named(const std::string& name) {
  if (name == "recientes") return CatalogSort::updated_desc;
  if (name == "titulo") return CatalogSort::title_asc;
  return CatalogSort::relevance;
}

CatalogQuery query_of(const Request& request) {
  CatalogQuery query;
  query.text = request.query("q").value_or("");
  query.publisher = request.query("institucion").value_or("");
  query.jurisdiction = request.query("jurisdiccion").value_or("");
  query.license = request.query("licencia").value_or("");
  query.groups = all_values(request, "grupo");
  query.tags = all_values(request, "etiqueta");
  query.formats = all_values(request, "formato");
  query.sort = sort_named(request.query("orden").value_or(""));
  return query;
}

std::string catalog_url(const Pairs& pairs) {
  std::string query;
  for (const auto& [key, value] : pairs) {
    query += (query.empty() ? "?" : "&") + web::url_encode(key) + "=" + web::url_encode(value);
  }
  return "/datos" + query;
}

// The page's parameters without `page`, with (name, value) added, or taken out when present.
Pairs toggled(const Request& request, const std::string& name, const std::string& value) {
  Pairs out;
  bool removed = false;
  for (const auto& pair : request.query_params().pairs()) {
    if (pair.first == "page" || pair.second.empty()) continue;
    if (pair.first == name && pair.second == value) {
      removed = true;
      continue;
    }
    out.push_back(pair);
  }
  if (!removed) out.emplace_back(name, value);
  return out;
}

bool active(const Request& request, const std::string& name, const std::string& value) {
  for (const auto& [key, v] : request.query_params().pairs()) {
    if (key == name && v == value) return true;
  }
  return false;
}

std::vector<std::optional<Publisher>> publishers_of(DatasetService& datasets, const std::vector<Dataset>& items) {
  std::vector<std::optional<Publisher>> out;
  for (const auto& d : items) out.push_back(d.institution_id ? datasets.publisher(*d.institution_id) : std::nullopt);
  return out;
}

Response catalog_page(Context ctx, const Request& request) {
  auto page = web::PageRequest::from(request, 20, 100);
  CatalogQuery query = query_of(request);
  for (const auto& f : kFacetParams) query.facets.push_back(f.facet);
  query.facet_limit = 12;
  auto results = ctx.datasets.search(query, {page.per_page, page.offset()}).take();
  auto publishers = publishers_of(ctx.datasets, results.datasets.items);
  nlohmann::json cards = nlohmann::json::array();
  for (size_t i = 0; i < results.datasets.items.size(); ++i) {
    cards.push_back(dataset_card(results.datasets.items[i], publishers[i]));
  }
  nlohmann::json facets = nlohmann::json::array();
  nlohmann::json chosen = nlohmann::json::array();
  for (size_t i = 0; i < results.facets.size(); ++i) {
    const FacetParam& param = kFacetParams[i];
    nlohmann::json items = nlohmann::json::array();
    bool any_active = false;
    for (const auto& value : results.facets[i].second) {
      bool on = active(request, param.param, value.value);
      any_active = any_active || on;
      items.push_back({{"label", value.label.empty() ? value.value : value.label},
                       {"count", grouped(value.count)},
                       {"url", catalog_url(toggled(request, param.param, value.value))},
                       {"active", on}});
      if (on) {
        chosen.push_back({{"label", std::string(param.title) + ": " + (value.label.empty() ? value.value : value.label)},
                          {"url", catalog_url(toggled(request, param.param, value.value))}});
      }
    }
    if (items.empty()) continue;
    facets.push_back({{"title", param.title}, {"items", items}, {"open", any_active}, {"id", param.param}});
  }
  int64_t total = results.datasets.total;
  std::string total_text = total == 1 ? "1 conjunto de datos" : grouped(total) + " conjuntos de datos";
  nlohmann::json drafts = nlohmann::json::array();
  for (const auto& d : ctx.datasets.drafts(request.actor)) {
    drafts.push_back(dataset_card(d, d.institution_id ? ctx.datasets.publisher(*d.institution_id) : std::nullopt));
  }
  std::string sort = request.query("orden").value_or("");
  nlohmann::json sorts = nlohmann::json::array();
  for (const auto& [value, label] : std::vector<std::pair<std::string, std::string>>{
           {"", "Más pertinentes"}, {"recientes", "Actualizados recientemente"}, {"titulo", "Por título"}}) {
    sorts.push_back({{"value", value}, {"label", label}, {"selected", value == sort}});
  }
  nlohmann::json hidden = nlohmann::json::array();
  for (const auto& [key, value] : request.query_params().pairs()) {
    if (key != "q" && key != "orden" && key != "page" && !value.empty()) hidden.push_back({{"name", key}, {"value", value}});
  }
  return ctx.pages.render(request, "catalog/catalog",
                          {{"title", "Datos abiertos"},
                           {"q", query.text},
                           {"datasets", cards},
                           {"has_datasets", !cards.empty()},
                           {"total_text", total_text},
                           {"facets", facets},
                           {"chosen", chosen},
                           {"has_chosen", !chosen.empty()},
                           {"sorts", sorts},
                           {"hidden", hidden},
                           {"can_create", ctx.datasets.may_create(request.actor)},
                           {"drafts", drafts},
                           {"has_drafts", !drafts.empty()},
                           {"csv_url", "/datos.csv" + request.query_suffix()},
                           {"json_url", "/datos.json" + request.query_suffix()},
                           {"pagination", web::pagination_view(request, page, total)}});
}

nlohmann::json breadcrumbs(const Dataset* dataset) {
  nlohmann::json crumbs = nlohmann::json::array();
  crumbs.push_back({{"label", "Datos abiertos"}, {"url", "/datos"}});
  if (dataset) crumbs.push_back({{"label", dataset->title}, {"url", dataset_path(*dataset)}});
  return crumbs;
}

Response dataset_page(Context ctx, const Request& request, const std::string& slug, const Error* error = nullptr,
                      const std::string& failed_form = "") {
  Dataset dataset = ctx.datasets.find(request.actor, slug).take();
  auto publisher = dataset.institution_id ? ctx.datasets.publisher(*dataset.institution_id) : std::nullopt;
  auto place = ctx.datasets.jurisdiction(dataset.jurisdiction_id);
  License license = License::find_or_default(dataset.license_id);
  bool can_edit = ctx.datasets.may_edit(request.actor, dataset);
  nlohmann::json current = nlohmann::json::array();
  nlohmann::json earlier = nlohmann::json::array();
  auto editions = ctx.datasets.editions(dataset);
  for (const auto& r : ctx.datasets.all_resources(dataset)) {
    nlohmann::json view = resource_view(dataset, r);
    view["can_withdraw"] = can_edit;
    if (r.edition == dataset.edition) {
      current.push_back(view);
      continue;
    }
    // Earlier versions, newest first, each with its resources.
    if (earlier.empty() || earlier.back()["edition"] != r.edition) {
      nlohmann::json edition = {{"edition", r.edition}, {"resources", nlohmann::json::array()}};
      for (const auto& e : editions) {
        if (e.edition == r.edition) {
          edition["version_label"] = e.version_label;
          edition["published_at"] = e.published_at;
        }
      }
      earlier.push_back(edition);
    }
    earlier.back()["resources"].push_back(view);
  }
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : dataset.groups) groups.push_back({{"title", g.title}, {"url", catalog_url({{"grupo", g.slug}})}});
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& t : dataset.tags) tags.push_back({{"label", t}, {"url", catalog_url({{"etiqueta", t}})}});
  std::string notes;
  for (const auto& e : editions) {
    if (e.edition == dataset.edition) notes = e.notes;
  }
  nlohmann::json data = {
      {"title", dataset.title},
      {"dataset", dataset.to_json()},
      {"url", dataset_path(dataset)},
      {"description_html", markdown_to_safe_html(dataset.description)},
      {"publisher", publisher_view(publisher)},
      {"jurisdiction", place ? nlohmann::json{{"name", place->name}, {"url", "/jurisdicciones/" + place->slug}} : nlohmann::json()},
      {"license", web::license_json(license)},
      {"frequency_label", frequency_label_es(dataset.frequency)},
      {"temporal_text", date_range_es(dataset.temporal_start, dataset.temporal_end)},
      {"draft", !dataset.published()},
      {"status_label", dataset_status_label_es(dataset.status)},
      {"resources", current},
      {"has_resources", !current.empty()},
      {"earlier", earlier},
      {"has_earlier", !earlier.empty()},
      {"version_notes", notes},
      {"groups", groups},
      {"tags", tags},
      {"has_topics", !groups.empty() || !tags.empty()},
      {"citation", citation(dataset, publisher, ctx.public_url + dataset_path(dataset))},
      {"quality", quality_view(ctx.datasets.quality(dataset))},
      {"can_edit", can_edit},
      {"breadcrumbs", breadcrumbs(nullptr)},
  };
  // Each of the page's forms shows its own errors and values.
  for (const char* form : {"resource_form", "publish_form", "version_form", "withdraw_form"}) {
    data[form] = failed_form == form ? web::form_state(request, error) : web::form_state(request, nullptr);
    if (failed_form != form) data[form]["values"] = nlohmann::json::object();
  }
  unsigned status = error ? web::status_for(error->kind) : 200;
  return ctx.pages.render(request, "catalog/dataset", data, status);
}

Response resource_page(Context ctx, const Request& request, const std::string& slug, int64_t id) {
  auto [dataset, resource] = ctx.datasets.resource_in(request.actor, slug, id).take();
  nlohmann::json data = resource_view(dataset, resource);
  data["title"] = resource.name + " — " + dataset.title;
  data["dataset_title"] = dataset.title;
  data["dataset_url"] = dataset_path(dataset);
  data["license"] = web::license_json(License::find_or_default(dataset.license_id));
  data["breadcrumbs"] = breadcrumbs(&dataset);
  data["api_url"] = "/api/3/action/resource_show?id=" + std::to_string(resource.id);
  // Its table: the first rows and the columns when loaded, the report when not.
  if (auto table = ctx.datastore.table(request.actor, resource.id)) {
    std::string url = dataset_path(dataset) + "/recursos/" + std::to_string(resource.id);
    nlohmann::json summary = datastore_summary_view(*table, url);
    summary["may_edit"] = ctx.datasets.may_edit(request.actor, dataset);
    if (table->loaded()) {
      DatastoreQuery first;
      first.resource_id = resource.id;
      first.limit = 5;
      first.include_total = false;
      if (auto rows = ctx.datastore.search(request.actor, first)) summary["preview"] = rows_view(rows->fields, rows->rows);
    }
    data["datastore"] = summary;
  }
  return ctx.pages.render(request, "catalog/resource", data);
}

// The creation and edition form: the dataset's values (or what was sent), the choices, the errors.
Response form_page(Context ctx, const Request& request, const Dataset* dataset, const Error* error = nullptr) {
  nlohmann::json values = dataset ? dataset->to_json() : nlohmann::json::object();
  if (dataset) {
    std::string tags;
    for (const auto& t : dataset->tags) tags += (tags.empty() ? "" : ", ") + t;
    values["tags"] = tags;
    values["institution_id"] = dataset->institution_id ? std::to_string(*dataset->institution_id) : "";
  }
  nlohmann::json form = web::form_state(request, error);
  if (request.method == "POST") values = form["values"];
  std::string chosen_institution = values.value("institution_id", "");
  std::vector<std::string> chosen_groups;
  if (request.method == "POST") {
    for (const auto& [key, value] : request.form().pairs()) {
      if (key == "groups") chosen_groups.push_back(value);
    }
  } else if (dataset) {
    for (const auto& g : dataset->groups) chosen_groups.push_back(g.slug);
  }
  nlohmann::json places = nlohmann::json::array();
  for (const auto& [place, institutions] : ctx.datasets.publishing_choices(request.actor)) {
    if (dataset && place.id != dataset->jurisdiction_id) continue;
    nlohmann::json options = nlohmann::json::array();
    for (const auto& i : institutions) {
      options.push_back({{"value", std::to_string(i.id)},
                         {"label", i.name + (i.acronym.empty() ? "" : " (" + i.acronym + ")")},
                         {"selected", std::to_string(i.id) == chosen_institution}});
    }
    places.push_back({{"name", place.name}, {"slug", place.slug}, {"institutions", options},
                      {"selected", values.value("jurisdiction", "") == place.slug}});
  }
  nlohmann::json frequencies = nlohmann::json::array();
  std::string frequency = values.value("frequency", "irregular");
  for (Frequency f : all_frequencies()) {
    frequencies.push_back({{"value", frequency_name(f)}, {"label", frequency_label_es(f)}, {"selected", frequency_name(f) == frequency}});
  }
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : ctx.datasets.groups()) {
    bool checked = std::find(chosen_groups.begin(), chosen_groups.end(), g.slug) != chosen_groups.end();
    groups.push_back({{"slug", g.slug}, {"title", g.title}, {"checked", checked}});
  }
  form["values"] = values;
  nlohmann::json data = {
      {"title", dataset ? "Editar «" + dataset->title + "»" : "Publicar un conjunto de datos"},
      {"editing", dataset != nullptr},
      {"action", dataset ? dataset_path(*dataset) : "/datos"},
      {"form", form},
      {"places", places},
      {"several_places", places.size() > 1},
      {"may_omit_institution", request.actor.role != Role::official},
      {"licenses", web::license_options(values.value("license", ""))},
      {"frequencies", frequencies},
      {"groups", groups},
      {"breadcrumbs", breadcrumbs(dataset)},
  };
  return ctx.pages.render(request, "catalog/dataset_form", data, error ? web::status_for(error->kind) : 200);
}

DatasetInput form_input(const Request& request) {
  const auto& f = request.form();
  DatasetInput input{f.text("title"), f.text("slug"), f.text("description"), f.text("jurisdiction"),
                     f.text("institution_id"), f.text("license"), f.text("frequency"), f.text("temporal_start"),
                     f.text("temporal_end"), f.text("spatial"), f.text("contact_name"), f.text("contact_email"),
                     f.text("version_label"), f.text("tags"), {}};
  for (const auto& [key, value] : f.pairs()) {
    if (key == "groups") input.groups.push_back(value);
  }
  return input;
}

void require_sign_in(const Request& request) {
  if (!request.actor.signed_in()) throw DomainException(Error::unauthenticated(say(Msg::sign_in_to_publish)));
}

// A form's step: back to the dataset with a message, or the page again with the form's errors.
template <typename Action>
Response step(Context ctx, const Request& request, const std::string& slug, const char* form, Action action,
              const std::string& message) {
  require_sign_in(request);
  auto result = action();
  if (result.ok()) {
    Response response = Response::redirect("/datos/" + slug);
    web::set_flash(response, message);
    return response;
  }
  if (result.error().kind == ErrorKind::invalid || result.error().kind == ErrorKind::conflict) {
    return dataset_page(ctx, request, slug, &result.error(), form);
  }
  throw DomainException(result.error());
}

}  // namespace

void register_dataset_pages(web::Router& router, DatasetService& datasets, DatastoreService& datastore,
                            const web::Pages& pages, const std::string& public_url) {
  Context ctx{datasets, datastore, pages, public_url};
  router.get("/datos", [ctx](Request& request) { return catalog_page(ctx, request); });
  for (std::string format : {"csv", "json"}) {
    router.get("/datos." + format, [ctx, format](Request& request) {
      CatalogQuery query = query_of(request);
      auto results = ctx.datasets.search(query, {web::kMaxDownloadRows, 0}).take();
      auto publishers = publishers_of(ctx.datasets, results.datasets.items);
      // Each dataset has its own licence: the list of them is under the portal's.
      return web::download(datasets_table(results.datasets.items, publishers, ctx.public_url), "datos-abiertos", format);
    });
  }
  router.get("/datos/nuevo", [ctx](Request& request) {
    if (!request.actor.signed_in()) return Response::redirect("/entrar?next=%2Fdatos%2Fnuevo");
    if (!ctx.datasets.may_create(request.actor)) {
      throw DomainException(Error::forbidden(say(Msg::sign_in_to_publish)));
    }
    return form_page(ctx, request, nullptr);
  });
  router.post("/datos", [ctx](Request& request) {
    require_sign_in(request);
    auto result = ctx.datasets.create(request.actor, form_input(request));
    if (!result.ok()) {
      if (result.error().kind != ErrorKind::invalid && result.error().kind != ErrorKind::conflict) {
        throw DomainException(result.error());
      }
      return form_page(ctx, request, nullptr, &result.error());
    }
    Response response = Response::redirect(dataset_path(*result));
    web::set_flash(response, "Guardamos el borrador. Agrega sus recursos y publícalo cuando esté listo.");
    return response;
  });
  router.get("/datos/{slug}", [ctx](Request& request) { return dataset_page(ctx, request, request.param("slug")); });
  router.get("/datos/{slug}/editar", [ctx](Request& request) {
    require_sign_in(request);
    Dataset dataset = ctx.datasets.find(request.actor, request.param("slug")).take();
    if (!ctx.datasets.may_edit(request.actor, dataset)) throw DomainException(Error::forbidden(say(Msg::own_institution_only)));
    return form_page(ctx, request, &dataset);
  });
  router.post("/datos/{slug}", [ctx](Request& request) {
    require_sign_in(request);
    std::string slug = request.param("slug");
    auto version = whole_number(request.form().text("version"));
    auto result = ctx.datasets.update(request.actor, slug, form_input(request), version.value_or(0));
    if (!result.ok()) {
      if (result.error().kind != ErrorKind::invalid && result.error().kind != ErrorKind::conflict) {
        throw DomainException(result.error());
      }
      Dataset dataset = ctx.datasets.find(request.actor, slug).take();
      return form_page(ctx, request, &dataset, &result.error());
    }
    Response response = Response::redirect(dataset_path(*result));
    web::set_flash(response, "Guardamos los cambios de la ficha.");
    return response;
  });
  router.post("/datos/{slug}/publicacion", [ctx](Request& request) {
    std::string slug = request.param("slug");
    return step(ctx, request, slug, "publish_form", [&] { return ctx.datasets.publish(request.actor, slug); },
                "Publicamos el conjunto de datos: ya aparece en el catálogo y en la API.");
  });
  router.post("/datos/{slug}/versiones", [ctx](Request& request) {
    std::string slug = request.param("slug");
    const auto& f = request.form();
    return step(ctx, request, slug, "version_form",
                [&] { return ctx.datasets.new_version(request.actor, slug, f.text("version_label"), f.text("notes")); },
                "Abrimos la nueva versión. Los archivos de la anterior siguen disponibles.");
  });
  router.post("/datos/{slug}/recursos", [ctx](Request& request) {
    std::string slug = request.param("slug");
    const auto& f = request.form();
    ResourceInput input{f.text("name"), f.text("description"), f.text("format"), f.text("url"), "", std::nullopt};
    for (auto& [name, data] : request.files_named("file")) {
      input.file_name = name;
      input.data = std::move(data);
    }
    return step(ctx, request, slug, "resource_form", [&] { return ctx.datasets.add_resource(request.actor, slug, input); },
                "Agregamos el recurso.");
  });
  router.post("/datos/{slug}/recursos/{id}/retiro", [ctx](Request& request) {
    std::string slug = request.param("slug");
    int64_t id = web::id_param(request, "id", "el recurso");
    return step(ctx, request, slug, "withdraw_form", [&] { return ctx.datasets.withdraw_resource(request.actor, slug, id); },
                "Retiramos el recurso de la versión vigente.");
  });
  router.get("/datos/{slug}/recursos/{id}", [ctx](Request& request) {
    return resource_page(ctx, request, request.param("slug"), web::id_param(request, "id", "el recurso"));
  });
  router.get("/datos/{slug}/recursos/{id}/descarga", [ctx](Request& request) {
    int64_t id = web::id_param(request, "id", "el recurso");
    auto [dataset, resource] = ctx.datasets.resource_in(request.actor, request.param("slug"), id).take();
    if (!resource.is_file()) return Response::redirect(resource.url, 302);
    ResourceFile file = ctx.datasets.resource_file(request.actor, id).take();
    if (dataset.published()) ctx.datasets.count_download(id);
    Response response = Response::stored_file(file.media_type, file.file_name, std::move(file.data));
    response.set_header("Link", "<" + file.license.url + ">; rel=\"license\"");
    // Not stored by any cache, the portal's included, so each download is counted.
    response.set_header("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace apertura::catalog
