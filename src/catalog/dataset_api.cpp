// The catalog's JSON API, in the portal's envelopes (web/api.h).
#include "catalog/catalog_routes.h"
#include "catalog/dataset_views.h"
#include "web/api.h"

namespace apertura::catalog {

namespace {

using web::Request;
using web::Response;
using web::text_field;

// A list member given as an array of strings or as one comma-separated string.
std::vector<std::string> list_field(const nlohmann::json& body, const char* name) {
  std::vector<std::string> out;
  if (!body.contains(name) || body[name].is_null()) return out;
  if (body[name].is_array()) {
    for (const auto& item : body[name]) {
      if (!item.is_string()) throw DomainException(Error::invalid("Revisa los datos.", {{name, "usa una lista de textos"}}));
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  return {text_field(body, name)};
}

DatasetInput json_input(const nlohmann::json& body) {
  std::string tags;
  for (const auto& t : list_field(body, "tags")) tags += t + ",";
  std::string institution = body.contains("institution_id") && body["institution_id"].is_number_integer()
                                ? std::to_string(body["institution_id"].get<int64_t>())
                                : text_field(body, "institution_id");
  return {text_field(body, "title"),         text_field(body, "slug"),          text_field(body, "description"),
          text_field(body, "jurisdiction"),  institution,                       text_field(body, "license"),
          text_field(body, "frequency"),     text_field(body, "temporal_start"), text_field(body, "temporal_end"),
          text_field(body, "spatial"),       text_field(body, "contact_name"),  text_field(body, "contact_email"),
          text_field(body, "version_label"), tags,                              list_field(body, "groups")};
}

CatalogSort api_sort(const std::string& name) {
  if (name == "updated") return CatalogSort::updated_desc;
  if (name == "title") return CatalogSort::title_asc;
  if (name.empty() || name == "relevance") return CatalogSort::relevance;
  throw DomainException(Error::bad_request("El orden «" + name + "» no existe; usa relevance, updated o title."));
}

}  // namespace

void register_dataset_api(web::Router& router, DatasetService& datasets, const std::string& public_url) {
  auto item = [&datasets, public_url](const Dataset& d) {
    nlohmann::json data = dataset_api_item(d, d.institution_id ? datasets.publisher(*d.institution_id) : std::nullopt, public_url);
    data["quality"] = datasets.quality(d).to_json();
    return data;
  };
  router.get("/api/v1/datasets", [&datasets, item](Request& request) {
    auto page = web::PageRequest::from(request);
    CatalogQuery query;
    query.text = request.query("q").value_or("");
    query.publisher = request.query("institution").value_or("");
    query.jurisdiction = request.query("jurisdiction").value_or("");
    query.license = request.query("license").value_or("");
    for (const auto& [key, value] : request.query_params().pairs()) {
      if (value.empty()) continue;
      if (key == "group") query.groups.push_back(value);
      if (key == "tag") query.tags.push_back(value);
      if (key == "format") query.formats.push_back(value);
    }
    query.sort = api_sort(request.query("sort").value_or(""));
    auto results = datasets.search(query, {page.per_page, page.offset()}).take();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : results.datasets.items) items.push_back(item(d));
    return web::api_list(request, items, page, results.datasets.total);
  });
  router.post("/api/v1/datasets", [&datasets, item](Request& request) {
    auto body = web::read_json_object(request);
    return web::api_item(item(datasets.create(request.actor, json_input(body)).take()), 201);
  });
  router.get("/api/v1/datasets/{slug}", [&datasets, item](Request& request) {
    Dataset dataset = datasets.find(request.actor, request.param("slug")).take();
    nlohmann::json data = item(dataset);
    nlohmann::json editions = nlohmann::json::array();
    for (const auto& e : datasets.editions(dataset)) editions.push_back(e.to_json());
    data["editions"] = editions;
    nlohmann::json all = nlohmann::json::array();
    for (const auto& r : datasets.all_resources(dataset)) all.push_back(r.to_json());
    data["all_resources"] = all;
    return web::api_item(data);
  });
  router.add("PUT", "/api/v1/datasets/{slug}", [&datasets, item](Request& request) {
    auto body = web::read_json_object(request);
    if (!body.contains("version") || !body["version"].is_number_integer()) {
      throw DomainException(Error::invalid("Revisa los datos.", {{"version", "envía la versión que leíste (un número entero)"}}));
    }
    auto updated = datasets.update(request.actor, request.param("slug"), json_input(body), body["version"].get<int64_t>());
    return web::api_item(item(std::move(updated).take()));
  });
  router.post("/api/v1/datasets/{slug}/publication", [&datasets, item](Request& request) {
    return web::api_item(item(datasets.publish(request.actor, request.param("slug")).take()));
  });
  router.post("/api/v1/datasets/{slug}/versions", [&datasets, item](Request& request) {
    auto body = web::read_json_object(request);
    auto dataset = datasets.new_version(request.actor, request.param("slug"), text_field(body, "version_label"),
                                        text_field(body, "notes"));
    return web::api_item(item(std::move(dataset).take()), 201);
  });
  // A link as JSON ({"name", "url", "format"}), or a file as multipart/form-data (fields name, format, description and file).
  router.post("/api/v1/datasets/{slug}/resources", [&datasets](Request& request) {
    ResourceInput input;
    if (web::multipart_boundary(request.header("content-type"))) {
      const auto& f = request.form();
      input = {f.text("name"), f.text("description"), f.text("format"), f.text("url"), "", std::nullopt};
      for (auto& [name, data] : request.files_named("file")) {
        input.file_name = name;
        input.data = std::move(data);
      }
    } else {
      auto body = web::read_json_object(request);
      input = {text_field(body, "name"), text_field(body, "description"), text_field(body, "format"),
               text_field(body, "url"), "", std::nullopt};
    }
    return web::api_item(datasets.add_resource(request.actor, request.param("slug"), input).take().to_json(), 201);
  });
  router.add("DELETE", "/api/v1/datasets/{slug}/resources/{id}", [&datasets, item](Request& request) {
    auto dataset = datasets.withdraw_resource(request.actor, request.param("slug"), web::id_param(request, "id", "el recurso"));
    return web::api_item(item(std::move(dataset).take()));
  });
  router.get("/api/v1/dataset-groups", [&datasets](Request& request) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& g : datasets.groups()) items.push_back(g.to_json());
    return web::api_all(request, items);
  });
}

}  // namespace apertura::catalog
