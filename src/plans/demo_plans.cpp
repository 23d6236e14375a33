#include "plans/demo_plans.h"

#include <cstdio>

#include "core/date_text.h"
#include "core/text_pdf.h"

namespace apertura::plans {

namespace {

struct DemoMilestone {
  std::string description;
  std::string due_on;
  std::string status;  // reported after publication
};

struct DemoCommitment {
  std::string title;
  std::string problem;
  std::string objective;
  std::string aims;
  std::string institution_prefix;  // the responsible institution's name starts with this
  std::string counterpart;
  std::string indicator;
  std::string unit;
  std::string baseline;
  std::string target;
  std::string current;
  std::vector<DemoMilestone> milestones;
};

std::vector<DemoCommitment> commitments_for(const std::string& state) {
  return {
      {"Contrataciones abiertas en " + state,
       "Las personas no pueden saber a quién compra el gobierno estatal, por cuánto ni por qué. Los datos de las "
       "compras están dispersos en documentos que no se pueden analizar.",
       "Publicar todas las contrataciones del gobierno estatal en el Estándar de Datos para las Contrataciones "
       "Abiertas, desde la planeación hasta los pagos.",
       "a,k", "Secretaría de Finanzas", "Observatorio Ciudadano de Compras Públicas",
       "Contrataciones publicadas en formato abierto", "%", "5", "90", "40",
       {{"Diagnóstico de los sistemas de compras publicado", "2026-03-31", "completed"},
        {"Portal de contrataciones abiertas en línea", "2026-07-31", "completed"},
        {"Publicación del 90% de los procesos del año", "2026-12-15", "in_progress"}}},
      {"Presupuesto ciudadano de " + state,
       "La ciudadanía no entiende en qué se gasta el dinero público porque el presupuesto se publica en tablas "
       "técnicas y documentos muy largos.",
       "Explicar el presupuesto y su ejercicio trimestral en lenguaje ciudadano, con datos abiertos e infografías.",
       "e,k,l", "Secretaría de Finanzas", "Colectivo Presupuesto Claro",
       "Informes trimestrales publicados en lenguaje ciudadano", "informes", "0", "4", "3",
       {{"Guía de lenguaje ciudadano aprobada", "2026-02-28", "completed"},
        {"Primer informe trimestral ciudadano", "2026-05-15", "completed"},
        {"Tercer informe trimestral ciudadano", "2026-11-15", "completed"},
        {"Cuarto informe trimestral ciudadano", "2026-12-20", "pending"}}},
      {"Derecho a saber en todos los municipios",
       "En muchos municipios las personas no saben que pueden pedir información pública ni cómo hacerlo, sobre todo "
       "fuera de las ciudades.",
       "Capacitar a personas servidoras públicas y a la población de todos los municipios en el derecho de acceso a "
       "la información.",
       "c,i", "Congreso del Estado", "Red de Organizaciones por la Transparencia",
       "Municipios con al menos una jornada de capacitación", "municipios", "10", "60", "22",
       {{"Materiales de capacitación en lenguaje sencillo", "2026-03-15", "completed"},
        {"Jornadas en la mitad de los municipios", "2026-08-31", "in_progress"},
        {"Jornadas en todos los municipios", "2026-11-30", "pending"}}},
      {"Datos abiertos útiles",
       "Los conjuntos de datos que publica el gobierno están incompletos, desactualizados y en formatos que no se "
       "pueden reutilizar.",
       "Publicar con licencia libre los veinte conjuntos de datos más solicitados, actualizados cada trimestre.",
       "d,k", "Secretaría de Finanzas", "Comunidad de Datos Abiertos",
       "Conjuntos de datos prioritarios publicados", "conjuntos", "3", "20", "9",
       {{"Consulta pública para elegir los conjuntos prioritarios", "2026-04-30", "completed"},
        {"Publicación de los primeros diez conjuntos", "2026-09-30", "in_progress"}}},
      {"Participación ciudadana con respuesta",
       "Las propuestas ciudadanas se reciben pero no se contestan, y la gente deja de participar.",
       "Crear un mecanismo en línea y presencial en el que toda propuesta reciba una respuesta pública y razonada.",
       "g,i,m", "Congreso del Estado", "Colectivo Ciudad Abierta",
       "Propuestas con respuesta pública", "%", "15", "100", "15",
       {{"Reglas del mecanismo aprobadas por el secretariado", "2026-06-30", "pending"},
        {"Mecanismo en funcionamiento", "2026-10-31", "pending"}}},
  };
}

std::optional<int64_t> institution_starting_with(jurisdictions::JurisdictionService& jurisdictions,
                                                 int64_t jurisdiction_id, const std::string& prefix) {
  for (const auto& institution : jurisdictions.institutions(jurisdiction_id, {1000, 0}).items) {
    if (institution.name.rfind(prefix, 0) == 0) return institution.id;
  }
  return std::nullopt;
}

void load_state(PlanService& plans, SecretariatService& secretariats, EvidenceService& evidence,
                jurisdictions::JurisdictionService& jurisdictions, const Actor& loader, const jurisdictions::Jurisdiction& state, const std::string& guarantor,
                const std::string& civil_society_email) {
  secretariats.add_member(loader, state.code, {"Lucía Ramírez", "government", "Secretaría de Finanzas del Estado de " + state.name,
                                               "Enlace de gobierno", "2025-09-01", "", ""}).take();
  secretariats.add_member(loader, state.code, {"Colectivo Ciudad Abierta", "civil_society", "Colectivo Ciudad Abierta",
                                               "Representación de la sociedad civil", "2025-09-01", "",
                                               civil_society_email}).take();
  secretariats.add_member(loader, state.code, {"Jorge Hernández", "guarantor", guarantor, "Coordinación", "2025-09-01", "", ""}).take();

  ActionPlan plan = plans.create_plan(loader, state.code, {"", "2026-01-01", "2026-12-31", "", ""}).take();
  std::vector<std::pair<Commitment, DemoCommitment>> created;
  int number = 1;
  for (const auto& demo : commitments_for(state.name)) {
    auto institution = institution_starting_with(jurisdictions, state.id, demo.institution_prefix);
    Commitment c = plans.add_commitment(loader, plan.id,
                                        {std::to_string(number++), demo.title, demo.problem, demo.objective, demo.aims,
                                         institution ? std::to_string(*institution) : "", demo.counterpart,
                                         "2026-01-15", "2026-12-31", ""})
                       .take();
    for (const auto& m : demo.milestones) plans.add_milestone(loader, c.id, {m.description, "", m.due_on, ""}).take();
    plans.add_indicator(loader, c.id, {demo.indicator, demo.unit, demo.baseline, demo.target, "Reporte de la institución responsable"}).take();
    // The commitment on the right to know is also measured by the requests the portal receives.
    if (demo.aims.find('c') != std::string::npos && plans.measures().find("requests_on_time_share")) {
      plans.add_indicator(loader, c.id, {"Solicitudes de información respondidas en plazo en el estado", "", "70", "95", "",
                                         "requests_on_time_share", ""})
          .take();
    }
    created.emplace_back(c, demo);
  }
  plans.change_status(loader, plan.id, "co_creation", "").take();
  plans.change_status(loader, plan.id, "published", "").take();
  plans.change_status(loader, plan.id, "in_progress", "").take();
  for (const auto& [commitment, demo] : created) {
    Commitment saved = plans.commitment(commitment.id).take();
    for (size_t i = 0; i < saved.milestones.size() && i < demo.milestones.size(); ++i) {
      const std::string& status = demo.milestones[i].status;
      if (status == "pending") continue;
      std::string completed_on = status == "completed" ? demo.milestones[i].due_on : "";
      plans.report_milestone(loader, saved.milestones[i].id, status, completed_on).take();
      if (status != "completed") continue;
      // A milestone reported done shows what proves it.
      std::string pdf = text_pdf(
          "Gobierno Abierto " + state.name + " · Plan de acción 2026",
          {"Compromiso " + std::to_string(saved.number) + ": " + saved.title,
           "Hito: " + demo.milestones[i].description, "Cumplido el " + date_es(completed_on) + ".",
           "Documento de demostración generado por Apertura."});
      evidence.add_file(loader, saved.milestones[i].id, "Constancia de cumplimiento",
                        "constancia-hito-" + std::to_string(i + 1) + ".pdf", pdf)
          .take();
    }
    plans.record_indicator(loader, saved.indicators.front().id, demo.current, "").take();
  }
}

}  // namespace

int load_demo_plans(PlanService& plans, SecretariatService& secretariats, EvidenceService& evidence,
                    jurisdictions::JurisdictionService& jurisdictions, const Actor& loader,
                    const std::string& civil_society_email) {
  int created = 0;
  for (const auto& [code, guarantor] : {std::pair<std::string, std::string>{"14", "ITEI"}, {"20", "OGAIPO"}}) {
    auto state = jurisdictions.find(code);
    if (!state || !plans.plans_of(code)->empty()) continue;
    load_state(plans, secretariats, evidence, jurisdictions, loader, *state, guarantor, civil_society_email);
    ++created;
  }
  return created;
}

}  // namespace apertura::plans
