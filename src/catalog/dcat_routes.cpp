// The catalog for harvesters: /catalog.ttl and /catalog.jsonld (DCAT, 100
// datasets a page), /dataset/<slug>.ttl and .jsonld, and /data.json.
#include "catalog/catalog_routes.h"
#include "catalog/dcat.h"
#include "catalog/messages.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::catalog {

namespace {

using web::Request;
using web::Response;

constexpr int64_t kCatalogPage = 100;

std::vector<Published> published(DatasetService& datasets, const std::vector<Dataset>& items) {
  std::vector<Published> out;
  for (const auto& d : items) out.push_back({d, d.institution_id ? datasets.publisher(*d.institution_id) : std::nullopt});
  return out;
}

Response document(std::string body, const std::string& type) {
  Response response{200, type, std::move(body), {}};
  response.set_header("Access-Control-Allow-Origin", "*");
  return response;
}

Response rdf(const RdfGraph& graph, bool turtle) {
  if (turtle) return document(graph.to_turtle(), "text/turtle; charset=utf-8");
  return document(graph.to_jsonld().dump(2), "application/ld+json; charset=utf-8");
}

}  // namespace

void register_dcat_routes(web::Router& router, DatasetService& datasets, const std::string& public_url) {
  for (bool turtle : {true, false}) {
    std::string name = turtle ? "/catalog.ttl" : "/catalog.jsonld";
    router.get(name, [&datasets, public_url, turtle, name](Request& request) {
      auto page = web::PageRequest::from(request, kCatalogPage, kCatalogPage);
      CatalogQuery query;
      query.sort = CatalogSort::created_asc;  // stable pages while datasets are added
      auto results = datasets.search(query, {page.per_page, page.offset()}).take();
      CatalogPage paging{page.page, page.per_page, results.datasets.total, public_url + name};
      return rdf(dcat_catalog(published(datasets, results.datasets.items), paging, public_url), turtle);
    });
  }
  router.get("/dataset/{file}", [&datasets, public_url](Request& request) {
    std::string file = request.param("file");
    size_t dot = file.rfind('.');
    std::string format = dot == std::string::npos ? "" : file.substr(dot + 1);
    if (format != "ttl" && format != "jsonld") {
      throw DomainException(Error::not_found(say(Msg::dataset_not_found, file)));
    }
    // Drafts are not in the catalog, whoever asks.
    Dataset dataset = datasets.find(Actor::anonymous(), file.substr(0, dot)).take();
    return rdf(dcat_dataset(published(datasets, {dataset}).front(), public_url), format == "ttl");
  });
  router.get("/data.json", [&datasets, public_url](Request&) {
    CatalogQuery query;
    query.sort = CatalogSort::created_asc;
    auto results = datasets.search(query, {web::kMaxDownloadRows, 0}).take();
    return document(project_open_data(published(datasets, results.datasets.items), public_url).dump(2),
                    "application/json; charset=utf-8");
  });
}

}  // namespace apertura::catalog
