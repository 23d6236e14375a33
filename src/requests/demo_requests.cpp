#include "requests/demo_requests.h"

#include <algorithm>
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
// The topic of each question, in the archive.
constexpr const char* kQuestionTopics[] = {"personal",      "contrataciones", "gasto",     "bienes",
                                           "transparencia", "contrataciones", "atencion",  "gasto",
                                           "bienes",        "desempeno",      "contrataciones", "programas"};
static_assert(std::size(kQuestionTopics) == std::size(kQuestions));
constexpr int kDemoRequests = 300;
constexpr const char* kNames[] = {"Ana Ruiz", "Colectivo Vigila", "J. Pérez", "Observatorio Ciudadano", "Lucía M."};

// What a unit answers, by outcome.
struct Answer {
  const char* outcome;
  const char* text;
  const char* reference;  // the committee's resolution, when the law asks for one
};
constexpr Answer kAnswers[] = {
    {"delivered", "Se entrega la información solicitada en el archivo adjunto, en formato abierto.", ""},
    {"delivered", "Se entrega la relación solicitada, con los datos de cada registro al cierre del periodo.", ""},
    {"delivered", "Se adjunta la versión pública de los documentos solicitados.", ""},
    {"partial", "Se entrega la información de las áreas que la generan; la de ejercicios anteriores a 2020 está en el archivo de concentración y se pone a consulta directa.", ""},
    {"already_public", "La información es pública en el portal de obligaciones de transparencia, fracción correspondiente, donde puede consultarse y descargarse.", ""},
    {"inexistent", "Tras buscar en las áreas competentes no se encontró la información; el Comité de Transparencia confirmó su inexistencia.", "CT-INEX"},
    {"classified", "Parte de la información es reservada por afectar investigaciones en curso; se entrega la versión pública y la resolución del Comité.", "CT-RES"},
};

// One thing that happens to the demo's requests, in time order.
struct Happening {
  std::string at;   // UTC, ISO 8601
  size_t request;   // index into the planned requests
  enum Kind { file, work, clarify, appeal, appeal_step, cost_step } kind = file;
  WorkInput step;
  std::string text;  // the requester's clarification, or the appeal's reasons
  AppealStepInput appeal_step_input = {};
  std::string ground = "";
  CostStepInput cost_step_input = {};
};

// What a guarantor's resolution says, by result.
constexpr std::pair<const char*, const char*> kResolutions[] = {
    {"confirm", "Se confirma la respuesta: la institución fundó y motivó la clasificación y entregó lo que tenía."},
    {"modify", "Se modifica la respuesta: la institución debe buscar en todas sus áreas y entregar la información que encuentre."},
    {"revoke", "Se revoca la respuesta: la información es pública y debe entregarse completa, en la modalidad solicitada."},
    {"dismiss", "Se sobresee: la institución entregó la información durante el recurso y este quedó sin materia."},
};

// The institution of each jurisdiction that guarantees access: its transparency
// institute, or for the federation the Secretaría Anticorrupción y Buen Gobierno.
bool is_guarantor(const jurisdictions::Institution& institution) {
  for (const char* word : {"Transparencia", "Información Pública", "Acceso a la Información", "Anticorrupción"}) {
    if (institution.name.find(word) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

int64_t load_demo_requests(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                           const DemoRun& demo, Correspondents correspondents) {
  std::vector<jurisdictions::Institution> institutions;
  for (const auto& place : jurisdictions.list({}, {200, 0}).items) {
    for (const auto& institution : jurisdictions.institutions(place.id, {1000, 0}).items) institutions.push_back(institution);
  }
  if (institutions.empty()) return 0;
  std::string now;
  RequestService service(database, jurisdictions, [&now] { return now; }, std::move(correspondents));
  if (service.search({}, {1, 0})->total > 0) return 0;
  now = now_timestamp();
  for (const auto& row : service.guarantors()) {
    if (row.institution) continue;
    for (const auto& institution : institutions) {
      if (institution.jurisdiction_id == row.jurisdiction.id && is_guarantor(institution)) {
        (void)service.set_guarantor(demo.loader, row.jurisdiction.slug, institution.id);
        break;
      }
    }
  }

  // The demo official's unit gets a quarter of them, so its queue is full.
  auto official = demo.accounts.find(Role::official);
  const int64_t unit = official != demo.accounts.end() ? official->second.institution_id.value_or(0) : 0;
  Actor unit_actor = unit ? official->second : demo.loader;

  std::mt19937_64 random(demo.seed);
  auto pick = [&random](size_t size) { return static_cast<size_t>(random() % size); };
  // Copies' costs and who files draw from their own sequence, so the other fates stay as they were.
  std::mt19937_64 cost_random(demo.seed + 1);
  auto cost_pick = [&cost_random](size_t size) { return static_cast<size_t>(cost_random() % size); };
  auto in_office_hours = [&pick](const std::string& day) {  // 15:00 to 22:59 UTC, office hours in Mexico City
    char time[32];
    std::snprintf(time, sizeof time, "T%02d:%02d:00Z", 15 + static_cast<int>(pick(8)), static_cast<int>(pick(60)));
    return day + time;
  };
  // One to seven requests a business day, on the business days up to
  // yesterday; filed oldest first, so the folios' numbers follow the dates.
  BusinessCalendar calendar;
  std::string today = today_iso();
  std::vector<std::pair<std::string, int>> days;
  int planned = 0;
  for (std::string day = add_days(today, -1); planned < kDemoRequests; day = add_days(day, -1)) {
    if (!calendar.is_business_day(day)) continue;
    int count = std::min(1 + static_cast<int>(pick(7)), kDemoRequests - planned);
    days.emplace_back(day, count);
    planned += count;
  }
  std::reverse(days.begin(), days.end());

  // Every request's fate, planned first and played in time order: steps
  // falling today or later have not happened yet, so recent requests are open.
  std::vector<FilingInput> inputs;
  std::vector<const Actor*> workers;
  std::vector<Happening> happenings;
  std::vector<bool> by_citizen;
  auto citizen = demo.accounts.find(Role::citizen);
  auto after = [&](const std::string& day, int business_days) {
    return in_office_hours(calendar.add_business_days(day, business_days).due);
  };
  for (const auto& [day, count] : days) {
    for (int i = 0; i < count; ++i) {
      FilingInput input;
      bool ours = unit && pick(4) == 0;
      input.institution_ids = {ours ? unit : institutions[pick(institutions.size())].id};
      size_t question = pick(std::size(kQuestions));
      input.description = kQuestions[question];
      input.topic = kQuestionTopics[question];
      if (pick(3) == 0) {
        input.requester_name = kNames[pick(std::size(kNames))];
        input.show_name = true;
      }
      size_t channel = pick(10);
      input.channel = channel < 8 ? "web" : channel == 8 ? "in_person" : "phone";
      input.delivery = pick(6) == 0 ? "copies" : "electronic";
      size_t index = inputs.size();
      // The demo citizen files some from her account, so her inbox follows them.
      by_citizen.push_back(citizen != demo.accounts.end() && input.channel == "web" && cost_pick(8) == 0);
      inputs.push_back(std::move(input));
      workers.push_back(ours ? &unit_actor : &demo.loader);
      happenings.push_back({in_office_hours(day), index, Happening::file, {}, ""});

      const Answer& answer = kAnswers[pick(std::size(kAnswers))];
      std::string reference = *answer.reference ? std::string(answer.reference) + "-" + std::to_string(10 + pick(80)) + "/2026" : "";
      WorkInput answering{"answer", answer.text, answer.outcome, reference, -1};
      std::string outcome = answer.outcome;
      bool copies = inputs.back().delivery == "copies" &&
                    (outcome == "delivered" || outcome == "partial" || outcome == "classified");
      if (copies) {
        answering.pages = std::to_string(8 + cost_pick(150));
        answering.shipping = cost_pick(4) == 0;
      }
      size_t fate = pick(100);
      if (fate < 45) {  // answered on time
        happenings.push_back({after(day, 3 + static_cast<int>(pick(12))), index, Happening::work, answering, ""});
      } else if (fate < 53) {  // answered late, without an extension
        happenings.push_back({after(day, 21 + static_cast<int>(pick(5))), index, Happening::work, answering, ""});
      } else if (fate < 63) {  // extended, then answered
        happenings.push_back({after(day, 10 + static_cast<int>(pick(4))), index, Happening::work,
                              {"extend", "La información está en los archivos de varias áreas y su búsqueda requiere más tiempo.",
                               "", "CT-AMP-" + std::to_string(10 + pick(80)) + "/2026", -1}, ""});
        happenings.push_back({after(day, 18 + static_cast<int>(pick(10))), index, Happening::work, answering, ""});
      } else if (fate < 73) {  // clarified, then answered
        std::string asked = calendar.add_business_days(day, 1 + static_cast<int>(pick(4))).due;
        std::string clarified = calendar.add_business_days(asked, 1 + static_cast<int>(pick(7))).due;
        happenings.push_back({in_office_hours(asked), index, Happening::work,
                              {"clarify", "Precise el periodo y el área o programa al que se refiere su solicitud.", "", "", -1}, ""});
        happenings.push_back({in_office_hours(clarified), index, Happening::clarify, {},
                              "Me refiero al año en curso y a todas las áreas de la institución."});
        happenings.push_back({after(clarified, 3 + static_cast<int>(pick(15))), index, Happening::work, answering, ""});
      } else if (fate < 78) {  // not the institution's matter
        happenings.push_back({after(day, 1 + static_cast<int>(pick(3))), index, Happening::work,
                              {"not_competent", "La información la genera y resguarda otra dependencia; oriente su solicitud a la Secretaría de Administración.", "", "", -1}, ""});
      } else if (fate < 98) {  // answered near the end of the term: the recent ones are still open
        happenings.push_back({after(day, 14 + static_cast<int>(pick(6))), index, Happening::work, answering, ""});
      }
      // The rest were never answered: a missed deadline.
      // About one answer in five (and every second silence) is appealed,
      // and the guarantor works the appeal.
      std::string answered_on;
      for (auto it = happenings.rbegin(); it != happenings.rend() && it->request == index; ++it) {
        if (it->kind == Happening::work && it->step.action != "extend" && it->step.action != "clarify") {
          answered_on = it->at.substr(0, 10);
          break;
        }
      }
      // Most copies are paid for and collected; some never are.
      if (copies && !answered_on.empty() && cost_pick(10) < 7) {
        std::string paid = calendar.add_business_days(answered_on, 2 + static_cast<int>(cost_pick(15))).due;
        happenings.push_back({paid + "T17:30:00Z", index, Happening::cost_step, {}, "", {}, "",
                              {"paid", "LC-" + std::to_string(100000 + cost_pick(900000))}});
        if (cost_pick(2) == 0) {
          happenings.push_back({calendar.add_business_days(paid, 1 + static_cast<int>(cost_pick(10))).due + "T18:00:00Z",
                                index, Happening::cost_step, {}, "", {}, "", {"collected", ""}});
        }
      }
      bool silent = answered_on.empty() && fate >= 98;
      if ((!answered_on.empty() && pick(5) == 0) || (silent && pick(2) == 0)) {
        std::string base = silent ? calendar.add_business_days(day, 21).due : answered_on;
        std::string appealed = calendar.add_business_days(base, 2 + static_cast<int>(pick(10))).due;
        std::string ground = silent ? "no_answer"
                             : std::string(answer.outcome) == "inexistent" ? "inexistence"
                             : std::string(answer.outcome) == "classified" ? "classification"
                                                                           : (pick(2) ? "incomplete" : "not_matching");
        happenings.push_back({in_office_hours(appealed), index, Happening::appeal, {},
                              silent ? "Venció el plazo y la institución no respondió."
                                     : "La respuesta no entrega lo que pedí: faltan datos y no explica por qué.",
                              {}, ground});
        std::string admitted = calendar.add_business_days(appealed, 1 + static_cast<int>(pick(4))).due;
        bool rejected = pick(10) == 0;
        // Some appeals are first sent back to be completed (prevención), and completed.
        if (!rejected && cost_pick(5) == 0) {
          std::string prevented = calendar.add_business_days(appealed, 1).due;
          std::string completed = calendar.add_business_days(prevented, 2).due;
          happenings.push_back({prevented + "T17:00:00Z", index, Happening::appeal_step, {}, "",
                                {"prevent", "Precise qué parte de la respuesta impugna y qué información le falta."}});
          happenings.push_back({completed + "T18:00:00Z", index, Happening::appeal_step, {}, "",
                                {"complete", "Impugno la falta de los datos del último trimestre, que no se entregaron."}});
          std::string after_completion = calendar.add_business_days(completed, 1).due;
          if (admitted < after_completion) admitted = after_completion;
        }
        AppealStepInput admit{rejected ? "reject" : "admit",
                              rejected ? "Se desecha: el recurso impugna la veracidad de la respuesta, lo que la ley no permite."
                                       : "Se admite el recurso y se pone el expediente a disposición de las partes."};
        happenings.push_back({in_office_hours(admitted), index, Happening::appeal_step, {}, "", admit});
        if (!rejected) {
          happenings.push_back({in_office_hours(calendar.add_business_days(admitted, 3 + static_cast<int>(pick(4))).due), index,
                                Happening::appeal_step, {}, "",
                                {"allege", "La institución reitera su respuesta y adjunta las constancias de búsqueda."}});
          const auto& [result, text] = kResolutions[silent ? 2 : pick(std::size(kResolutions))];
          std::string resolved = calendar.add_business_days(admitted, 15 + static_cast<int>(pick(25))).due;
          happenings.push_back({in_office_hours(resolved), index, Happening::appeal_step, {}, "", {"resolve", text, result}});
          if (std::string(result) == "revoke" || std::string(result) == "modify") {
            std::string reported = calendar.add_business_days(resolved, 3 + static_cast<int>(pick(9))).due;
            happenings.push_back({in_office_hours(reported), index, Happening::appeal_step, {}, "",
                                  {"report_compliance", "Se entregó a quien solicitó la información ordenada por la resolución."}});
            happenings.push_back({in_office_hours(calendar.add_business_days(reported, 2 + static_cast<int>(pick(3))).due), index,
                                  Happening::appeal_step, {}, "",
                                  {"verify", "Se revisaron las constancias de entrega.", "", pick(6) ? "yes" : "no"}});
          }
        }
      }
    }
  }
  std::stable_sort(happenings.begin(), happenings.end(),
                   [](const Happening& a, const Happening& b) { return a.at < b.at; });

  std::vector<std::optional<InformationRequest>> filed(inputs.size());
  int64_t count = 0;
  for (const auto& happening : happenings) {
    if (happening.at.substr(0, 10) >= today) break;
    now = happening.at;
    auto& request = filed[happening.request];
    if (happening.kind == Happening::file) {
      const FilingInput& input = inputs[happening.request];
      Actor filer = input.channel != "web"            ? *workers[happening.request]
                    : by_citizen[happening.request] ? citizen->second
                                                    : Actor::anonymous();
      auto result = service.file(filer, input);
      if (result.ok()) {
        request = result->front();
        ++count;
      }
    } else if (request && happening.kind == Happening::work) {
      (void)service.work(*workers[happening.request], request->folio, happening.step);
    } else if (request && happening.kind == Happening::clarify) {
      (void)service.clarify(Actor::anonymous(), request->folio, request->requester_key, happening.text);
    } else if (request && happening.kind == Happening::appeal) {
      (void)service.appeal(Actor::anonymous(), request->folio, {happening.ground, happening.text, request->requester_key});
    } else if (request && happening.kind == Happening::cost_step) {
      (void)service.work_cost(*workers[happening.request], request->folio, happening.cost_step_input);
    } else if (request) {
      // The guarantor's steps by the loader; the institution's by its worker.
      AppealStepInput step = happening.appeal_step_input;
      bool institution = step.action == "allege" || step.action == "report_compliance";
      if (step.action == "complete") {  // the requester, with the key
        step.key = request->requester_key;
        (void)service.work_appeal(Actor::anonymous(), request->folio, step);
        continue;
      }
      (void)service.work_appeal(institution ? *workers[happening.request] : demo.loader, request->folio, step);
    }
  }
  return count;
}

}  // namespace apertura::requests
