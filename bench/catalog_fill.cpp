// Fills a database (already migrated, with the demo's jurisdictions,
// institutions and topic groups) with COUNT synthetic published datasets,
// for bench/catalog.sh:
//   apertura_catalog_fill DATABASE_URL COUNT [SEED]
// Each dataset has a title, a description, two to four tags, one or two
// groups, one resource (CSV, XLSX, JSON or PDF) and its search document, as
// DatasetService keeps them; rows go through the catalog's repository in
// transactions of 1,000 datasets (the service's audit entries are not what the
// benchmark measures).
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "catalog/dataset_repository.h"
#include "core/clock.h"
#include "store/database.h"
#include "store/search_index.h"

namespace {

using namespace apertura;

constexpr const char* kSubjects[] = {
    "Presupuesto de egresos", "Contratos de obra pública", "Padrón de beneficiarios", "Calidad del agua",
    "Incidencia delictiva", "Matrícula escolar", "Unidades médicas", "Licencias de construcción",
    "Multas de tránsito", "Nómina de personal", "Deuda pública", "Recolección de residuos",
    "Transporte público", "Becas otorgadas", "Solicitudes de información", "Inventario de bienes",
    "Viáticos pagados", "Programas sociales", "Permisos ambientales", "Mercados municipales"};
constexpr const char* kPlaces[] = {"del estado", "municipal", "de la zona metropolitana", "por región",
                                   "por municipio", "por colonia"};
constexpr const char* kTags[] = {"presupuesto", "obra pública", "salud", "educación", "seguridad", "agua",
                                 "movilidad", "medio ambiente", "transparencia", "programas sociales",
                                 "deuda", "nómina", "contratos", "residuos", "becas", "licencias"};
constexpr const char* kFormats[] = {"CSV", "CSV", "XLSX", "JSON", "PDF"};
constexpr const char* kLicenses[] = {"CC-BY-4.0", "CC-BY-4.0", "Libre-Uso-MX"};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: apertura_catalog_fill DATABASE_URL COUNT [SEED]\n");
    return 2;
  }
  int64_t count = std::stoll(argv[2]);
  std::mt19937_64 random(argc > 3 ? std::stoull(argv[3]) : 23);
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  auto database = store::open_database(argv[1], 2);
  auto c = database->connect();
  struct Institution {
    int64_t id, jurisdiction_id;
    std::string name;
  };
  std::vector<Institution> institutions;
  for (const auto& row : c->query("SELECT id, jurisdiction_id, name FROM institutions ORDER BY id")) {
    institutions.push_back({row.integer("id"), row.integer("jurisdiction_id"), row.text("name")});
  }
  std::vector<int64_t> groups;
  for (const auto& group : catalog::DatasetRepository::groups(*c)) groups.push_back(group.id);
  if (institutions.empty() || groups.empty()) {
    std::fprintf(stderr, "load the demo first (apertura demo)\n");
    return 1;
  }
  auto started = std::chrono::steady_clock::now();
  std::string now = now_timestamp();
  for (int64_t done = 0; done < count;) {
    store::Transaction transaction(*c);
    for (int64_t i = 0; i < 1000 && done < count; ++i, ++done) {
      const Institution& institution = institutions[pick(institutions.size())];
      catalog::Dataset d;
      std::string subject = kSubjects[pick(std::size(kSubjects))];
      d.title = subject + " " + kPlaces[pick(std::size(kPlaces))] + " " + std::to_string(2015 + pick(12)) + " (" +
                std::to_string(done + 1) + ")";
      d.slug = "conjunto-" + std::to_string(done + 1);
      d.description = subject + " publicado por " + institution.name + ", con su diccionario de datos.";
      d.jurisdiction_id = institution.jurisdiction_id;
      d.institution_id = institution.id;
      d.license_id = kLicenses[pick(std::size(kLicenses))];
      d.frequency = static_cast<catalog::Frequency>(pick(9));
      d.created_at = d.updated_at = now;
      d.id = catalog::DatasetRepository::insert(*c, d);
      std::vector<std::string> tags;
      for (size_t t = 0, n = 2 + pick(3); t < n; ++t) tags.push_back(kTags[pick(std::size(kTags))]);
      std::sort(tags.begin(), tags.end());
      tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
      catalog::DatasetRepository::set_tags(*c, d.id, tags);
      std::vector<int64_t> chosen{groups[pick(groups.size())]};
      if (pick(2) && chosen[0] != groups[0]) chosen.push_back(groups[0]);
      catalog::DatasetRepository::set_groups(*c, d.id, chosen);
      catalog::Resource r;
      r.dataset_id = d.id;
      r.position = 1;
      r.name = subject;
      r.format = kFormats[pick(std::size(kFormats))];
      r.url = "https://datos.ejemplo.gob.mx/" + d.slug + "." + r.format;
      r.last_modified = r.created_at = now;
      catalog::DatasetRepository::insert_resource(*c, r);
      catalog::DatasetRepository::publish(*c, d.id, 1, now);
      catalog::DatasetRepository::add_edition(*c, d.id, {1, "", "", now});
      std::string body = d.description;
      for (const auto& tag : tags) body += " " + tag;
      store::SearchIndex::upsert(*c, {"dataset", d.id, d.jurisdiction_id, d.title, body + " " + institution.name});
    }
    transaction.commit();
  }
  // What autovacuum does soon after such a load: statistics for the planner.
  if (c->dialect() == store::Dialect::postgresql) c->execute("ANALYZE");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%lld datasets in %.1f s\n", static_cast<long long>(count), seconds);
  return 0;
}
