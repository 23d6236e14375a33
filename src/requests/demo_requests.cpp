#include "requests/demo_requests.h"

#include <random>

#include "core/clock.h"
#include "core/date.h"
#include "requests/request_service.h"

namespace apertura::requests {

namespace {

// What people ask for, whatever the institution.
constexpr const char* kQuestions[] = {
    "Solicito el número de plazas ocupadas y vacantes en la institución al cierre del último trimestre, por unidad administrativa.",
    "Pido copia de los contratos de arrendamiento de inmuebles vigentes este año, con su monto mensual y el nombre del arrendador.",
    "Quiero conocer el gasto en publicidad oficial de este año, desglosado por medio de comunicación y por mes.",
    "Solicito la relación de vehículos oficiales asignados, con su marca, modelo, año y el área que los usa.",
    "Pido las actas de las sesiones del Comité de Transparencia celebradas este año.",
    "Solicito el programa anual de adquisiciones de este año y sus modificaciones.",
    "Quiero saber cuántas quejas ciudadanas se recibieron el año pasado, por tema, y cuántas se resolvieron.",
    "Pido los viáticos pagados a servidores públicos de mandos superiores en los últimos seis meses, con el destino y el motivo de cada viaje.",
    "Solicito el inventario de bienes muebles con valor mayor a 50 mil pesos, con su ubicación.",
    "Quiero conocer los indicadores de desempeño de los programas a cargo de la institución y su avance al último trimestre.",
    "Pido copia de las facturas pagadas por servicios de consultoría este año, con el nombre de cada empresa y el producto entregado.",
    "Solicito el padrón de beneficiarios de los apoyos entregados este año, por municipio, sin datos personales.",
};
constexpr int kDemoRequests = 60;
constexpr const char* kNames[] = {"Ana Ruiz", "Colectivo Vigila", "J. Pérez", "Observatorio Ciudadano", "Lucía M."};

}  // namespace

int64_t load_demo_requests(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                           const DemoRun& demo) {
  std::vector<jurisdictions::Institution> institutions;
  for (const auto& place : jurisdictions.list({}, {200, 0}).items) {
    for (const auto& institution : jurisdictions.institutions(place.id, {1000, 0}).items) institutions.push_back(institution);
  }
  if (institutions.empty()) return 0;
  std::string filed_at;
  RequestService service(database, jurisdictions, [&filed_at] { return filed_at; });
  if (service.search({}, {1, 0})->total > 0) return 0;

  std::mt19937_64 random(demo.seed);
  auto pick = [&random](size_t size) { return static_cast<size_t>(random() % size); };
  // Sixty requests, one to four a business day, on the business days up to
  // today; filed oldest first, so the folios' numbers follow the dates.
  BusinessCalendar calendar;
  std::vector<std::pair<std::string, int>> days;
  int planned = 0;
  for (std::string day = today_iso(); planned < kDemoRequests; day = add_days(day, -1)) {
    if (!calendar.is_business_day(day)) continue;
    int count = std::min(1 + static_cast<int>(pick(4)), kDemoRequests - planned);
    days.emplace_back(day, count);
    planned += count;
  }
  int64_t filed = 0;
  for (auto day = days.rbegin(); day != days.rend(); ++day) {
    for (int i = 0; i < day->second; ++i) {
      FilingInput input;
      input.institution_ids = {institutions[pick(institutions.size())].id};
      input.description = kQuestions[pick(std::size(kQuestions))];
      if (pick(3) == 0) {
        input.requester_name = kNames[pick(std::size(kNames))];
        input.show_name = true;
      }
      size_t channel = pick(10);
      input.channel = channel < 8 ? "web" : channel == 8 ? "in_person" : "phone";
      input.delivery = pick(6) == 0 ? "copies" : "electronic";
      // Office hours in Mexico City: 15:00 to 22:59 UTC.
      char time[32];
      std::snprintf(time, sizeof time, "T%02d:%02d:00Z", 15 + static_cast<int>(pick(8)), static_cast<int>(pick(60)));
      filed_at = day->first + time;
      Actor actor = input.channel == "web" ? Actor::anonymous() : demo.loader;
      if (service.file(actor, input).ok()) ++filed;
    }
  }
  return filed;
}

}  // namespace apertura::requests
