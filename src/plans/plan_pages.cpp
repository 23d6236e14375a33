#include <charconv>

#include "core/date.h"
#include "core/date_text.h"
#include "core/readability.h"
#include "core/text.h"
#include "plans/messages.h"
#include "plans/permissions.h"
#include "plans/plan_routes.h"
#include "plans/plan_views.h"
#include "plans/session_routes.h"
#include "web/downloads.h"

namespace apertura::plans {

namespace {

using web::Request;
using web::Response;

Response redirect_with(const std::string& location, const std::string& message) {
  Response response = Response::redirect(location);
  web::set_flash(response, message);
  return response;
}

nlohmann::json readability_json(const std::string& label, const std::string& text) {
  Readability r = measure_readability(text);
  char fh[16], sp[16];
  std::snprintf(fh, sizeof fh, "%.1f", r.fernandez_huerta);
  std::snprintf(sp, sizeof sp, "%.1f", r.szigriszt_pazos);
  return {{"label", label},      {"has_text", r.words > 0},       {"words", r.words},
          {"fernandez_huerta", std::string(fh)}, {"fernandez_huerta_band", r.fernandez_huerta_band},
          {"szigriszt_pazos", std::string(sp)},  {"inflesz_band", r.inflesz_band},
          {"long_sentences", r.long_sentences},  {"has_long_sentences", !r.long_sentences.empty()}};
}

nlohmann::json aims_options(const std::string& selected) {
  nlohmann::json options = nlohmann::json::array();
  for (const auto& [letter, label] : declaration_aims()) {
    options.push_back({{"letter", std::string(1, letter)}, {"label", label},
                       {"checked", selected.find(letter) != std::string::npos}});
  }
  return options;
}

CommitmentInput commitment_from_form(const web::FormData& form) {
  return {form.text("number"), form.text("title"), form.text("problem"), form.text("objective"), form_aims(form),
          form.text("institution_id"), form.text("counterpart"), form.text("starts_on"), form.text("ends_on"),
          form.text("progress_method")};
}

nlohmann::json institution_options(PlanService& plans, const ActionPlan& plan, std::optional<int64_t> selected) {
  nlohmann::json options = nlohmann::json::array();
  for (const auto& institution : plans.institutions_for(plan)) {
    options.push_back({{"id", institution.id}, {"name", institution.name},
                       {"selected", selected && *selected == institution.id}});
  }
  return options;
}

struct PageContext {
  PlanServices services;
  const web::Pages& pages;
};

// A plan as its pages show it: plan_document_json with its period in words.
nlohmann::json plan_page_json(const PlanDocument& document, const std::string& today) {
  nlohmann::json data = plan_document_json(document, today);
  data["period_text"] = date_range_es(document.plan.starts_on, document.plan.ends_on);
  return data;
}

// Jurisdiction -> plan: where a plan's and a commitment's pages sit.
nlohmann::json plan_breadcrumbs(PageContext ctx, const ActionPlan& plan, bool with_plan) {
  nlohmann::json crumbs = nlohmann::json::array();
  if (auto jurisdiction = ctx.services.plans.jurisdiction_of(plan)) {
    crumbs.push_back({{"label", jurisdiction->name}, {"url", "/jurisdicciones/" + jurisdiction->slug}});
  }
  if (with_plan) crumbs.push_back({{"label", plan.title}, {"url", "/planes/" + std::to_string(plan.id)}});
  return crumbs;
}

Response plan_page(PageContext ctx, const Request& request, int64_t plan_id, const Error* error = nullptr) {
  auto document = ctx.services.plans.plan(plan_id).take();
  std::string today = today_iso();
  nlohmann::json data = plan_page_json(document, today);
  data["title"] = document.plan.title;
  data["breadcrumbs"] = plan_breadcrumbs(ctx, document.plan, false);
  PlanAbilities may = ctx.services.plans.abilities(request.actor, document);
  if (auto next = may.next_status) {
    data["next_status"] = status_name(*next);
    data["next_status_label"] = status_label_es(*next);
    data["closing"] = *next == PlanStatus::closed;
  }
  data["can_add_commitment"] = may.add_commitment;
  data["aims"] = aims_options(form_aims(request.form()));
  data["institutions"] = institution_options(ctx.services.plans, document.plan, std::nullopt);
  data["form"] = web::form_state(request, error);
  return ctx.pages.render(request, "plans/plan", data, error ? web::status_for(error->kind) : 200);
}

Response secretariat_page(PageContext ctx, const Request& request, const std::string& slug, const Error* error = nullptr) {
  auto secretariat = ctx.services.secretariats.secretariat(slug).take();
  nlohmann::json data = secretariat_json(secretariat);
  data["title"] = "Secretariado Técnico Tripartita";
  data["slug"] = slug;
  data["sessions"] = sessions_view(ctx.services.sessions, slug);
  data["has_sessions"] = !data["sessions"].empty();
  data["can_manage"] = ctx.services.plans.may_manage_secretariat(request.actor, secretariat.jurisdiction_id);
  data["licenses"] = web::license_options(request.form().text("license"));
  data["form"] = web::form_state(request, error);
  return ctx.pages.render(request, "plans/secretariat", data, error ? web::status_for(error->kind) : 200);
}

Response commitment_page(PageContext ctx, const Request& request, int64_t commitment_id, const Error* error = nullptr) {
  auto commitment = ctx.services.plans.commitment(commitment_id).take();
  auto document = ctx.services.plans.plan(commitment.plan_id).take();
  std::string today = today_iso();
  nlohmann::json data = commitment_view(commitment, today);
  data["title"] = "Compromiso " + std::to_string(commitment.number) + ": " + commitment.title;
  data["institution_name"] = ctx.services.plans.institution_name(commitment.institution_id);
  std::vector<int64_t> milestone_ids;
  for (const auto& m : commitment.milestones) milestone_ids.push_back(m.id);
  bool validator = ctx.services.evidence.may_validate(request.actor, document.plan.jurisdiction_id);
  for (const auto& evidence : ctx.services.evidence.for_milestones(milestone_ids)) {
    for (auto& milestone : data["milestones"]) {
      if (milestone["id"] != evidence.milestone_id) continue;
      nlohmann::json view = evidence.to_json();
      view["validation_label"] = evidence.validation == "validated" ? "Validada por la sociedad civil"
                                 : evidence.validation == "contested" ? "Impugnada por la sociedad civil"
                                                                      : "Sin validar";
      view["can_validate"] = validator;
      milestone["evidence"].push_back(view);
    }
  }
  data["commitment_title"] = commitment.title;
  data["breadcrumbs"] = plan_breadcrumbs(ctx, document.plan, true);
  data["period_text"] = date_range_es(commitment.starts_on, commitment.ends_on);
  data["plan"] = {{"id", document.plan.id}, {"title", document.plan.title}, {"starts_on", document.plan.starts_on},
                  {"ends_on", document.plan.ends_on}, {"status_label", status_label_es(document.plan.status)}};
  CommitmentAbilities may = ctx.services.plans.abilities(request.actor, document.plan, commitment);
  data["can_edit"] = may.edit;
  data["can_report"] = may.report;
  data["can_withdraw"] = may.withdraw;
  if (may.responsible) {
    data["readability"] = {readability_json("Problema público", commitment.problem),
                           readability_json("Objetivo", commitment.objective)};
  }
  data["aims"] = aims_options(commitment.aims);
  data["institutions"] = institution_options(ctx.services.plans, document.plan, commitment.institution_id);
  nlohmann::json measures = nlohmann::json::array();
  for (const auto& measure : ctx.services.plans.measures().all()) {
    measures.push_back({{"value", measure.key}, {"label", measure.label + " (" + measure.unit + ")"}});
  }
  data["measures"] = measures;
  data["form"] = web::form_state(request, error);
  return ctx.pages.render(request, "plans/commitment", data, error ? web::status_for(error->kind) : 200);
}

// Runs a form action: on success redirect with a message; on a validation
// error show the page again with the messages; other errors become error pages.
template <typename Action, typename Page>
Response form_action(Action action, Page page, const std::string& location, const std::string& message) {
  auto result = action();
  if (result.ok()) return redirect_with(location, message);
  const Error& error = result.error();
  if (error.kind == ErrorKind::invalid || error.kind == ErrorKind::conflict) return page(&error);
  throw DomainException(error);
}

// The form's commitment_id as a number, or 0.
int64_t form_commitment_id(const Request& request) {
  std::string text = request.form().text("commitment_id");
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && ptr == text.data() + text.size() && id > 0 ? id : 0;
}

// Where to go back after a form on a commitment's page (only ever a local path).
std::string commitment_location(const Request& request) {
  int64_t id = form_commitment_id(request);
  return id > 0 ? "/compromisos/" + std::to_string(id) : "/planes";
}

// Shows the commitment page named by the form's commitment_id with the
// error, or the error page when the form names none or the error is not about the input.
Response show_form_error(PageContext ctx, const Request& request, const Error& error) {
  int64_t commitment_id = form_commitment_id(request);
  if (commitment_id == 0 || (error.kind != ErrorKind::invalid && error.kind != ErrorKind::conflict)) {
    throw DomainException(error);
  }
  return commitment_page(ctx, request, commitment_id, &error);
}

web::Table overview_table(PlanServices services) {
  std::string today = today_iso();
  web::Table table{{{"jurisdiction_code", "Clave INEGI"}, {"jurisdiction", "Jurisdicción"},
                    {"secretariat_constituted", "Secretariado constituido"}, {"plan_status", "Estado del plan"},
                    {"average_progress_percent", "Avance promedio (%)"}, {"overdue_milestones", "Hitos vencidos"}},
                   {}};
  for (const auto& row : services.plans.overview(today)) {
    table.rows.push_back(overview_row_json(row));
  }
  return table;
}

web::Table commitments_table(const PlanDocument& document) {
  web::Table table{{{"number", "Número"}, {"title", "Compromiso"}, {"aims", "Fines"}, {"institution_id", "Institución"},
                    {"counterpart", "Contraparte"}, {"starts_on", "Inicio"}, {"ends_on", "Término"},
                    {"progress_percent", "Avance (%)"}, {"level", "Nivel de cumplimiento"}},
                   {}};
  for (const auto& c : document.commitments) {
    auto progress = progress_of(c);
    table.rows.push_back({{"number", c.number}, {"title", c.title}, {"aims", c.aims},
                          {"institution_id", c.institution_id ? nlohmann::json(*c.institution_id) : nlohmann::json()},
                          {"counterpart", c.counterpart}, {"starts_on", c.starts_on}, {"ends_on", c.ends_on},
                          {"progress_percent", progress.percent}, {"level", completion_name(progress.level)}});
  }
  return table;
}

web::Table milestones_table(const PlanDocument& document) {
  web::Table table{{{"commitment", "Compromiso"}, {"id", "Hito"}, {"description", "Descripción"},
                    {"responsible", "Responsable"}, {"due_on", "Fecha compromiso"}, {"status", "Estado"},
                    {"completed_on", "Cumplido el"}},
                   {}};
  for (const auto& c : document.commitments) {
    for (const auto& m : c.milestones) {
      nlohmann::json row = m.to_json();
      row["commitment"] = c.number;
      table.rows.push_back(row);
    }
  }
  return table;
}

web::Table indicators_table(const PlanDocument& document) {
  web::Table table{{{"commitment", "Compromiso"}, {"id", "Indicador"}, {"name", "Nombre"}, {"unit", "Unidad"},
                    {"baseline", "Línea base"}, {"target", "Meta"}, {"current_value", "Valor actual"},
                    {"measured_on", "Medido el"}, {"source", "Fuente"}},
                   {}};
  for (const auto& c : document.commitments) {
    for (const auto& indicator : c.indicators) {
      nlohmann::json row = indicator.to_json();
      row["commitment"] = c.number;
      table.rows.push_back(row);
    }
  }
  return table;
}

}  // namespace

std::string form_aims(const web::FormData& form) {
  std::string letters;
  for (const auto& [name, value] : form.pairs()) {
    if (name == "aims") letters += value + ",";
  }
  return letters;
}

std::string jurisdiction_section_html(PlanServices services, const web::Pages& pages, const Request& request,
                                      const jurisdictions::Jurisdiction& jurisdiction) {
  std::string today = today_iso();
  nlohmann::json data = secretariat_json(services.secretariats.secretariat_of(jurisdiction.id, today));
  data["slug"] = jurisdiction.slug;
  auto plans = services.plans.plans_of(jurisdiction.code).take();
  if (!plans.empty()) {
    auto document = services.plans.plan(plans.front().id).take();
    data["plan"] = plan_page_json(document, today);
  }
  return pages.fragment(request, "plans/jurisdiction_section", data);
}

void register_plan_pages(web::Router& router, PlanServices services, const web::Pages& pages) {
  PageContext ctx{services, pages};

  router.get("/planes", [ctx](Request& request) {
    auto table = overview_table(ctx.services);
    return ctx.pages.render(request, "plans/overview", {{"title", "Planes de acción locales"}, {"rows", table.rows}});
  });
  for (std::string format : {"csv", "json"}) {
    router.get("/planes." + format, [ctx, format](Request&) {
      return web::download(overview_table(ctx.services), "planes-de-accion", format);
    });
    router.get("/planes/{id}/compromisos." + format, [ctx, format](Request& request) {
      auto document = ctx.services.plans.plan(id_param(request, "id", "el plan")).take();
      return web::download(commitments_table(document), "plan-" + std::to_string(document.plan.id) + "-compromisos", format,
                           document.plan.license_terms());
    });
    router.get("/planes/{id}/indicadores." + format, [ctx, format](Request& request) {
      auto document = ctx.services.plans.plan(id_param(request, "id", "el plan")).take();
      return web::download(indicators_table(document), "plan-" + std::to_string(document.plan.id) + "-indicadores", format,
                           document.plan.license_terms());
    });
    router.get("/planes/{id}/hitos." + format, [ctx, format](Request& request) {
      auto document = ctx.services.plans.plan(id_param(request, "id", "el plan")).take();
      return web::download(milestones_table(document), "plan-" + std::to_string(document.plan.id) + "-hitos", format,
                           document.plan.license_terms());
    });
  }

  router.get("/jurisdicciones/{slug}/secretariado", [ctx](Request& request) {
    return secretariat_page(ctx, request, request.param("slug"));
  });
  router.post("/jurisdicciones/{slug}/secretariado", [ctx](Request& request) {
    const auto& f = request.form();
    std::string slug = request.param("slug");
    auto result = ctx.services.secretariats.add_member(
        request.actor, slug,
        {f.text("name"), f.text("sector"), f.text("organization"), f.text("position"), f.text("starts_on"), f.text("ends_on"),
         f.text("account_email")});
    if (result.ok()) return redirect_with("/jurisdicciones/" + slug + "/secretariado", "Registramos a " + result->name + ".");
    if (result.error().kind != ErrorKind::invalid) throw DomainException(result.error());
    return secretariat_page(ctx, request, slug, &result.error());
  });

  router.post("/jurisdicciones/{slug}/planes", [ctx](Request& request) {
    const auto& f = request.form();
    auto plan = ctx.services.plans.create_plan(request.actor, request.param("slug"),
                                               {f.text("title"), f.text("starts_on"), f.text("ends_on"), f.text("period_exception"),
                                                f.text("license")})
                    .take();
    return redirect_with("/planes/" + std::to_string(plan.id), "Creamos el plan en borrador.");
  });

  router.get("/planes/{id}", [ctx](Request& request) { return plan_page(ctx, request, id_param(request, "id", "el plan")); });
  router.get("/planes/{id}/plan.json", [ctx](Request& request) {
    auto document = ctx.services.plans.plan(id_param(request, "id", "el plan")).take();
    Response response = Response::json(plan_document_json(document, today_iso()));
    response.set_header("Content-Disposition", "attachment; filename=\"plan-" + std::to_string(document.plan.id) + ".json\"");
    return response;
  });
  router.post("/planes/{id}/estado", [ctx](Request& request) {
    int64_t id = id_param(request, "id", "el plan");
    return form_action(
        [&] { return ctx.services.plans.change_status(request.actor, id, request.form().text("status"), request.form().text("self_assessment")); },
        [&](const Error* e) { return plan_page(ctx, request, id, e); }, "/planes/" + std::to_string(id),
        "El plan cambió de estado.");
  });
  router.post("/planes/{id}/compromisos", [ctx](Request& request) {
    int64_t id = id_param(request, "id", "el plan");
    return form_action([&] { return ctx.services.plans.add_commitment(request.actor, id, commitment_from_form(request.form())); },
                       [&](const Error* e) { return plan_page(ctx, request, id, e); }, "/planes/" + std::to_string(id),
                       "Agregamos el compromiso.");
  });

  router.get("/compromisos/{id}", [ctx](Request& request) {
    return commitment_page(ctx, request, id_param(request, "id", "el compromiso"));
  });
  router.post("/compromisos/{id}", [ctx](Request& request) {
    int64_t id = id_param(request, "id", "el compromiso");
    return form_action([&] { return ctx.services.plans.update_commitment(request.actor, id, commitment_from_form(request.form())); },
                       [&](const Error* e) { return commitment_page(ctx, request, id, e); },
                       "/compromisos/" + std::to_string(id), "Guardamos los cambios del compromiso.");
  });
  router.post("/compromisos/{id}/retiro", [ctx](Request& request) {
    int64_t id = id_param(request, "id", "el compromiso");
    return form_action([&] { return ctx.services.plans.withdraw_commitment(request.actor, id, request.form().text("withdrawn_reason")); },
                       [&](const Error* e) { return commitment_page(ctx, request, id, e); },
                       "/compromisos/" + std::to_string(id), "El compromiso quedó retirado.");
  });
  router.post("/compromisos/{id}/hitos", [ctx](Request& request) {
    int64_t id = id_param(request, "id", "el compromiso");
    const auto& f = request.form();
    return form_action(
        [&] { return ctx.services.plans.add_milestone(request.actor, id, {f.text("description"), f.text("responsible"), f.text("due_on"), f.text("weight")}); },
        [&](const Error* e) { return commitment_page(ctx, request, id, e); }, "/compromisos/" + std::to_string(id),
        "Agregamos el hito.");
  });
  router.post("/compromisos/{id}/indicadores", [ctx](Request& request) {
    int64_t id = id_param(request, "id", "el compromiso");
    const auto& f = request.form();
    return form_action(
        [&] {
          return ctx.services.plans.add_indicator(request.actor, id, {f.text("name"), f.text("unit"), f.text("baseline"),
                                                                      f.text("target"), f.text("source"), f.text("measure"),
                                                                      f.text("measure_institution")});
        },
        [&](const Error* e) { return commitment_page(ctx, request, id, e); }, "/compromisos/" + std::to_string(id),
        "Agregamos el indicador.");
  });
  router.post("/hitos/{id}/evidencias", [ctx](Request& request) {
    int64_t milestone_id = id_param(request, "id", "el hito");
    const auto& f = request.form();
    const auto& uploads = request.uploads();
    bool has_file = !uploads.empty() && !uploads.front().data.empty();
    bool has_contract = !trim(f.text("contract_ocid")).empty();
    auto result = has_file       ? ctx.services.evidence.add_file(request.actor, milestone_id, f.text("title"),
                                                                  *uploads.front().filename, uploads.front().data)
                  : has_contract ? ctx.services.evidence.add_contract(request.actor, milestone_id, f.text("title"),
                                                                      f.text("contract_ocid"))
                                 : ctx.services.evidence.add_link(request.actor, milestone_id, f.text("title"),
                                                                  f.text("url"));
    if (!result.ok()) return show_form_error(ctx, request, result.error());
    return redirect_with(commitment_location(request), "Agregamos la evidencia.");
  });
  router.post("/evidencias/{id}/validacion", [ctx](Request& request) {
    const auto& f = request.form();
    auto result = ctx.services.evidence.validate(request.actor, id_param(request, "id", "la evidencia"),
                                                 f.text("validation"), f.text("validation_comment"));
    if (!result.ok()) return show_form_error(ctx, request, result.error());
    return redirect_with(commitment_location(request), "Registramos tu revisión de la evidencia.");
  });
  router.get("/evidencias/{id}", [ctx](Request& request) {
    auto evidence = ctx.services.evidence.find(id_param(request, "id", "la evidencia")).take();
    if (evidence.kind == "link") return Response::redirect(evidence.url, 302);
    return Response::stored_file(evidence.content_type, evidence.file_name, ctx.services.evidence.content(evidence).take());
  });

  // Progress forms carry the commitment's id so a rejected report can show its page again.
  router.post("/hitos/{id}/avance", [ctx](Request& request) {
    const auto& f = request.form();
    auto result = ctx.services.plans.report_milestone(request.actor, id_param(request, "id", "el hito"), f.text("status"),
                                                      f.text("completed_on"));
    if (result.ok()) {
      return redirect_with("/compromisos/" + std::to_string(result->commitment_id), "Registramos el avance del hito.");
    }
    return show_form_error(ctx, request, result.error());
  });
  router.post("/indicadores/{id}/valor", [ctx](Request& request) {
    const auto& f = request.form();
    auto result = ctx.services.plans.record_indicator(request.actor, id_param(request, "id", "el indicador"),
                                                      f.text("value"), f.text("measured_on"));
    if (result.ok()) {
      return redirect_with("/compromisos/" + std::to_string(result->commitment_id), "Registramos el valor del indicador.");
    }
    return show_form_error(ctx, request, result.error());
  });
}

}  // namespace apertura::plans
