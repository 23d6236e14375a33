// DCAT and data.json: the catalog as harvesters read it, parsed back with
// serd (Debian's RDF parser) and compared across Turtle and JSON-LD.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/crypto.h"
#include "core/rdf.h"
#include "support/test_app.h"

namespace apertura {
namespace {

using nlohmann::json;

const std::string kDcat = "http://www.w3.org/ns/dcat#";
const std::string kDct = "http://purl.org/dc/terms/";
const std::string kType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

// A title that would break a careless writer: quotes, a backslash, a new line, accents.
const std::string kTitle = "Obras \"terminadas\" \\ 2026\nsegún la SIOP — 100 % «revisadas»";

std::vector<RdfTriple> parsed(const std::string& turtle) {
  auto triples = RdfGraph::parse_turtle(turtle, "http://example.org/");
  EXPECT_TRUE(triples.ok()) << (triples.ok() ? "" : triples.error().message) << "\n" << turtle;
  return triples.ok() ? *triples : std::vector<RdfTriple>{};
}

std::vector<RdfTriple> with(const std::vector<RdfTriple>& triples, const std::string& predicate) {
  std::vector<RdfTriple> out;
  std::copy_if(triples.begin(), triples.end(), std::back_inserter(out), [&](const RdfTriple& t) { return t.predicate == predicate; });
  return out;
}

// The JSON-LD our writer gives, read back into triples (its @context's prefixes expanded).
std::vector<RdfTriple> from_jsonld(const json& document) {
  auto expand = [&](const std::string& name) {
    size_t colon = name.find(':');
    if (colon != std::string::npos && document["@context"].contains(name.substr(0, colon))) {
      return document["@context"][name.substr(0, colon)].get<std::string>() + name.substr(colon + 1);
    }
    return name;
  };
  auto term = [&](const std::string& id) {
    return id.rfind("_:", 0) == 0 ? RdfTerm::blank(id.substr(2)) : RdfTerm::iri(id);
  };
  std::vector<RdfTriple> out;
  for (const auto& node : document["@graph"]) {
    RdfTerm subject = term(node["@id"]);
    for (const auto& [key, values] : node.items()) {
      if (key == "@id") continue;
      for (const auto& value : values) {
        if (key == "@type") {
          out.push_back({subject, kType, RdfTerm::iri(expand(value))});
        } else if (value.contains("@id")) {
          out.push_back({subject, expand(key), term(value["@id"])});
        } else {
          RdfTerm literal = RdfTerm::text(value["@value"], value.value("@language", ""));
          if (value.contains("@type")) literal.datatype = expand(value["@type"]);
          out.push_back({subject, expand(key), literal});
        }
      }
    }
  }
  return out;
}

class DcatTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    int64_t finance = app_->create_jalisco_finance();
    catalog::DatasetInput input;
    input.title = kTitle;
    input.slug = "obras-2026";
    input.description = "Cada obra **terminada**.";
    input.institution_id = std::to_string(finance);
    input.frequency = "monthly";
    input.temporal_start = "2026-01-01";
    input.temporal_end = "2026-12-31";
    input.spatial = "Jalisco";
    input.contact_name = "Dirección de Obra";
    input.contact_email = "obra@jalisco.gob.mx";
    input.tags = "obra pública, municipios";
    input.groups = {"movilidad-y-obra-publica"};
    app_->app().datasets().create(Actor::system(), input,
                                  {{"Obras", "", "", "", "obras.csv", std::string("obra,monto\nPuente,1000\n")},
                                   {"Mapa", "", "GEOJSON", "https://mapas.jalisco.gob.mx/obras.geojson", "", std::nullopt}},
                                  true).take();
    catalog::DatasetInput draft;
    draft.title = "Borrador";
    draft.institution_id = std::to_string(finance);
    app_->app().datasets().create(Actor::system(), draft).take();
  }
};

TEST_P(DcatTest, ADatasetInTurtleParsesBackAndSaysWhatThePageSays) {
  auto response = app_->client().get("/dataset/obras-2026.ttl");
  ASSERT_EQ(response.status, 200u);
  EXPECT_EQ(response.header("content-type").find("text/turtle"), 0u);
  auto triples = parsed(response.body);
  auto titles = with(triples, kDct + "title");
  ASSERT_FALSE(titles.empty());
  EXPECT_EQ(titles[0].object.value, kTitle);  // every character back, escaped and unescaped
  EXPECT_EQ(titles[0].object.language, "es");
  auto types = with(triples, kType);
  EXPECT_NE(std::find_if(types.begin(), types.end(), [](const RdfTriple& t) { return t.object.value == kDcat + "Dataset"; }),
            types.end());
  EXPECT_EQ(with(triples, kDcat + "distribution").size(), 2u);
  EXPECT_EQ(with(triples, kDcat + "keyword").size(), 2u);
  auto checksum = with(triples, "http://spdx.org/rdf/terms#checksumValue");
  ASSERT_EQ(checksum.size(), 1u);
  EXPECT_EQ(checksum[0].object.value, sha256_hex("obra,monto\nPuente,1000\n"));
  auto periodicity = with(triples, kDct + "accrualPeriodicity");
  ASSERT_EQ(periodicity.size(), 1u);
  EXPECT_EQ(periodicity[0].object.value, "http://publications.europa.eu/resource/authority/frequency/MONTHLY");
  auto start = with(triples, kDcat + "startDate");
  ASSERT_EQ(start.size(), 1u);
  EXPECT_EQ(start[0].object.datatype, "http://www.w3.org/2001/XMLSchema#date");
  auto downloads = with(triples, kDcat + "downloadURL");
  ASSERT_EQ(downloads.size(), 2u);
  std::string file = downloads[0].object.value.rfind("https://mapas", 0) == 0 ? downloads[1].object.value : downloads[0].object.value;
  EXPECT_EQ(app_->client().get(file.substr(file.find("/datos/"))).body, "obra,monto\nPuente,1000\n");

  // The JSON-LD says exactly the same triples.
  auto jsonld = app_->client().get("/dataset/obras-2026.jsonld");
  ASSERT_EQ(jsonld.status, 200u);
  auto from_json = from_jsonld(jsonld.json());
  auto sorted = [](std::vector<RdfTriple> list) {
    std::sort(list.begin(), list.end(), [](const RdfTriple& a, const RdfTriple& b) {
      return std::tie(a.subject.value, a.predicate, a.object.value, a.object.language, a.object.datatype) <
             std::tie(b.subject.value, b.predicate, b.object.value, b.object.language, b.object.datatype);
    });
    return list;
  };
  // The reader prefixes the Turtle's blank node labels with "n".
  for (auto& t : triples) {
    for (RdfTerm* term : {&t.subject, &t.object}) {
      if (term->kind == RdfTerm::Kind::blank) term->value.erase(0, 1);
    }
  }
  EXPECT_EQ(sorted(from_json), sorted(triples));
  EXPECT_EQ(app_->client().get("/dataset/no-existe.ttl").status, 404u);
  EXPECT_EQ(app_->client().get("/dataset/obras-2026.rdf").status, 404u);
  EXPECT_EQ(app_->client().get("/dataset/borrador.ttl").status, 404u);
}

TEST_P(DcatTest, TheCatalogListsThePublishedDatasetsAndDataJsonHasWhatHarvestersRequire) {
  auto triples = parsed(app_->client().get("/catalog.ttl").body);
  EXPECT_EQ(with(triples, kDcat + "dataset").size(), 1u);  // not the draft
  auto total = with(triples, "http://www.w3.org/ns/hydra/core#totalItems");
  ASSERT_EQ(total.size(), 1u);
  EXPECT_EQ(total[0].object.value, "1");
  auto from_json = from_jsonld(app_->client().get("/catalog.jsonld").json());
  EXPECT_EQ(with(from_json, kDcat + "dataset").size(), 1u);
  EXPECT_EQ(from_json.size(), triples.size());
  EXPECT_EQ(app_->client().get("/catalog.ttl?page=0").status, 400u);

  json data = app_->client().get("/data.json").json();
  EXPECT_EQ(data["conformsTo"], "https://project-open-data.cio.gov/v1.1/schema");
  ASSERT_EQ(data["dataset"].size(), 1u);
  const json& d = data["dataset"][0];
  for (const char* required : {"title", "description", "keyword", "modified", "publisher", "contactPoint", "identifier", "accessLevel"}) {
    EXPECT_TRUE(d.contains(required)) << required;
  }
  EXPECT_EQ(d["contactPoint"]["hasEmail"], "mailto:obra@jalisco.gob.mx");
  EXPECT_EQ(d["temporal"], "2026-01-01/2026-12-31");
  EXPECT_EQ(d["accrualPeriodicity"], "R/P1M");
  EXPECT_EQ(d["distribution"].size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, DcatTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
