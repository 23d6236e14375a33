#include "catalog/dcat.h"

#include "catalog/dataset_views.h"
#include "catalog/messages.h"
#include "catalog/resource_format.h"
#include "core/license.h"

namespace apertura::catalog {

namespace {

const std::string kDcat = "http://www.w3.org/ns/dcat#";
const std::string kDct = "http://purl.org/dc/terms/";
const std::string kFoaf = "http://xmlns.com/foaf/0.1/";
const std::string kVcard = "http://www.w3.org/2006/vcard/ns#";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";
const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kOwl = "http://www.w3.org/2002/07/owl#";
const std::string kSpdx = "http://spdx.org/rdf/terms#";
const std::string kSkos = "http://www.w3.org/2004/02/skos/core#";
const std::string kHydra = "http://www.w3.org/ns/hydra/core#";
const std::string kType = kRdf + "type";

void prefixes(RdfGraph& graph) {
  graph.prefix("dcat", kDcat);
  graph.prefix("dct", kDct);
  graph.prefix("foaf", kFoaf);
  graph.prefix("vcard", kVcard);
  graph.prefix("xsd", kXsd);
  graph.prefix("rdf", kRdf);
  graph.prefix("owl", kOwl);
  graph.prefix("spdx", kSpdx);
  graph.prefix("skos", kSkos);
  graph.prefix("hydra", kHydra);
}

// The EU's frequency authority table, which DCAT-AP asks for.
std::string frequency_iri(Frequency frequency) {
  const std::string base = "http://publications.europa.eu/resource/authority/frequency/";
  switch (frequency) {
    case Frequency::continuous: return base + "CONT";
    case Frequency::daily: return base + "DAILY";
    case Frequency::weekly: return base + "WEEKLY";
    case Frequency::monthly: return base + "MONTHLY";
    case Frequency::quarterly: return base + "QUARTERLY";
    case Frequency::semiannual: return base + "ANNUAL_2";
    case Frequency::annual: return base + "ANNUAL";
    case Frequency::irregular: return base + "IRREG";
    case Frequency::never: return base + "NEVER";
  }
  return base + "UNKNOWN";
}

RdfTerm when(const std::string& timestamp) { return RdfTerm::typed(timestamp, kXsd + "dateTime"); }

void add_dataset(RdfGraph& graph, const Published& published, const std::string& public_url) {
  const Dataset& d = published.dataset;
  RdfTerm subject = RdfTerm::iri(public_url + dataset_path(d));
  License license = License::find_or_default(d.license_id);
  std::string blank = "d" + std::to_string(d.id);
  graph.add(subject, kType, RdfTerm::iri(kDcat + "Dataset"));
  graph.add(subject, kDct + "identifier", RdfTerm::text(d.slug));
  graph.add(subject, kDct + "title", RdfTerm::text(d.title, "es"));
  graph.add(subject, kDct + "description", RdfTerm::text(d.description, "es"));
  if (d.published_at) graph.add(subject, kDct + "issued", when(*d.published_at));
  graph.add(subject, kDct + "modified", when(d.updated_at));
  graph.add(subject, kDct + "language", RdfTerm::iri("http://publications.europa.eu/resource/authority/language/SPA"));
  graph.add(subject, kDct + "license", RdfTerm::iri(license.url));
  graph.add(subject, kDct + "accrualPeriodicity", RdfTerm::iri(frequency_iri(d.frequency)));
  graph.add(subject, kDcat + "landingPage", RdfTerm::iri(public_url + dataset_path(d)));
  graph.add(subject, kOwl + "versionInfo", RdfTerm::text(d.version_label));
  for (const auto& tag : d.tags) graph.add(subject, kDcat + "keyword", RdfTerm::text(tag, "es"));
  for (const auto& group : d.groups) graph.add(subject, kDcat + "theme", RdfTerm::iri(public_url + "/datos?grupo=" + group.slug));
  if (published.publisher) {
    RdfTerm publisher = RdfTerm::blank(blank + "publisher");
    graph.add(subject, kDct + "publisher", publisher);
    graph.add(publisher, kType, RdfTerm::iri(kFoaf + "Organization"));
    graph.add(publisher, kFoaf + "name", RdfTerm::text(published.publisher->title, "es"));
    graph.add(publisher, kSkos + "altLabel", RdfTerm::text(published.publisher->acronym));
    graph.add(publisher, kFoaf + "homepage", RdfTerm::iri(published.publisher->website));
  }
  if (!d.contact_name.empty() || !d.contact_email.empty()) {
    RdfTerm contact = RdfTerm::blank(blank + "contact");
    graph.add(subject, kDcat + "contactPoint", contact);
    graph.add(contact, kType, RdfTerm::iri(kVcard + "Organization"));
    graph.add(contact, kVcard + "fn", RdfTerm::text(d.contact_name.empty() ? d.contact_email : d.contact_name));
    if (!d.contact_email.empty()) graph.add(contact, kVcard + "hasEmail", RdfTerm::iri("mailto:" + d.contact_email));
  }
  if (!d.temporal_start.empty() || !d.temporal_end.empty()) {
    RdfTerm period = RdfTerm::blank(blank + "period");
    graph.add(subject, kDct + "temporal", period);
    graph.add(period, kType, RdfTerm::iri(kDct + "PeriodOfTime"));
    if (!d.temporal_start.empty()) graph.add(period, kDcat + "startDate", RdfTerm::typed(d.temporal_start, kXsd + "date"));
    if (!d.temporal_end.empty()) graph.add(period, kDcat + "endDate", RdfTerm::typed(d.temporal_end, kXsd + "date"));
  }
  if (!d.spatial.empty()) {
    RdfTerm place = RdfTerm::blank(blank + "place");
    graph.add(subject, kDct + "spatial", place);
    graph.add(place, kType, RdfTerm::iri(kDct + "Location"));
    graph.add(place, kSkos + "prefLabel", RdfTerm::text(d.spatial, "es"));
  }
  for (const auto& r : d.resources) {
    RdfTerm distribution = RdfTerm::iri(public_url + dataset_path(d) + "/recursos/" + std::to_string(r.id));
    graph.add(subject, kDcat + "distribution", distribution);
  }
  for (const auto& r : d.resources) {
    RdfTerm distribution = RdfTerm::iri(public_url + dataset_path(d) + "/recursos/" + std::to_string(r.id));
    std::string download = r.is_file() ? public_url + resource_download_path(d, r) : r.url;
    graph.add(distribution, kType, RdfTerm::iri(kDcat + "Distribution"));
    graph.add(distribution, kDct + "title", RdfTerm::text(r.name, "es"));
    graph.add(distribution, kDct + "description", RdfTerm::text(r.description, "es"));
    graph.add(distribution, kDcat + "accessURL", RdfTerm::iri(r.is_file() ? public_url + dataset_path(d) + "/recursos/" + std::to_string(r.id) : r.url));
    graph.add(distribution, kDcat + "downloadURL", RdfTerm::iri(download));
    graph.add(distribution, kDct + "format", RdfTerm::text(r.format));
    graph.add(distribution, kDcat + "mediaType", RdfTerm::iri("https://www.iana.org/assignments/media-types/" + r.media_type));
    graph.add(distribution, kDct + "license", RdfTerm::iri(license.url));
    graph.add(distribution, kDct + "modified", when(r.last_modified));
    if (r.size_bytes) graph.add(distribution, kDcat + "byteSize", RdfTerm::typed(std::to_string(*r.size_bytes), kXsd + "nonNegativeInteger"));
    if (r.is_file()) {
      RdfTerm checksum = RdfTerm::blank("r" + std::to_string(r.id) + "checksum");
      graph.add(distribution, kSpdx + "checksum", checksum);
      graph.add(checksum, kType, RdfTerm::iri(kSpdx + "Checksum"));
      graph.add(checksum, kSpdx + "algorithm", RdfTerm::iri(kSpdx + "checksumAlgorithm_sha256"));
      graph.add(checksum, kSpdx + "checksumValue", RdfTerm::typed(r.file_sha256, kXsd + "hexBinary"));
    }
  }
}

}  // namespace

RdfGraph dcat_catalog(const std::vector<Published>& datasets, const CatalogPage& page, const std::string& public_url) {
  RdfGraph graph;
  prefixes(graph);
  RdfTerm catalog = RdfTerm::iri(public_url + "/datos");
  graph.add(catalog, kType, RdfTerm::iri(kDcat + "Catalog"));
  graph.add(catalog, kDct + "title", RdfTerm::text(say(Msg::catalog_title), "es"));
  graph.add(catalog, kDct + "description", RdfTerm::text(say(Msg::catalog_description), "es"));
  graph.add(catalog, kFoaf + "homepage", RdfTerm::iri(public_url + "/"));
  graph.add(catalog, kDct + "language", RdfTerm::iri("http://publications.europa.eu/resource/authority/language/SPA"));
  graph.add(catalog, kDct + "license", RdfTerm::iri(License::cc_by_4().url));
  for (const auto& p : datasets) graph.add(catalog, kDcat + "dataset", RdfTerm::iri(public_url + dataset_path(p.dataset)));
  // Paged as ckanext-dcat pages its catalog, so its harvesters follow the pages.
  int64_t last = std::max<int64_t>(1, (page.total + page.per_page - 1) / page.per_page);
  RdfTerm collection = RdfTerm::iri(page.address + "?page=" + std::to_string(page.page));
  graph.add(collection, kType, RdfTerm::iri(kHydra + "PagedCollection"));
  graph.add(collection, kHydra + "totalItems", RdfTerm::typed(std::to_string(page.total), kXsd + "integer"));
  graph.add(collection, kHydra + "itemsPerPage", RdfTerm::typed(std::to_string(page.per_page), kXsd + "integer"));
  graph.add(collection, kHydra + "firstPage", RdfTerm::text(page.address + "?page=1"));
  graph.add(collection, kHydra + "lastPage", RdfTerm::text(page.address + "?page=" + std::to_string(last)));
  if (page.page > 1) graph.add(collection, kHydra + "previousPage", RdfTerm::text(page.address + "?page=" + std::to_string(page.page - 1)));
  if (page.page < last) graph.add(collection, kHydra + "nextPage", RdfTerm::text(page.address + "?page=" + std::to_string(page.page + 1)));
  for (const auto& p : datasets) add_dataset(graph, p, public_url);
  return graph;
}

RdfGraph dcat_dataset(const Published& dataset, const std::string& public_url) {
  RdfGraph graph;
  prefixes(graph);
  add_dataset(graph, dataset, public_url);
  return graph;
}

nlohmann::json project_open_data(const std::vector<Published>& datasets, const std::string& public_url) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : datasets) {
    const Dataset& d = p.dataset;
    License license = License::find_or_default(d.license_id);
    nlohmann::json keywords = nlohmann::json::array();
    for (const auto& tag : d.tags) keywords.push_back(tag);
    for (const auto& group : d.groups) keywords.push_back(group.title);
    if (keywords.empty()) keywords.push_back("datos abiertos");  // the schema asks for at least one
    nlohmann::json distributions = nlohmann::json::array();
    for (const auto& r : d.resources) {
      nlohmann::json item = {{"@type", "dcat:Distribution"}, {"title", r.name}, {"format", r.format}, {"mediaType", r.media_type}};
      if (!r.description.empty()) item["description"] = r.description;
      item[r.is_file() ? "downloadURL" : "accessURL"] = r.is_file() ? public_url + resource_download_path(d, r) : r.url;
      distributions.push_back(item);
    }
    nlohmann::json entry = {{"@type", "dcat:Dataset"},
                            {"identifier", public_url + dataset_path(d)},
                            {"title", d.title},
                            {"description", d.description.empty() ? d.title : d.description},
                            {"keyword", keywords},
                            {"modified", d.updated_at},
                            {"accessLevel", "public"},
                            {"license", license.url},
                            {"landingPage", public_url + dataset_path(d)},
                            {"language", {"es-MX"}},
                            {"accrualPeriodicity", frequency_iso8601(d.frequency)},
                            {"distribution", distributions},
                            {"publisher", {{"@type", "org:Organization"},
                                           {"name", p.publisher ? p.publisher->title : std::string("Apertura")}}}};
    if (d.published_at) entry["issued"] = *d.published_at;
    if (!d.spatial.empty()) entry["spatial"] = d.spatial;
    if (!d.temporal_start.empty() && !d.temporal_end.empty()) entry["temporal"] = d.temporal_start + "/" + d.temporal_end;
    if (!d.version_label.empty()) entry["version"] = d.version_label;
    if (!d.contact_name.empty() || !d.contact_email.empty()) {
      entry["contactPoint"] = {{"@type", "vcard:Contact"}, {"fn", d.contact_name.empty() ? d.contact_email : d.contact_name}};
      if (!d.contact_email.empty()) entry["contactPoint"]["hasEmail"] = "mailto:" + d.contact_email;
    }
    nlohmann::json themes = nlohmann::json::array();
    for (const auto& group : d.groups) themes.push_back(group.title);
    if (!themes.empty()) entry["theme"] = themes;
    list.push_back(entry);
  }
  return {{"@context", "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld"},
          {"@type", "dcat:Catalog"},
          {"conformsTo", "https://project-open-data.cio.gov/v1.1/schema"},
          {"describedBy", "https://project-open-data.cio.gov/v1.1/schema/catalog.json"},
          {"dataset", list}};
}

}  // namespace apertura::catalog
