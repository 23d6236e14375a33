// The datastore's pages: a resource's table to page, sort and search, its
// downloads as CSV and JSON, and the form its keepers correct the column
// types with.
#include "catalog/catalog_routes.h"
#include "catalog/datastore/datastore_views.h"
#include "catalog/dataset_views.h"
#include "catalog/messages.h"
#include "core/number_text.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::catalog {

namespace {

using nlohmann::json;
using web::Request;
using web::Response;

struct Context {
  DatasetService& datasets;
  DatastoreService& datastore;
  const web::Pages& pages;
};

struct Found {
  Dataset dataset;
  Resource resource;
  DatastoreTable table;
  std::string resource_url;
};

// The dataset, its resource and the resource's table, as this account may see them.
Found find(Context& ctx, const Request& request) {
  int64_t id = web::id_param(request, "id", "el recurso");
  auto [dataset, resource] = ctx.datasets.resource_in(request.actor, request.param("slug"), id).take();
  DatastoreTable table = ctx.datastore.table(request.actor, id).take();
  std::string url = dataset_path(dataset) + "/recursos/" + std::to_string(id);
  return {std::move(dataset), std::move(resource), std::move(table), std::move(url)};
}

// The pages above this one (the layout links each).
json breadcrumbs(const Found& found) {
  return json::array({{{"label", "Datos abiertos"}, {"url", "/datos"}},
                      {{"label", found.dataset.title}, {"url", dataset_path(found.dataset)}},
                      {{"label", found.resource.name}, {"url", found.resource_url}}});
}

Response table_page(Context ctx, const Request& request) {
  Found found = find(ctx, request);
  if (!found.table.loaded()) return Response::redirect(found.resource_url + "#tabla");
  web::PageRequest page = web::PageRequest::from(request, 25, 100);
  DatastoreQuery query;
  query.resource_id = found.resource.id;
  query.text = request.query("q").value_or("");
  std::string order = request.query("orden").value_or("");
  bool descending = request.query("dir").value_or("") == "desc";
  if (!order.empty()) query.sort = order + (descending ? " desc" : " asc");
  query.limit = page.per_page;
  query.offset = page.offset();
  DatastoreResult result = ctx.datastore.search(request.actor, query).take();
  json data = rows_view(result.fields, result.rows);
  // Each column's heading sorts by it; sorting by the same column again turns the order around.
  for (auto& column : data["columns"]) {
    std::string name = column["name"].get<std::string>();
    bool current = name == order;
    std::string next = current && !descending ? "desc" : "asc";
    column["sort_url"] = found.resource_url + "/tabla?orden=" + web::url_encode(name) + "&dir=" + next +
                         (query.text.empty() ? "" : "&q=" + web::url_encode(query.text));
    column["aria_sort"] = current ? (descending ? "descending" : "ascending") : "none";
    column["selected"] = current;
    if (current) column["arrow"] = descending ? "↓" : "↑";
  }
  int64_t total = result.rows.total.value_or(0);
  data["title"] = "Tabla de " + found.resource.name + " — " + found.dataset.title;
  data["resource_name"] = found.resource.name;
  data["resource_url"] = found.resource_url;
  data["dataset_title"] = found.dataset.title;
  data["dataset_url"] = dataset_path(found.dataset);
  data["q"] = query.text;
  data["descending"] = descending;
  data["total_text"] = counted(total, "fila", "filas");
  data["all_rows_text"] = counted(found.table.row_count, "fila", "filas");
  data["filtered"] = !query.text.empty();
  data["has_rows"] = !result.rows.ids.empty();
  data["pagination"] = web::pagination_view(request, page, total);
  data["summary"] = datastore_summary_view(found.table, found.resource_url);
  data["license"] = web::license_json(License::find_or_default(found.dataset.license_id));
  data["breadcrumbs"] = breadcrumbs(found);
  return ctx.pages.render(request, "catalog/datastore_table", data);
}

// The whole table (up to web::kMaxDownloadRows rows) in the file's column order.
Response table_download(Context ctx, const Request& request, const std::string& format) {
  Found found = find(ctx, request);
  if (!found.table.loaded()) throw DomainException(Error::not_found(say(Msg::datastore_none, found.resource.id)));
  DatastoreQuery query;
  query.resource_id = found.resource.id;
  query.limit = std::min<int64_t>(web::kMaxDownloadRows, kMaxDatastoreRows);
  query.include_total = false;
  // Past one search's rows, the rest follow in pages of the same size.
  web::Table table;
  const int64_t page = query.limit;
  for (int64_t offset = 0; offset < web::kMaxDownloadRows; offset += page) {
    query.offset = offset;
    query.limit = std::min(page, web::kMaxDownloadRows - offset);
    DatastoreResult result = ctx.datastore.search(request.actor, query).take();
    web::Table part = datastore_download_table(result.fields, result.rows);
    if (table.columns.empty()) table.columns = part.columns;
    for (auto& row : part.rows) table.rows.push_back(std::move(row));
    if (static_cast<int64_t>(result.rows.ids.size()) < query.limit) break;
  }
  std::string basename = found.dataset.slug + "-" + std::to_string(found.resource.id);
  return web::download(table, basename, format, License::find_or_default(found.dataset.license_id));
}

json type_options(const SchemaField& field) {
  json options = json::array();
  for (FieldType type : all_field_types()) {
    std::string value = field_type_name(type);
    options.push_back({{"value", value},
                       {"label", field_type_label_es(type) + (type == FieldType::date ? " (año-mes-día)" : "")},
                       {"selected", field.type == type && field.format.empty()}});
    if (type == FieldType::date) {
      options.push_back({{"value", value + ":" + std::string(kDayMonthYear)},
                         {"label", field_type_label_es(type) + " (día/mes/año)"},
                         {"selected", field.type == type && field.format == kDayMonthYear}});
    }
  }
  return options;
}

Response schema_page(Context ctx, const Request& request, const Error* error = nullptr) {
  Found found = find(ctx, request);
  if (!ctx.datasets.may_edit(request.actor, found.dataset)) {
    throw DomainException(Error::forbidden(say(Msg::own_institution_only)));
  }
  json fields = json::array();
  for (size_t i = 0; i < found.table.schema.fields.size(); ++i) {
    const SchemaField& field = found.table.schema.fields[i];
    fields.push_back({{"number", i + 1}, {"name", field.name}, {"options", type_options(field)}});
  }
  json data;
  data["title"] = "Tipos de las columnas de " + found.resource.name;
  data["resource_name"] = found.resource.name;
  data["resource_url"] = found.resource_url;
  data["fields"] = fields;
  data["version"] = found.table.version;
  data["summary"] = datastore_summary_view(found.table, found.resource_url);
  data["form"] = web::form_state(request, error);
  data["breadcrumbs"] = breadcrumbs(found);
  return ctx.pages.render(request, "catalog/datastore_schema", data, error ? (error->kind == ErrorKind::conflict ? 409 : 422) : 200);
}

Response save_schema(Context ctx, Request& request) {
  if (!request.actor.signed_in()) throw DomainException(Error::unauthenticated(say(Msg::sign_in_to_publish)));
  int64_t id = web::id_param(request, "id", "el recurso");
  std::string slug = request.param("slug");
  const auto& form = request.form();
  std::vector<std::pair<std::string, std::string>> types;
  for (int i = 1;; ++i) {
    auto chosen = form.get("type_" + std::to_string(i));
    if (!chosen) break;
    size_t colon = chosen->find(':');
    types.emplace_back(chosen->substr(0, colon), colon == std::string::npos ? "" : chosen->substr(colon + 1));
  }
  auto result = ctx.datastore.correct_schema(request.actor, slug, id, types, whole_number(form.text("version")).value_or(0));
  if (!result) {
    if (result.error().kind != ErrorKind::invalid && result.error().kind != ErrorKind::conflict) {
      throw DomainException(result.error());
    }
    return schema_page(ctx, request, &result.error());
  }
  Dataset dataset = ctx.datasets.find(request.actor, slug).take();
  Response response = Response::redirect(dataset_path(dataset) + "/recursos/" + std::to_string(id) + "#tabla");
  web::set_flash(response, result->loaded()
                               ? "Guardamos los tipos y cargamos la tabla: " + counted(result->row_count, "fila", "filas") + "."
                               : "Guardamos los tipos, pero el archivo tiene " +
                                     counted(result->report.error_count, "error", "errores") +
                                     " con ellos; por eso no se cargó como tabla. Abajo dice cuáles.");
  return response;
}

}  // namespace

void register_datastore_pages(web::Router& router, DatasetService& datasets, DatastoreService& datastore,
                              const web::Pages& pages) {
  Context ctx{datasets, datastore, pages};
  router.get("/datos/{slug}/recursos/{id}/tabla", [ctx](Request& request) { return table_page(ctx, request); });
  for (std::string format : {"csv", "json"}) {
    router.get("/datos/{slug}/recursos/{id}/tabla." + format,
               [ctx, format](Request& request) { return table_download(ctx, request, format); });
  }
  router.get("/datos/{slug}/recursos/{id}/esquema", [ctx](Request& request) {
    if (!request.actor.signed_in()) throw DomainException(Error::unauthenticated(say(Msg::sign_in_to_publish)));
    return schema_page(ctx, request);
  });
  router.post("/datos/{slug}/recursos/{id}/esquema", [ctx](Request& request) { return save_schema(ctx, request); });
}

}  // namespace apertura::catalog
