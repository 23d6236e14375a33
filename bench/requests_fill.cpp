// Fills a database (already migrated, with the demo's jurisdictions and
// institutions) with synthetic information requests and their answers, for
// bench/requests.sh:
//   apertura_requests_fill DATABASE_URL COUNT [SEED]
// Rows go straight to the tables in batches (the service's per-request work
// is not what the benchmark measures): each request with its "filed" and
// "answered" events and its search document, as the service would index it.
// Dates are spread over the business days of 2025-04-01..2026-11-30; terms are
// approximate (20 business days as 28 calendar days), which is enough for
// the queries measured: full-text search and a year's statistics per state.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/business_calendar.h"
#include "core/date.h"
#include "core/text.h"
#include "store/database.h"

namespace {

using namespace apertura;

// What people ask for: a verb, an object and a qualifier, in many combinations,
// so that words range from common ("solicito") to rare (a program's name).
constexpr const char* kVerbs[] = {"Solicito", "Pido", "Quiero conocer", "Requiero", "Solicito copia de"};
constexpr const char* kObjects[] = {
    "los contratos de arrendamiento de inmuebles", "el gasto en publicidad oficial", "la relación de vehículos oficiales",
    "las actas del Comité de Transparencia", "el programa anual de adquisiciones", "las quejas ciudadanas recibidas",
    "los viáticos pagados a mandos superiores", "el inventario de bienes muebles", "los indicadores de desempeño",
    "las facturas por servicios de consultoría", "el padrón de beneficiarios de apoyos", "la nómina de personal eventual",
    "los convenios con municipios", "las auditorías practicadas", "el presupuesto de obra pública",
    "los permisos de construcción otorgados", "las licitaciones de medicamentos", "el mantenimiento de escuelas",
    "los gastos de telefonía celular", "la plantilla de policías", "las multas de tránsito cobradas",
    "el consumo de combustible", "las concesiones de transporte", "los estudios de impacto ambiental",
    "las becas otorgadas", "la deuda pública contratada", "los fideicomisos vigentes", "las donaciones recibidas",
    "los laudos laborales pagados", "el servicio de recolección de basura"};
constexpr const char* kQualifiers[] = {
    "del último trimestre", "de este año", "de los últimos tres años", "por unidad administrativa", "por municipio",
    "con su monto y proveedor", "en formato abierto", "desglosado por mes", "con el nombre de cada responsable",
    "de la zona metropolitana", "del programa de agua potable", "del hospital regional", "de la región norte",
    "del periodo 2019 a 2024", "con las facturas correspondientes"};
constexpr const char* kOutcomes[] = {"delivered", "delivered", "delivered", "partial", "already_public", "inexistent",
                                     "classified"};
constexpr const char* kAnswers[] = {
    "Se entrega la información solicitada en el archivo adjunto, en formato abierto.",
    "Se entrega la relación solicitada con los datos de cada registro al cierre del periodo.",
    "La información es pública en el portal de obligaciones de transparencia.",
    "Tras buscar en las áreas competentes no se encontró; el Comité confirmó su inexistencia."};

struct Institution {
  int64_t id, jurisdiction_id;
  std::string acronym, name;
};

std::string placeholders(size_t columns, size_t rows) {
  std::string one = "(";
  for (size_t i = 0; i < columns; ++i) one += i ? ", ?" : "?";
  one += ")";
  std::string all;
  for (size_t i = 0; i < rows; ++i) all += (i ? ", " : "") + one;
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: apertura_requests_fill DATABASE_URL COUNT [SEED]\n");
    return 2;
  }
  const int64_t count = std::stoll(argv[2]);
  std::mt19937_64 random(argc > 3 ? std::stoull(argv[3]) : 2026);
  auto pick = [&random](size_t n) { return static_cast<size_t>(random() % n); };
  auto database = store::open_database(argv[1], 2);
  auto c = database->connect();
  std::vector<Institution> institutions;
  for (const auto& row : c->query("SELECT id, jurisdiction_id, acronym, name FROM institutions ORDER BY id")) {
    institutions.push_back({row.integer("id"), row.integer("jurisdiction_id"), row.text("acronym"), row.text("name")});
  }
  auto regime = c->query_one("SELECT id FROM request_regimes WHERE code = 'lgtaip-2025'");
  if (institutions.empty() || !regime) {
    std::fprintf(stderr, "run `apertura demo` on the database first\n");
    return 1;
  }
  const int64_t regime_id = regime->integer("id");
  auto first_id = c->query_one("SELECT COALESCE(MAX(id), 0) AS n FROM information_requests");
  int64_t next_id = first_id->integer("n") + 1;
  bool sqlite = c->dialect() == store::Dialect::sqlite;
  BusinessCalendar calendar;  // weekends and the federal rest days
  std::vector<std::string> days;  // business days of the span
  for (std::string day = "2025-04-01"; day <= "2026-11-30"; day = add_days(day, 1)) {
    if (calendar.is_business_day(day)) days.push_back(day);
  }

  auto started = std::chrono::steady_clock::now();
  constexpr size_t kBatch = 400;
  for (int64_t done = 0; done < count;) {
    size_t n = static_cast<size_t>(std::min<int64_t>(kBatch, count - done));
    store::Params requests, events, documents, fts;
    for (size_t i = 0; i < n; ++i, ++done) {
      const Institution& institution = institutions[pick(institutions.size())];
      int64_t id = next_id++;
      std::string received = days[pick(days.size())];
      std::string description = std::string(kVerbs[pick(std::size(kVerbs))]) + " " + kObjects[pick(std::size(kObjects))] +
                                " " + kQualifiers[pick(std::size(kQualifiers))] + ".";
      size_t fate = pick(100);
      std::string status = fate < 85 ? "answered" : fate < 90 ? "not_competent" : "received";
      std::string due = add_days(received, 28);
      std::string answered = status == "received" ? "" : add_days(received, 1 + static_cast<int>(pick(34)));
      bool late = !answered.empty() && answered > due;
      std::string outcome = status == "answered" ? kOutcomes[pick(std::size(kOutcomes))] : "";
      std::string at = received + "T17:00:00Z";
      char folio[64];
      std::snprintf(folio, sizeof folio, "%s-%s-B%07lld", received.substr(0, 4).c_str(),
                    institution.acronym.empty() ? "I" : institution.acronym.c_str(), static_cast<long long>(id));
      for (store::Value value : std::initializer_list<store::Value>{
               id, std::string(folio), institution.jurisdiction_id, institution.id, regime_id, description, "electronic",
               "portal", "web", at, received, status, received, due, outcome, answered, late ? 1 : 0, at, at}) {
        requests.push_back(std::move(value));
      }
      for (store::Value value : std::initializer_list<store::Value>{id, "filed", at, "Portal", "Solicitud recibida.", due}) {
        events.push_back(std::move(value));
      }
      if (!answered.empty()) {
        for (store::Value value : std::initializer_list<store::Value>{
                 id, "answered", answered + "T18:00:00Z", institution.name,
                 std::string(kAnswers[pick(std::size(kAnswers))]), due}) {
          events.push_back(std::move(value));
        }
      }
      std::string title = fold_for_search(institution.name);
      std::string body = fold_for_search(description + "\n");
      for (store::Value value : std::initializer_list<store::Value>{"information_request", id, institution.jurisdiction_id, title, body}) {
        documents.push_back(std::move(value));
      }
    }
    store::Transaction transaction(*c);
    c->execute("INSERT INTO information_requests (id, folio, jurisdiction_id, institution_id, regime_id, description, "
               "delivery, notify_by, channel, filed_at, received_on, status, term_start_on, response_due_on, outcome, "
               "answered_on, answered_late, created_at, updated_at) VALUES " + placeholders(19, n),
               requests);
    c->execute("INSERT INTO request_events (request_id, kind, at, actor_name, note, due_on) VALUES " +
                   placeholders(6, events.size() / 6),
               events);
    auto ids = c->query("INSERT INTO search_documents (kind, ref_id, jurisdiction_id, title, body) VALUES " +
                            placeholders(5, n) + " RETURNING id, title, body",
                        documents);
    if (sqlite) {
      for (const auto& row : ids) {
        fts.push_back(row.integer("id"));
        fts.push_back(row.text("title"));
        fts.push_back(row.text("body"));
      }
      c->execute("INSERT INTO search_fts (rowid, title, body) VALUES " + placeholders(3, ids.size()), fts);
    }
    transaction.commit();
    if (done % 100000 == 0 || done == count) {
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "%lld requests in %.0f s\n", static_cast<long long>(done), seconds);
    }
  }
  if (!sqlite) {
    // PostgreSQL chose its plans when the tables were small.
    c->execute("ANALYZE information_requests");
    c->execute("ANALYZE request_events");
    c->execute("ANALYZE search_documents");
  }
  return 0;
}
