#include "requests/request_views.h"

#include "core/date.h"
#include "core/date_text.h"
#include "core/number_text.h"
#include "core/text.h"
#include "requests/messages.h"

namespace apertura::requests {

nlohmann::json request_row(const InformationRequest& request, const std::string& institution_name) {
  nlohmann::json row = request.to_public_json();
  row["institution_name"] = institution_name;
  row["status_label"] = status_label_es(request.status);
  row["open"] = is_open(request.status);
  row["url"] = "/solicitudes/" + request.folio;
  row["summary"] = excerpt(request.description, 280);
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
  nlohmann::json files = nlohmann::json::array();
  for (const auto& file : d.files) {
    nlohmann::json item = file.to_json(d.request.folio);
    item["size_text"] = byte_size_text(file.size);
    files.push_back(item);
  }
  view["files"] = files;
  view["has_files"] = !files.empty();
  if (d.appeal) view["appeal"] = appeal_view(*d.appeal);
  view["appeal_until"] = d.appeal_until.empty() ? nlohmann::json() : nlohmann::json(d.appeal_until);
  view["guarantor_name"] = d.guarantor_name;
  if (d.cost) {
    nlohmann::json cost = cost_view(*d.cost);
    cost["payment_instructions"] = d.payment_instructions;
    view["cost"] = cost;
  }
  return view;
}

nlohmann::json cost_view(const RequestCost& cost) {
  nlohmann::json view = cost.to_json();
  view["status_label"] = cost_status_label_es(cost.status);
  view["awaiting_payment"] = cost.status == CostStatus::awaiting_payment;
  view["available"] = cost.status == CostStatus::available;
  view["free"] = cost.quote.amount_cents == 0;
  for (auto& line : view["lines"]) {
    line["unit_text"] = cents_text(line["unit_cents"].get<int64_t>());
    line["amount_text"] = cents_text(line["cents"].get<int64_t>());
  }
  for (const char* date : {"payment_due_on", "paid_on", "available_until", "collected_on"}) {
    if (view[date].is_string()) view[std::string(date) + "_text"] = date_es(view[date].get<std::string>());
  }
  return view;
}

nlohmann::json fee_schedule_view(const FeeSchedule& schedule, const std::string& jurisdiction_name) {
  nlohmann::json view = schedule.to_json();
  view["jurisdiction_name"] = jurisdiction_name.empty() ? "Todas las jurisdicciones sin cuotas propias" : jurisdiction_name;
  view["simple_page_text"] = cents_text(schedule.simple_page_cents);
  view["certified_page_text"] = cents_text(schedule.certified_page_cents);
  view["medium_text"] = cents_text(schedule.medium_cents);
  view["shipping_text"] = cents_text(schedule.shipping_cents);
  return view;
}

nlohmann::json appeal_view(const Appeal& appeal) {
  nlohmann::json view = appeal.to_json();
  view["status_label"] = appeal_status_label_es(appeal.status);
  view["ground_label"] = ground_label_es(appeal.ground);
  view["result_label"] = appeal.result ? appeal_result_label_es(*appeal.result) : "";
  view["open"] = is_open(appeal.status);
  view["folio"] = appeal.folio();
  view["url"] = "/solicitudes/" + appeal.folio() + "#recurso";
  return view;
}

nlohmann::json appeal_item_view(const AppealItem& item) {
  nlohmann::json row = appeal_view(item.appeal);
  row["institution_name"] = item.institution_name;
  row["summary"] = excerpt(item.description, 200);
  row["running_due_on"] = item.appeal.running_due_on().empty() ? nlohmann::json() : nlohmann::json(item.appeal.running_due_on());
  if (item.business_days_left) {
    int left = *item.business_days_left;
    row["days_left"] = left;
    row["urgency"] = left < 0 ? "overdue" : left <= 3 ? "soon" : "ok";
    row["days_left_text"] = left < 0    ? "Vencido hace " + counted(-left, "día hábil", "días hábiles")
                            : left == 0 ? "Vence hoy"
                                        : "Quedan " + counted(left, "día hábil", "días hábiles");
  } else {
    row["days_left"] = nullptr;
    row["days_left_text"] = appeal_status_label_es(item.appeal.status);
    row["urgency"] = "ok";
  }
  return row;
}

nlohmann::json guarantor_view(const GuarantorRow& row) {
  return {{"jurisdiction", {{"code", row.jurisdiction.code}, {"slug", row.jurisdiction.slug}, {"name", row.jurisdiction.name}}},
          {"institution", row.institution ? nlohmann::json{{"id", row.institution->id},
                                                           {"name", row.institution->name},
                                                           {"acronym", row.institution->acronym}}
                                          : nlohmann::json()}};
}

web::Table appeals_table(const std::vector<nlohmann::json>& rows) {
  web::Table table{{{"number", "Recurso"},
                    {"folio", "Folio de la solicitud"},
                    {"institution_name", "Institución"},
                    {"ground_label", "Motivo"},
                    {"received_on", "Recibido"},
                    {"status_label", "Estado"},
                    {"admitted_on", "Admitido"},
                    {"resolution_due_on", "Vence la resolución"},
                    {"result_label", "Sentido"},
                    {"resolved_on", "Resuelto"},
                    {"resolved_late", "Resuelto fuera de plazo"},
                    {"compliance_due_on", "Vence el cumplimiento"},
                    {"compliance_reported_on", "Cumplimiento informado"}},
                   {}};
  for (const auto& row : rows) table.rows.push_back(row);
  return table;
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
                    {"outcome", "Sentido de la respuesta"},
                    {"topic_name", "Tema"},
                    {"response_due_on", "Vence"},
                    {"channel", "Canal"},
                    {"delivery", "Modalidad de entrega"},
                    {"requester_name", "Nombre o seudónimo (si lo hizo público)"},
                    {"description", "Solicitud"}},
                   rows};
  return table;
}

namespace {

constexpr Outcome kOutcomeOrder[] = {Outcome::delivered, Outcome::partial, Outcome::classified, Outcome::inexistent,
                                     Outcome::already_public};

int64_t outcome_count(const RequestTally& tally, Outcome outcome) {
  auto found = tally.outcomes.find(outcome);
  return found == tally.outcomes.end() ? 0 : found->second;
}

std::string median_text(const std::optional<double>& days) {
  if (!days) return "";
  char text[32];
  std::snprintf(text, sizeof text, *days == static_cast<int>(*days) ? "%.0f" : "%.1f", *days);
  return text;
}

// Widths of the chart's segments, in percent of the largest institution's requests.
nlohmann::json bar_view(const RequestTally& tally, int64_t largest) {
  auto width = [largest](int64_t count) { return largest > 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(largest) : 0.0; };
  int64_t other = tally.received - tally.on_time - tally.late - tally.open;
  char style[160];
  nlohmann::json segments = nlohmann::json::array();
  for (const auto& [kind, count, label] : {std::tuple{"on-time", tally.on_time, "en plazo"},
                                           std::tuple{"late", tally.late, "fuera de plazo"},
                                           std::tuple{"open", tally.open, "en trámite"},
                                           std::tuple{"other", other, "no presentadas"}}) {
    if (count <= 0) continue;
    std::snprintf(style, sizeof style, "width:%.2f%%", width(count));
    segments.push_back({{"kind", kind}, {"style", style}, {"title", grouped(count) + " " + label}});
  }
  return segments;
}

}  // namespace

nlohmann::json tally_json(const RequestTally& tally) {
  nlohmann::json outcomes = nlohmann::json::object();
  for (Outcome outcome : kOutcomeOrder) outcomes[std::string(outcome_name(outcome))] = outcome_count(tally, outcome);
  nlohmann::json json = {{"received", tally.received},
                         {"responded", tally.responded()},
                         {"answered", tally.answered},
                         {"not_competent", tally.not_competent},
                         {"on_time", tally.on_time},
                         {"late", tally.late},
                         {"open", tally.open},
                         {"overdue", tally.overdue},
                         {"extended", tally.extended},
                         {"clarified", tally.clarified},
                         {"not_filed", tally.not_filed},
                         {"outcomes", outcomes},
                         {"median_business_days", tally.median_business_days ? nlohmann::json(*tally.median_business_days)
                                                                             : nlohmann::json()},
                         {"appeals", {{"received", tally.appeals},
                                      {"open", tally.appeals_open},
                                      {"rejected", tally.appeals_rejected},
                                      {"confirmed", tally.appeals_confirmed},
                                      {"revoked", tally.appeals_revoked},
                                      {"modified", tally.appeals_modified},
                                      {"dismissed", tally.appeals_dismissed},
                                      {"complied", tally.appeals_complied},
                                      {"not_complied", tally.appeals_not_complied}}}};
  if (tally.institution_id) {
    json["institution_id"] = tally.institution_id;
    json["institution_name"] = tally.institution_name;
  }
  return json;
}

nlohmann::json statistics_view(const RequestStatistics& stats) {
  int64_t largest = 0;
  for (const auto& tally : stats.institutions) largest = std::max(largest, tally.received);
  auto row = [largest](const RequestTally& tally) {
    nlohmann::json outcomes = nlohmann::json::array();
    for (Outcome outcome : kOutcomeOrder) {
      outcomes.push_back({{"count", grouped(outcome_count(tally, outcome))}, {"label", outcome_label_es(outcome)}});
    }
    return nlohmann::json{{"name", tally.institution_name},
                          {"institution_id", tally.institution_id},
                          {"received", grouped(tally.received)},
                          {"responded", grouped(tally.responded())},
                          {"on_time", grouped(tally.on_time)},
                          {"on_time_share", percent_text(static_cast<double>(tally.on_time), static_cast<double>(tally.responded()))},
                          {"late", grouped(tally.late)},
                          {"open", grouped(tally.open)},
                          {"overdue", grouped(tally.overdue)},
                          {"extended", grouped(tally.extended)},
                          {"clarified", grouped(tally.clarified)},
                          {"not_competent", grouped(tally.not_competent)},
                          {"outcomes", outcomes},
                          {"median", median_text(tally.median_business_days)},
                          {"appeals", grouped(tally.appeals)},
                          {"appeals_changed", grouped(tally.appeals_revoked + tally.appeals_modified)},
                          {"appeals_confirmed", grouped(tally.appeals_confirmed)},
                          {"appeals_other", grouped(tally.appeals_rejected + tally.appeals_dismissed)},
                          {"appeals_open", grouped(tally.appeals_open)},
                          {"bars", bar_view(tally, largest)}};
  };
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& tally : stats.institutions) rows.push_back(row(tally));
  nlohmann::json outcome_labels = nlohmann::json::array();
  for (Outcome outcome : kOutcomeOrder) outcome_labels.push_back({{"label", outcome_label_es(outcome)}});
  const RequestTally& t = stats.total;
  std::string where = stats.jurisdiction_name.empty() ? "en todas las jurisdicciones" : "en " + stats.jurisdiction_name;
  std::string summary = "En " + std::to_string(stats.year) + (t.received == 1 ? " se recibió " : " se recibieron ") +
                        grouped(t.received) + (t.received == 1 ? " solicitud " : " solicitudes ") + where + ".";
  if (t.responded() > 0) {
    summary += (t.responded() == 1 ? " Se respondió " : " Se respondieron ") + grouped(t.responded()) + ": " + grouped(t.on_time) + " en plazo (" +
               percent_text(static_cast<double>(t.on_time), static_cast<double>(t.responded())) + ") y " + grouped(t.late) +
               " fuera de plazo.";
  }
  if (t.open > 0) {
    summary += (t.open == 1 ? " Sigue en trámite " : " Siguen en trámite ") + grouped(t.open) +
               (t.overdue > 0 ? ", " + grouped(t.overdue) + (t.overdue == 1 ? " ya vencida." : " ya vencidas.") : ".");
  }
  if (t.median_business_days) {
    summary += " La mitad de las respuestas tardó " + median_text(t.median_business_days) + " días hábiles o menos.";
  }
  if (t.appeals > 0) {
    summary += (t.appeals == 1 ? " Se presentó " : " Se presentaron ") + grouped(t.appeals) +
               (t.appeals == 1 ? " recurso de revisión" : " recursos de revisión") + "; el órgano garante revocó o modificó " +
               grouped(t.appeals_revoked + t.appeals_modified) + (t.appeals_revoked + t.appeals_modified == 1 ? " respuesta." : " respuestas.");
  }
  return {{"rows", rows},
          {"total", row(t)},
          {"has_rows", !rows.empty()},
          {"outcome_labels", outcome_labels},
          {"summary", summary},
          {"year", stats.year}};
}

web::Table statistics_table(const RequestStatistics& stats) {
  web::Table table{{{"institution_id", "Clave de la institución"},
                    {"institution_name", "Institución"},
                    {"year", "Año"},
                    {"received", "Recibidas"},
                    {"responded", "Respondidas"},
                    {"on_time", "En plazo"},
                    {"late", "Fuera de plazo"},
                    {"open", "En trámite"},
                    {"overdue", "Vencidas sin respuesta"},
                    {"extended", "Con plazo ampliado"},
                    {"clarified", "Con aclaración"},
                    {"not_filed", "No presentadas (sin aclaración)"},
                    {"delivered", "Entregada"},
                    {"partial", "Entregada en parte"},
                    {"classified", "Clasificada"},
                    {"inexistent", "Inexistente"},
                    {"already_public", "Ya pública"},
                    {"not_competent", "No competente"},
                    {"median_business_days", "Mediana de días hábiles para responder"},
                    {"appeals_received", "Recursos recibidos"},
                    {"appeals_open", "Recursos en trámite"},
                    {"appeals_rejected", "Recursos desechados"},
                    {"appeals_confirmed", "Recursos: confirma la respuesta"},
                    {"appeals_revoked", "Recursos: revoca la respuesta"},
                    {"appeals_modified", "Recursos: modifica la respuesta"},
                    {"appeals_dismissed", "Recursos sobreseídos"},
                    {"appeals_complied", "Resoluciones cumplidas"},
                    {"appeals_not_complied", "Resoluciones incumplidas"}},
                   {}};
  auto flat = [&stats](const RequestTally& tally, const std::string& name) {
    nlohmann::json json = tally_json(tally);
    nlohmann::json row = json;
    row.erase("outcomes");
    row.erase("appeals");
    for (const auto& [key, value] : json["outcomes"].items()) row[key] = value;
    for (const auto& [key, value] : json["appeals"].items()) row["appeals_" + key] = value;
    row["institution_id"] = tally.institution_id ? nlohmann::json(tally.institution_id) : nlohmann::json();
    row["institution_name"] = name;
    row["year"] = stats.year;
    return row;
  };
  for (const auto& tally : stats.institutions) table.rows.push_back(flat(tally, tally.institution_name));
  table.rows.push_back(flat(stats.total, "Total"));
  return table;
}

nlohmann::json queue_item_view(const QueueItem& item) {
  nlohmann::json row = request_row(item.request, item.institution_name);
  int left = item.business_days_left;
  row["days_left"] = left;
  row["urgency"] = left < 0 ? "overdue" : left <= 3 ? "soon" : "ok";
  row["days_left_text"] = left < 0   ? "Vencida hace " + std::to_string(-left) + (left == -1 ? " día hábil" : " días hábiles")
                          : left == 0 ? "Vence hoy"
                                      : "Quedan " + std::to_string(left) + (left == 1 ? " día hábil" : " días hábiles");
  row["waiting_clarification"] = item.request.status == RequestStatus::clarification_requested;
  return row;
}

std::vector<std::string> receipt_paragraphs(const RequestDocument& d, const std::string& page_url) {
  const InformationRequest& r = d.request;
  const Regime& regime = d.regime;
  auto article = [&regime](TermKind kind) {
    auto term = regime.terms.find(kind);
    return term == regime.terms.end() || term->second.article.empty() ? std::string() : " (art. " + term->second.article + ")";
  };
  std::vector<std::string> lines = {
      "Folio: " + r.folio,
      "Institución: " + d.institution.name + " · " + d.jurisdiction.name,
      "Presentada el " + date_es(r.filed_at.substr(0, 10)) + " a las " + r.filed_at.substr(11, 5) +
          " (hora UTC); se tiene por recibida el " + date_es(r.received_on) + ".",
      "Canal: " + channel_label_es(r.channel) + ". Modalidad de entrega: " + delivery_label_es(r.delivery) +
          ". Avisos: " + notify_by_label_es(r.notify_by) + ".",
  };
  if (!r.public_name().empty()) lines.push_back("Nombre o seudónimo: " + r.public_name());
  lines.push_back("");
  lines.push_back("Lo que se pidió:");
  lines.push_back(r.description);
  if (!r.location_hint.empty()) lines.push_back("Datos para encontrarla: " + r.location_hint);
  lines.push_back("");
  lines.push_back("Plazos, en días hábiles, según " + regime.name + ":");
  lines.push_back("- La respuesta vence el " + date_es(r.response_due_on) + " (" + std::to_string(d.response.days) +
                  " días hábiles desde el día siguiente a la recepción)" + article(TermKind::response) + ".");
  lines.push_back("- Puede ampliarse una vez " + std::to_string(regime.days(TermKind::extension)) +
                  " días hábiles, con resolución del Comité de Transparencia" + article(TermKind::extension) + ".");
  lines.push_back("- La institución puede pedir que se aclare la solicitud hasta el " + date_es(d.clarification_limit) +
                  article(TermKind::clarification_issue) + "; quien solicita tendría " +
                  std::to_string(regime.days(TermKind::clarification_answer)) + " días hábiles para aclararla.");
  lines.push_back("- Si no es de su competencia, debe avisarlo a más tardar el " + date_es(d.incompetence_limit) +
                  article(TermKind::incompetence) + ".");
  lines.push_back("- Contra la respuesta, o su falta, puede presentarse un recurso de revisión dentro de " +
                  std::to_string(regime.days(TermKind::appeal_filing)) + " días hábiles" + article(TermKind::appeal_filing) +
                  " ante: " + regime.guarantor + ".");
  lines.push_back("");
  lines.push_back("Los días inhábiles y las suspensiones que declare el órgano garante mueven estas fechas; la página de la "
                  "solicitud muestra siempre el cálculo vigente, día por día: " + page_url);
  return lines;
}

}  // namespace apertura::requests
