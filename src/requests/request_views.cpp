#include "requests/request_views.h"

#include "core/date.h"
#include "core/date_text.h"
#include "requests/messages.h"

namespace apertura::requests {

namespace {
// "1 día hábil", "20 días hábiles": terms are small numbers.
std::string counted(int value, const char* one, const char* many) {
  return std::to_string(value) + " " + (value == 1 ? one : many);
}
}  // namespace

nlohmann::json request_row(const InformationRequest& request, const std::string& institution_name) {
  nlohmann::json row = request.to_public_json();
  row["institution_name"] = institution_name;
  row["status_label"] = status_label_es(request.status);
  row["open"] = is_open(request.status);
  row["url"] = "/solicitudes/" + request.folio;
  row["summary"] = request.description.size() > 280 ? request.description.substr(0, 277) + "…" : request.description;
  return row;
}

nlohmann::json count_view(const BusinessCount& count) {
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& day : count.skipped) {
    skipped.push_back({{"date", day.date}, {"date_text", date_es(day.date)}, {"kind", day.kind == DayOff::weekend ? "weekend"
                                                                                  : day.kind == DayOff::statutory ? "statutory"
                                                                                  : day.kind == DayOff::non_working ? "non_working"
                                                                                                                     : "suspension"},
                       {"reason", day_off_label_es(day)}});
  }
  // Weekends are many and plain: the page names the other closed days one by one.
  nlohmann::json notable = nlohmann::json::array();
  int weekends = 0;
  for (const auto& day : skipped) {
    if (day["kind"] == "weekend") ++weekends;
    else notable.push_back(day);
  }
  int calendar_days = count.due.empty() ? 0 : days_between(count.event, count.due);
  return {{"event", count.event},
          {"event_text", date_es(count.event)},
          {"first", count.first},
          {"first_text", date_es(count.first)},
          {"due", count.due},
          {"due_text", date_es(count.due)},
          {"days", count.days},
          {"calendar_days", calendar_days},
          {"weekend_days", weekends},
          {"skipped", skipped},
          {"notable", notable},
          {"notable_text", notable.size() == 1 ? std::string("el día de la tabla")
                                               : "los " + std::to_string(notable.size()) + " días de la tabla"},
          {"has_notable", !notable.empty()}};
}

nlohmann::json document_view(const RequestDocument& d) {
  nlohmann::json view = request_row(d.request, d.institution.name);
  view["institution"] = {{"id", d.institution.id}, {"name", d.institution.name}, {"acronym", d.institution.acronym}};
  view["jurisdiction"] = {{"code", d.jurisdiction.code}, {"slug", d.jurisdiction.slug}, {"name", d.jurisdiction.name}};
  view["regime"] = regime_view(d.regime);
  view["response_count"] = count_view(d.response);
  view["delivery_label"] = delivery_label_es(d.request.delivery);
  view["notify_by_label"] = notify_by_label_es(d.request.notify_by);
  view["channel_label"] = channel_label_es(d.request.channel);
  view["outcome_label"] = d.request.outcome ? outcome_label_es(*d.request.outcome) : "";
  view["waiting_clarification"] = d.request.status == RequestStatus::clarification_requested;
  view["overdue"] = d.overdue;
  view["clarified"] = d.request.term_start_on != d.request.received_on;
  view["base_days"] = d.response.days - d.request.extended_days;
  view["extended"] = d.request.extended_days > 0;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& event : d.events) events.push_back(event.to_json());
  view["events"] = events;
  return view;
}

nlohmann::json regime_view(const Regime& regime) {
  nlohmann::json view = regime.to_json();
  nlohmann::json terms = nlohmann::json::array();
  for (TermKind kind : all_terms()) {
    const Term& term = regime.term(kind);
    std::string value;
    if (kind == TermKind::free_pages) value = counted(term.value, "hoja", "hojas");
    else if (term.value == 0) value = "dentro del plazo de respuesta";
    else value = counted(term.value, "día hábil", "días hábiles");
    terms.push_back({{"name", term_name(kind)},
                     {"label", term_label_es(kind)},
                     {"value", term.value},
                     {"value_text", value},
                     {"article", term.article}});
  }
  view["term_list"] = terms;
  view["url"] = "/solicitudes/regimenes/" + std::to_string(regime.id);
  view["effective_from_text"] = date_es(regime.effective_from);
  view["effective_to_text"] = regime.effective_to.empty() ? "" : date_es(regime.effective_to);
  view["in_force"] = regime.effective_to.empty();
  view["scope_text"] = regime.jurisdiction_code.empty() ? "Todas las jurisdicciones sin ley propia"
                                                        : "Jurisdicción con clave INEGI " + regime.jurisdiction_code;
  return view;
}

nlohmann::json closed_days_view(const ClosedDaysRow& row) {
  return {{"id", row.id},
          {"jurisdiction_code", row.jurisdiction_code.empty() ? nlohmann::json() : nlohmann::json(row.jurisdiction_code)},
          {"from", row.days.from},
          {"to", row.days.to},
          {"period_text", row.days.from == row.days.to ? date_es(row.days.from) : date_range_es(row.days.from, row.days.to)},
          {"kind", row.days.kind == DayOff::suspension ? "suspension" : "non_working"},
          {"kind_label", row.days.kind == DayOff::suspension ? "Suspensión de plazos" : "Día inhábil"},
          {"basis", row.days.basis},
          {"created_at", row.created_at}};
}

web::Table requests_table(const std::vector<nlohmann::json>& rows) {
  web::Table table{{{"folio", "Folio"},
                    {"institution_name", "Institución"},
                    {"received_on", "Recibida"},
                    {"status", "Estado"},
                    {"response_due_on", "Vence"},
                    {"channel", "Canal"},
                    {"delivery", "Modalidad de entrega"},
                    {"requester_name", "Nombre o seudónimo (si lo hizo público)"},
                    {"description", "Solicitud"}},
                   rows};
  return table;
}

}  // namespace apertura::requests
