// CKAN's Action API, version 3 (/api/3/action/<name>, also /api/action/<name>):
// the read actions harvesters and CKAN clients use, and package_create and
// resource_create for publishers with an API token. Parameters come in the
// query string (GET) or as a JSON object (POST); answers are CKAN's envelope,
// {"help", "success", "result"} or {"help", "success": false, "error":
// {"__type", "message", <field>: [messages]}}.
#include <functional>
#include <limits>
#include <map>

#include "catalog/catalog_routes.h"
#include "catalog/ckan_dicts.h"
#include "catalog/messages.h"
#include "core/number_text.h"
#include "core/text.h"
#include "web/multipart.h"

namespace apertura::catalog {

namespace {

using web::Request;
using web::Response;
using nlohmann::json;

// The CKAN version whose Action API this one answers like.
constexpr const char* kCkanVersion = "2.10.0";

Error search_error(const std::string& message) { return Error::invalid(message, {{"search", message}}); }

// An action's parameters, as CKAN reads them: strings from a query string,
// any JSON type from a body.
class Params {
 public:
  explicit Params(json values) : values_(std::move(values)) {}

  bool has(const char* name) const { return values_.contains(name) && !values_[name].is_null(); }
  std::string text(const char* name, const std::string& fallback = "") const {
    if (!has(name)) return fallback;
    const json& v = values_[name];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
    throw DomainException(Error::invalid("Revisa los parámetros.", {{name, "debe ser un texto"}}));
  }
  int64_t integer(const char* name, int64_t fallback, int64_t low, int64_t high) const {
    if (!has(name)) return fallback;
    const json& v = values_[name];
    std::optional<int64_t> number;
    if (v.is_number_integer()) number = v.get<int64_t>();
    if (v.is_string()) {
      number = whole_number(trim(v.get<std::string>()));
    }
    if (!number || *number < low || *number > high) {
      throw DomainException(Error::invalid("Revisa los parámetros.",
                                           {{name, "debe ser un número entero entre " + std::to_string(low) + " y " +
                                                       std::to_string(high)}}));
    }
    return *number;
  }
  bool flag(const char* name, bool fallback) const {
    if (!has(name)) return fallback;
    const json& v = values_[name];
    if (v.is_boolean()) return v.get<bool>();
    std::string t = to_lower_ascii(text(name));
    return t == "true" || t == "1" || t == "yes" || t == "on";
  }
  // A list given as a JSON array, or as a string holding one ('["a","b"]').
  std::vector<std::string> list(const char* name) const {
    if (!has(name)) return {};
    json v = values_[name];
    if (v.is_string()) {
      v = json::parse(v.get<std::string>(), nullptr, false);
      if (v.is_discarded()) throw DomainException(Error::invalid("Revisa los parámetros.", {{name, "debe ser una lista JSON"}}));
    }
    std::vector<std::string> out;
    if (!v.is_array()) throw DomainException(Error::invalid("Revisa los parámetros.", {{name, "debe ser una lista JSON"}}));
    for (const auto& item : v) {
      if (!item.is_string()) throw DomainException(Error::invalid("Revisa los parámetros.", {{name, "debe ser una lista de textos"}}));
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  const json& raw() const { return values_; }

 private:
  json values_;
};

struct Context {
  DatasetService& datasets;
  DatastoreService& datastore;
  std::string public_url;
};

using Action = std::function<json(Context&, const Params&, const Request&)>;

std::optional<Publisher> publisher_of(Context& ctx, const Dataset& d) {
  return d.institution_id ? ctx.datasets.publisher(*d.institution_id) : std::nullopt;
}

json package(Context& ctx, const Dataset& d) {
  json dict = ckan_package(d, publisher_of(ctx, d), ctx.public_url);
  if (!d.published()) {
    dict["state"] = "draft";
    dict["private"] = true;
  }
  return dict;
}

// fq's terms split at spaces outside quotes and brackets: `organization:x tags:"a b" metadata_modified:[d TO *]`.
std::vector<std::string> fq_terms(const std::string& fq) {
  std::vector<std::string> terms;
  std::string current;
  char closing = 0;
  for (char c : fq) {
    if (closing) {
      current.push_back(c);
      if (c == closing) closing = 0;
      continue;
    }
    if (c == '"') closing = '"';
    if (c == '[') closing = ']';
    if (c == ' ' || c == '\t') {
      if (!current.empty() && current != "AND" && current != "&&") terms.push_back(current);
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  if (!current.empty() && current != "AND" && current != "&&") terms.push_back(current);
  return terms;
}

std::string unquoted(std::string value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') return value.substr(1, value.size() - 2);
  return value;
}

// Applies one `field:value` filter term to the query.
void apply_filter(CatalogQuery& query, const std::string& term) {
  std::string t = term;
  if (!t.empty() && t[0] == '+') t.erase(0, 1);
  size_t colon = t.find(':');
  if (colon == std::string::npos || colon == 0) throw DomainException(search_error("No se entiende el filtro «" + term + "»."));
  std::string field = t.substr(0, colon);
  std::string value = unquoted(t.substr(colon + 1));
  if (field == "organization" || field == "owner_org") query.publisher = value;
  else if (field == "groups") query.groups.push_back(value);
  else if (field == "tags") query.tags.push_back(value);
  else if (field == "res_format") query.formats.push_back(value);
  else if (field == "license_id") query.license = value;
  else if ((field == "dataset_type" || field == "type") && value == "dataset") return;
  else if (field == "metadata_modified" && value.size() > 2 && value.front() == '[' && value.back() == ']') {
    auto parts = split(value.substr(1, value.size() - 2), ' ');
    if (parts.size() != 3 || parts[1] != "TO" || parts[2] != "*") {
      throw DomainException(search_error("metadata_modified admite solo [FECHA TO *]."));
    }
    std::string since = parts[0];
    if (since.size() >= 19) since = since.substr(0, 19) + "Z";
    query.updated_since = since;
  } else {
    throw DomainException(search_error("No se puede filtrar por «" + field +
                                       "»; usa organization, groups, tags, res_format, license_id o metadata_modified."));
  }
}

CatalogSort sort_of(const std::string& text) {
  std::string sort = to_lower_ascii(trim(text));
  static const std::map<std::string, CatalogSort> kSorts = {
      {"", CatalogSort::relevance},
      {"score desc, metadata_modified desc", CatalogSort::relevance},
      {"score desc", CatalogSort::relevance},
      {"relevance asc", CatalogSort::relevance},
      {"metadata_modified desc", CatalogSort::updated_desc},
      {"metadata_modified asc", CatalogSort::updated_asc},
      {"title_string asc", CatalogSort::title_asc},
      {"title_string desc", CatalogSort::title_desc},
      {"name asc", CatalogSort::name_asc},
      {"name desc", CatalogSort::name_desc},
      {"metadata_created desc", CatalogSort::created_desc},
      {"metadata_created asc", CatalogSort::created_asc},
      {"id asc", CatalogSort::created_asc},
  };
  auto found = kSorts.find(sort);
  if (found == kSorts.end()) throw DomainException(search_error("No se puede ordenar por «" + text + "»."));
  return found->second;
}

std::optional<Facet> facet_named(const std::string& name) {
  if (name == "organization") return Facet::institution;
  if (name == "groups") return Facet::group;
  if (name == "tags") return Facet::tag;
  if (name == "res_format") return Facet::format;
  if (name == "license_id") return Facet::license;
  return std::nullopt;
}

json package_search(Context& ctx, const Params& p, const Request&) {
  CatalogQuery query;
  std::string q = trim(p.text("q"));
  if (q == "*:*") q.clear();
  // Terms of the form field:value in q filter too, as Solr reads them.
  std::string words;
  for (const auto& term : fq_terms(q)) {
    if (term.find(':') != std::string::npos && term.find("://") == std::string::npos) apply_filter(query, term);
    else words += (words.empty() ? "" : " ") + term;
  }
  query.text = words;
  for (const auto& term : fq_terms(p.text("fq"))) apply_filter(query, term);
  for (const auto& fq : p.list("fq_list")) {
    for (const auto& term : fq_terms(fq)) apply_filter(query, term);
  }
  std::string sort_text = p.text("sort", "score desc, metadata_modified desc");
  query.sort = sort_of(sort_text);
  std::vector<std::string> facet_fields = p.list("facet.field");
  for (const auto& name : facet_fields) {
    auto facet = facet_named(name);
    if (!facet) throw DomainException(search_error("No hay facetas de «" + name + "»; usa organization, groups, tags, res_format o license_id."));
    query.facets.push_back(*facet);
  }
  query.facet_limit = p.integer("facet.limit", 50, -1, 1000);
  if (query.facet_limit < 0) query.facet_limit = 1000;
  int64_t mincount = p.integer("facet.mincount", 1, 0, 1000000);
  int64_t rows = p.integer("rows", 10, 0, 1000);
  int64_t start = p.integer("start", 0, 0, 100000000);
  auto results = ctx.datasets.search(query, {rows, start}).take();
  json packages = json::array();
  for (const auto& d : results.datasets.items) packages.push_back(package(ctx, d));
  json facets = json::object();
  json search_facets = json::object();
  for (size_t i = 0; i < results.facets.size(); ++i) {
    const std::string& name = facet_fields[i];
    json counts = json::object();
    json items = json::array();
    for (const auto& value : results.facets[i].second) {
      if (value.count < mincount) continue;
      counts[value.value] = value.count;
      items.push_back({{"name", value.value}, {"display_name", value.label.empty() ? value.value : value.label},
                       {"count", value.count}});
    }
    facets[name] = counts;
    search_facets[name] = {{"title", name}, {"items", items}};
  }
  return {{"count", results.datasets.total},
          {"sort", sort_text},
          {"facets", facets},
          {"search_facets", search_facets},
          {"results", packages}};
}

json organization_list(Context& ctx, const Params& p, const Request&) {
  auto publishers = ctx.datasets.publishers();
  std::vector<std::string> only = p.list("organizations");
  std::string sort = to_lower_ascii(trim(p.text("sort", "name asc")));
  if (sort == "package_count desc") {
    std::stable_sort(publishers.begin(), publishers.end(),
                     [](const Publisher& a, const Publisher& b) { return a.dataset_count > b.dataset_count; });
  } else if (sort == "title asc") {
    std::stable_sort(publishers.begin(), publishers.end(), [](const Publisher& a, const Publisher& b) { return a.title < b.title; });
  } else if (sort != "name asc" && sort != "name") {
    throw DomainException(search_error("No se puede ordenar por «" + sort + "»; usa name asc, title asc o package_count desc."));
  }
  bool all_fields = p.flag("all_fields", false);
  int64_t limit = p.integer("limit", 1000, 0, 1000);
  int64_t offset = p.integer("offset", 0, 0, 100000000);
  json out = json::array();
  int64_t index = 0;
  for (const auto& publisher : publishers) {
    if (!only.empty() && std::find(only.begin(), only.end(), publisher.name) == only.end()) continue;
    if (index++ < offset) continue;
    if (static_cast<int64_t>(out.size()) >= limit) break;
    out.push_back(all_fields ? ckan_organization(publisher) : json(publisher.name));
  }
  return out;
}

Publisher find_publisher(Context& ctx, const std::string& id) {
  if (auto number = whole_number(id)) {
    if (auto p = ctx.datasets.publisher(*number)) return *p;
  }
  return ctx.datasets.publisher_named(id).take();
}

// The datasets of an organization or group, for the *_show actions that include them.
json datasets_of(Context& ctx, CatalogQuery query) {
  query.sort = CatalogSort::updated_desc;
  auto results = ctx.datasets.search(query, {1000, 0}).take();
  json packages = json::array();
  for (const auto& d : results.datasets.items) packages.push_back(package(ctx, d));
  return packages;
}

json organization_show(Context& ctx, const Params& p, const Request&) {
  Publisher publisher = find_publisher(ctx, p.text("id"));
  CatalogQuery query;
  query.publisher = publisher.name;
  publisher.dataset_count = ctx.datasets.search(query, {1, 0}).take().datasets.total;
  json dict = ckan_organization(publisher);
  dict["users"] = json::array();
  dict["extras"] = json::array();
  dict["tags"] = json::array();
  dict["groups"] = json::array();
  if (p.flag("include_datasets", false)) dict["packages"] = datasets_of(ctx, query);
  return dict;
}

DatasetGroup find_group(Context& ctx, const std::string& id) {
  for (const auto& g : ctx.datasets.groups()) {
    if (g.slug == id || std::to_string(g.id) == id) return g;
  }
  throw DomainException(Error::not_found(say(Msg::group_not_found, id)));
}

json group_list(Context& ctx, const Params& p, const Request&) {
  bool all_fields = p.flag("all_fields", false);
  std::vector<std::string> only = p.list("groups");
  json out = json::array();
  for (const auto& g : ctx.datasets.groups()) {
    if (!only.empty() && std::find(only.begin(), only.end(), g.slug) == only.end()) continue;
    out.push_back(all_fields ? ckan_group(g) : json(g.slug));
  }
  return out;
}

json group_show(Context& ctx, const Params& p, const Request&) {
  DatasetGroup group = find_group(ctx, p.text("id"));
  json dict = ckan_group(group);
  dict["users"] = json::array();
  dict["extras"] = json::array();
  dict["tags"] = json::array();
  dict["groups"] = json::array();
  if (p.flag("include_datasets", false)) {
    CatalogQuery query;
    query.groups = {group.slug};
    dict["packages"] = datasets_of(ctx, query);
  }
  return dict;
}

json package_show(Context& ctx, const Params& p, const Request& request) {
  return package(ctx, ctx.datasets.find(request.actor, p.text("id")).take());
}

json resource_show(Context& ctx, const Params& p, const Request& request) {
  std::string id = p.text("id");
  auto number = whole_number(id);
  if (!number) throw DomainException(Error::not_found(say(Msg::resource_not_found, id)));
  Resource resource = ctx.datasets.resource(request.actor, *number).take();
  Dataset dataset = ctx.datasets.find(request.actor, std::to_string(resource.dataset_id)).take();
  return ckan_resource(dataset, resource, ctx.public_url);
}

// A CKAN package dict as the catalog's input: tags and groups as lists of {"name"}, extras for the rest.
DatasetInput package_input(const Params& p) {
  const json& body = p.raw();
  DatasetInput input;
  input.title = p.text("title");
  input.slug = p.text("name");
  input.description = p.text("notes");
  input.institution_id = p.text("owner_org");
  input.license = p.text("license_id");
  input.version_label = p.text("version");
  input.contact_name = p.text("maintainer");
  input.contact_email = p.text("maintainer_email");
  auto names = [&body](const char* key) {
    std::vector<std::string> out;
    if (body.contains(key) && body[key].is_array()) {
      for (const auto& item : body[key]) {
        if (item.is_object() && item.contains("name") && item["name"].is_string()) out.push_back(item["name"].get<std::string>());
        else if (item.is_string()) out.push_back(item.get<std::string>());
      }
    }
    return out;
  };
  for (const auto& tag : names("tags")) input.tags += tag + ",";
  input.groups = names("groups");
  if (body.contains("extras") && body["extras"].is_array()) {
    for (const auto& extra : body["extras"]) {
      if (!extra.is_object() || !extra.contains("key") || !extra["key"].is_string() || !extra.contains("value") ||
          !extra["value"].is_string()) {
        continue;
      }
      std::string key = extra["key"].get<std::string>();
      std::string value = extra["value"].get<std::string>();
      if (key == "frequency") input.frequency = value;
      if (key == "temporal_start") input.temporal_start = value;
      if (key == "temporal_end") input.temporal_end = value;
      if (key == "spatial_text") input.spatial = value;
      if (key == "jurisdiction") input.jurisdiction = value;
    }
  }
  return input;
}

json package_create(Context& ctx, const Params& p, const Request& request) {
  DatasetInput input = package_input(p);
  // owner_org may be the organization's name as well as its id.
  if (!input.institution_id.empty() && input.institution_id.find_first_not_of("0123456789") != std::string::npos) {
    input.institution_id = std::to_string(find_publisher(ctx, input.institution_id).institution_id);
  }
  std::vector<ResourceInput> resources;
  const json& body = p.raw();
  if (body.contains("resources") && body["resources"].is_array()) {
    for (const auto& r : body["resources"]) {
      if (!r.is_object()) continue;
      Params rp(r);
      resources.push_back({rp.text("name"), rp.text("description"), rp.text("format"), rp.text("url"), "", std::nullopt});
    }
  }
  bool publish = !resources.empty() && !p.flag("private", false);
  return package(ctx, ctx.datasets.create(request.actor, input, resources, publish).take());
}

json resource_create(Context& ctx, const Params& p, const Request& request) {
  Dataset dataset = ctx.datasets.find(request.actor, p.text("package_id")).take();
  ResourceInput input{p.text("name"), p.text("description"), p.text("format"), p.text("url"), "", std::nullopt};
  for (auto& [name, data] : request.files_named("upload")) {
    input.file_name = name;
    input.data = std::move(data);
    input.url.clear();  // CKAN clients send the file's name as url beside an upload
  }
  Resource resource = ctx.datasets.add_resource(request.actor, dataset.slug, input).take();
  return ckan_resource(dataset, resource, ctx.public_url);
}

// A datastore_search parameter that CKAN takes as a list or as text separated by commas.
std::vector<std::string> names_of(const Params& p, const char* name) {
  if (!p.has(name)) return {};
  const json& v = p.raw()[name];
  if (v.is_array()) return p.list(name);
  std::string text = p.text(name);
  if (!text.empty() && text[0] == '[') return p.list(name);
  std::vector<std::string> out;
  for (const auto& part : split(text, ',')) {
    if (!trim(part).empty()) out.emplace_back(trim(part));
  }
  return out;
}

json datastore_search(Context& ctx, const Params& p, const Request& request) {
  DatastoreQuery query;
  std::string id = p.text("resource_id", p.text("id"));
  auto resource_id = whole_number(trim(id));
  if (!resource_id) throw DomainException(Error::not_found(say(Msg::resource_not_found, id)));
  query.resource_id = *resource_id;
  if (p.has("q")) {
    if (!p.raw()["q"].is_string()) {
      throw DomainException(Error::invalid(say(Msg::datastore_search_invalid), {{"q", "debe ser un texto"}}));
    }
    query.text = p.text("q");
  }
  json filters;  // as given, or parsed from the query string's text; echoed in the answer
  if (p.has("filters")) {
    filters = p.raw()["filters"];
    if (filters.is_string()) filters = json::parse(filters.get<std::string>(), nullptr, false);
    if (!filters.is_object()) {
      throw DomainException(Error::invalid(say(Msg::datastore_search_invalid), {{"filters", "debe ser un objeto JSON"}}));
    }
    for (const auto& [field, value] : filters.items()) {
      std::vector<std::string> values;
      for (const auto& item : value.is_array() ? value : json::array({value})) {
        if (item.is_string()) values.push_back(item.get<std::string>());
        else if (item.is_boolean()) values.push_back(item.get<bool>() ? "true" : "false");
        else if (item.is_number_integer()) values.push_back(std::to_string(item.get<int64_t>()));
        else if (item.is_number()) values.push_back(item.dump());
        else throw DomainException(Error::invalid(say(Msg::datastore_search_invalid), {{"filters", "cada valor debe ser un texto, número o booleano"}}));
      }
      query.filters.emplace_back(field, std::move(values));
    }
  }
  query.fields = names_of(p, "fields");
  for (const auto& part : names_of(p, "sort")) query.sort += (query.sort.empty() ? "" : ", ") + part;
  query.limit = p.integer("limit", 100, 0, kMaxDatastoreRows);
  query.offset = p.integer("offset", 0, 0, std::numeric_limits<int32_t>::max());
  query.include_total = p.flag("include_total", true);
  std::string format = p.text("records_format", "objects");
  if (format != "objects" && format != "lists") {
    throw DomainException(Error::invalid(say(Msg::datastore_search_invalid), {{"records_format", "usa objects o lists"}}));
  }
  DatastoreResult found = ctx.datastore.search(request.actor, query).take();
  json fields = json::array({{{"id", "_id"}, {"type", "int"}}});
  for (const auto& field : found.fields) fields.push_back({{"id", field.name}, {"type", ckan_field_type(field.type)}});
  json records = json::array();
  for (size_t r = 0; r < found.rows.ids.size(); ++r) {
    const auto& values = found.rows.values[r];
    if (format == "lists") {
      json row = json::array({found.rows.ids[r]});
      for (size_t i = 0; i < values.size(); ++i) row.push_back(cell_json(found.fields[i], values[i]));
      records.push_back(std::move(row));
    } else {
      json row = {{"_id", found.rows.ids[r]}};
      for (size_t i = 0; i < values.size(); ++i) row[found.fields[i].name] = cell_json(found.fields[i], values[i]);
      records.push_back(std::move(row));
    }
  }
  std::string base = "/api/3/action/datastore_search?resource_id=" + std::to_string(query.resource_id);
  if (p.has("limit")) base += "&limit=" + std::to_string(query.limit);
  json result = {{"include_total", query.include_total},
                 {"total_estimation_threshold", nullptr},
                 {"total_was_estimated", false},
                 {"resource_id", std::to_string(query.resource_id)},
                 {"fields", fields},
                 {"records_format", format},
                 {"records", records},
                 {"limit", found.limit},
                 {"_links", {{"start", base}, {"next", base + "&offset=" + std::to_string(found.offset + found.limit)}}}};
  if (found.offset) result["offset"] = found.offset;
  if (found.rows.total) result["total"] = *found.rows.total;
  if (!query.text.empty()) result["q"] = query.text;
  if (!filters.is_null()) result["filters"] = filters;
  if (!query.sort.empty()) result["sort"] = query.sort;
  return result;
}

const std::map<std::string, std::pair<Action, const char*>>& actions() {
  static const std::map<std::string, std::pair<Action, const char*>> table = {
      {"status_show",
       {[](Context& ctx, const Params&, const Request&) -> json {
          return {{"ckan_version", kCkanVersion}, {"site_url", ctx.public_url}, {"site_title", "Apertura"},
                  {"site_description", "Datos abiertos de gobierno abierto local"}, {"locale_default", "es"},
                  {"error_emails_to", nullptr}, {"extensions", json::array({"apertura"})}};
        },
        "Versión de la API y datos del sitio."}},
      {"package_list",
       {[](Context& ctx, const Params& p, const Request&) -> json {
          return ctx.datasets.published_slugs({p.integer("limit", 100000, 0, 100000), p.integer("offset", 0, 0, 100000000)});
        },
        "Nombres de los conjuntos de datos publicados (limit, offset)."}},
      {"current_package_list_with_resources",
       {[](Context& ctx, const Params& p, const Request&) -> json {
          CatalogQuery query;
          query.sort = CatalogSort::updated_desc;
          auto results = ctx.datasets.search(query, {p.integer("limit", 1000, 1, 1000), p.integer("offset", 0, 0, 100000000)}).take();
          json out = json::array();
          for (const auto& d : results.datasets.items) out.push_back(package(ctx, d));
          return out;
        },
        "Conjuntos de datos con sus recursos, los modificados más recientemente primero (limit, offset)."}},
      {"package_show", {package_show, "Un conjunto de datos por nombre o id (id)."}},
      {"package_search",
       {package_search, "Busca conjuntos de datos (q, fq, fq_list, rows, start, sort, facet.field, facet.limit, facet.mincount)."}},
      {"resource_show", {resource_show, "Un recurso por id (id)."}},
      {"datastore_search",
       {datastore_search,
        "Filas de la tabla consultable de un recurso (resource_id, q, filters, fields, sort, limit, offset, "
        "include_total, records_format)."}},
      {"organization_list",
       {organization_list, "Instituciones que publican datos (all_fields, sort, limit, offset, organizations)."}},
      {"organization_show", {organization_show, "Una institución por nombre o id (id, include_datasets)."}},
      {"group_list", {group_list, "Grupos temáticos (all_fields, groups)."}},
      {"group_show", {group_show, "Un grupo temático por nombre o id (id, include_datasets)."}},
      {"tag_list",
       {[](Context& ctx, const Params& p, const Request&) -> json {
          json out = json::array();
          for (const auto& t : ctx.datasets.tags(p.text("query"), 1000)) {
            out.push_back(p.flag("all_fields", false) ? ckan_tag(t.value) : json(t.value));
          }
          return out;
        },
        "Etiquetas de los conjuntos publicados (query, all_fields)."}},
      {"license_list",
       {[](Context&, const Params&, const Request&) -> json {
          json out = json::array();
          for (const auto& license : License::offered()) out.push_back(ckan_license(license));
          return out;
        },
        "Licencias que el catálogo ofrece."}},
      {"package_create",
       {package_create,
        "Crea un conjunto de datos (name, title, notes, owner_org, license_id, tags, groups, extras, resources); con "
        "recursos y sin private, lo publica. Requiere un token de API."}},
      {"resource_create",
       {resource_create,
        "Agrega un recurso (package_id, name, format, description y url, o un archivo en upload). Requiere un token de API."}},
  };
  return table;
}

const char* error_type(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::not_found: return "Not Found Error";
    case ErrorKind::invalid:
    case ErrorKind::conflict: return "Validation Error";
    case ErrorKind::forbidden:
    case ErrorKind::unauthenticated: return "Authorization Error";
    default: return "Bad Request";
  }
}

unsigned error_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::not_found: return 404;
    case ErrorKind::invalid:
    case ErrorKind::conflict: return 409;
    case ErrorKind::forbidden:
    case ErrorKind::unauthenticated: return 403;
    case ErrorKind::too_many_requests: return 429;
    default: return 400;
  }
}

Response envelope(const std::string& help, json body, unsigned status) {
  body["help"] = help;
  Response response = Response::json(body, status);
  response.set_header("Access-Control-Allow-Origin", "*");
  return response;
}

Response call(Context ctx, Request& request) {
  std::string name = request.param("action");
  std::string help = ctx.public_url + "/api/3/action/help_show?name=" + web::url_encode(name);
  try {
    json values = json::object();
    if (request.method == "POST" && !web::multipart_boundary(request.header("content-type"))) {
      if (!trim(request.body).empty()) {
        values = json::parse(request.body, nullptr, false);
        if (values.is_discarded() || !values.is_object()) {
          throw DomainException(Error::bad_request("Bad request - JSON Error: el cuerpo no es un objeto JSON."));
        }
      }
    } else if (request.method == "POST") {
      for (const auto& [key, value] : request.form().pairs()) values[key] = value;
    } else {
      for (const auto& [key, value] : request.query_params().pairs()) values[key] = value;
    }
    if (name == "help_show") {
      std::string of = Params(values).text("name");
      auto found = actions().find(of);
      if (found == actions().end()) throw DomainException(Error::not_found("No existe la acción «" + of + "»."));
      return envelope(help, {{"success", true}, {"result", found->second.second}}, 200);
    }
    auto found = actions().find(name);
    if (found == actions().end()) {
      throw DomainException(Error::bad_request("Bad request - Action name not known: " + name));
    }
    Params params(values);
    json result = found->second.first(ctx, params, request);
    return envelope(help, {{"success", true}, {"result", result}}, 200);
  } catch (const DomainException& e) {
    json error = {{"__type", error_type(e.error.kind)}, {"message", e.error.message}};
    for (const auto& field : e.error.fields) error[field.field] = json::array({field.message});
    return envelope(help, {{"success", false}, {"error", error}}, error_status(e.error.kind));
  }
}

}  // namespace

void register_ckan_api(web::Router& router, DatasetService& datasets, DatastoreService& datastore,
                       const std::string& public_url) {
  Context ctx{datasets, datastore, public_url};
  for (const char* prefix : {"/api/3/action/{action}", "/api/action/{action}"}) {
    router.get(prefix, [ctx](Request& request) { return call(ctx, request); });
    router.post(prefix, [ctx](Request& request) { return call(ctx, request); });
  }
}

}  // namespace apertura::catalog
