#include "core/date.h"
#include "core/readability.h"
#include "plans/plan_routes.h"
#include "plans/plan_views.h"
#include "web/api.h"

namespace apertura::plans {

namespace {

using web::Request;
using web::text_field;

CommitmentInput commitment_from_json(const nlohmann::json& body) {
  nlohmann::json aims = body.contains("aims") ? body["aims"] : nlohmann::json();
  std::string aim_text;
  if (aims.is_array()) {
    for (const auto& a : aims) {
      if (!a.is_string()) throw DomainException(Error::invalid("Los fines son letras de la a a la n.", {{"aims", "cada fin es una letra"}}));
      aim_text += a.get<std::string>() + ",";
    }
  } else {
    aim_text = text_field(body, "aims");
  }
  auto number = body.contains("number") && body["number"].is_number_integer() ? std::to_string(body["number"].get<int64_t>())
                                                                              : text_field(body, "number");
  auto institution = body.contains("institution_id") && body["institution_id"].is_number_integer()
                         ? std::to_string(body["institution_id"].get<int64_t>())
                         : text_field(body, "institution_id");
  return {number, text_field(body, "title"), text_field(body, "problem"), text_field(body, "objective"), aim_text,
          institution, text_field(body, "counterpart"), text_field(body, "starts_on"), text_field(body, "ends_on"),
          text_field(body, "progress_method")};
}

// Numbers may come as JSON numbers or as text.
std::string number_field(const nlohmann::json& body, const char* name) {
  auto it = body.find(name);
  if (it != body.end() && it->is_number()) return it->dump();
  return text_field(body, name);
}

}  // namespace

void register_plan_api(web::Router& router, PlanServices services) {
  auto& plans = services.plans;
  auto& secretariats = services.secretariats;

  router.get("/api/v1/jurisdictions/{code}/secretariat", [&secretariats](Request& request) {
    return web::api_item(secretariat_json(secretariats.secretariat(request.param("code")).take()));
  });
  router.post("/api/v1/jurisdictions/{code}/secretariat/members", [&secretariats](Request& request) {
    auto body = web::read_json_object(request);
    auto member = secretariats.add_member(request.actor, request.param("code"),
                                          {text_field(body, "name"), text_field(body, "sector"),
                                           text_field(body, "organization"), text_field(body, "position"),
                                           text_field(body, "starts_on"), text_field(body, "ends_on"),
                                           text_field(body, "account_email")});
    return web::api_item(std::move(member).take().to_json(), 201);
  });
  router.get("/api/v1/jurisdictions/{code}/plans", [&plans](Request& request) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& plan : plans.plans_of(request.param("code")).take()) items.push_back(plan.to_json());
    return web::api_all(request, items);
  });
  router.post("/api/v1/jurisdictions/{code}/plans", [&plans](Request& request) {
    auto body = web::read_json_object(request);
    auto plan = plans.create_plan(request.actor, request.param("code"),
                                  {text_field(body, "title"), text_field(body, "starts_on"), text_field(body, "ends_on"),
                                   text_field(body, "period_exception"), text_field(body, "license")});
    return web::api_item(std::move(plan).take().to_json(), 201);
  });
  router.get("/api/v1/overview", [&plans](Request& request) {
    std::string today = today_iso();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : plans.overview(today)) {
      items.push_back(overview_row_json(row));
    }
    return web::api_all(request, items);
  });
  router.get("/api/v1/plans/{id}", [&plans](Request& request) {
    auto document = plans.plan(id_param(request, "id", "el plan")).take();
    return web::api_item(plan_document_json(document, today_iso()));
  });
  router.post("/api/v1/plans/{id}/status", [&plans](Request& request) {
    auto body = web::read_json_object(request);
    auto plan = plans.change_status(request.actor, id_param(request, "id", "el plan"), text_field(body, "status"),
                                    text_field(body, "self_assessment"));
    return web::api_item(std::move(plan).take().to_json());
  });
  router.post("/api/v1/plans/{id}/commitments", [&plans](Request& request) {
    auto body = web::read_json_object(request);
    auto commitment = plans.add_commitment(request.actor, id_param(request, "id", "el plan"), commitment_from_json(body));
    return web::api_item(commitment_view(std::move(commitment).take(), today_iso()), 201);
  });
  router.get("/api/v1/commitments/{id}", [&plans](Request& request) {
    return web::api_item(commitment_view(plans.commitment(id_param(request, "id", "el compromiso")).take(), today_iso()));
  });
  router.add("PUT", "/api/v1/commitments/{id}", [&plans](Request& request) {
    auto body = web::read_json_object(request);
    auto commitment =
        plans.update_commitment(request.actor, id_param(request, "id", "el compromiso"), commitment_from_json(body));
    return web::api_item(commitment_view(std::move(commitment).take(), today_iso()));
  });
  router.post("/api/v1/commitments/{id}/withdrawal", [&plans](Request& request) {
    auto body = web::read_json_object(request);
    auto commitment = plans.withdraw_commitment(request.actor, id_param(request, "id", "el compromiso"), text_field(body, "reason"));
    return web::api_item(commitment_view(std::move(commitment).take(), today_iso()));
  });
  router.post("/api/v1/commitments/{id}/milestones", [&plans](Request& request) {
    auto body = web::read_json_object(request);
    auto milestone = plans.add_milestone(request.actor, id_param(request, "id", "el compromiso"),
                                         {text_field(body, "description"), text_field(body, "responsible"),
                                          text_field(body, "due_on"), number_field(body, "weight")});
    return web::api_item(std::move(milestone).take().to_json(), 201);
  });
  router.post("/api/v1/milestones/{id}/report", [&plans](Request& request) {
    auto body = web::read_json_object(request);
    auto milestone = plans.report_milestone(request.actor, id_param(request, "id", "el hito"), text_field(body, "status"),
                                            text_field(body, "completed_on"));
    return web::api_item(std::move(milestone).take().to_json());
  });
  router.post("/api/v1/commitments/{id}/indicators", [&plans](Request& request) {
    auto body = web::read_json_object(request);
    auto indicator = plans.add_indicator(request.actor, id_param(request, "id", "el compromiso"),
                                         {text_field(body, "name"), text_field(body, "unit"), number_field(body, "baseline"),
                                          number_field(body, "target"), text_field(body, "source"), text_field(body, "measure"),
                                          number_field(body, "measure_institution_id")});
    return web::api_item(std::move(indicator).take().to_json(), 201);
  });
  router.post("/api/v1/indicators/{id}/values", [&plans](Request& request) {
    auto body = web::read_json_object(request);
    auto indicator = plans.record_indicator(request.actor, id_param(request, "id", "el indicador"),
                                            number_field(body, "value"), text_field(body, "measured_on"));
    return web::api_item(std::move(indicator).take().to_json());
  });
  router.get("/api/v1/milestones/{id}/evidence", [services](Request& request) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : services.evidence.for_milestones({id_param(request, "id", "el hito")})) items.push_back(e.to_json());
    return web::api_all(request, items);
  });
  // A link as JSON ({"title", "url"}), a contracting process ({"title", "contract_ocid"}), or a file as
  // multipart/form-data (fields title and file).
  router.post("/api/v1/milestones/{id}/evidence", [services](Request& request) {
    int64_t milestone_id = id_param(request, "id", "el hito");
    if (!request.uploads().empty()) {
      const auto& file = request.uploads().front();
      return web::api_item(services.evidence.add_file(request.actor, milestone_id, request.form().text("title"),
                                                      *file.filename, file.data).take().to_json(), 201);
    }
    auto body = web::read_json_object(request);
    if (!text_field(body, "contract_ocid").empty()) {
      return web::api_item(services.evidence.add_contract(request.actor, milestone_id, text_field(body, "title"),
                                                          text_field(body, "contract_ocid")).take().to_json(), 201);
    }
    return web::api_item(services.evidence.add_link(request.actor, milestone_id, text_field(body, "title"),
                                                    text_field(body, "url")).take().to_json(), 201);
  });
  router.post("/api/v1/evidence/{id}/validation", [services](Request& request) {
    auto body = web::read_json_object(request);
    auto evidence = services.evidence.validate(request.actor, id_param(request, "id", "la evidencia"),
                                               text_field(body, "validation"), text_field(body, "comment"));
    return web::api_item(std::move(evidence).take().to_json());
  });
  router.post("/api/v1/readability", [](Request& request) {
    auto body = web::read_json_object(request);
    Readability r = measure_readability(text_field(body, "text"));
    return web::api_item({{"words", r.words},
                          {"sentences", r.sentences},
                          {"syllables", r.syllables},
                          {"fernandez_huerta", r.fernandez_huerta},
                          {"fernandez_huerta_band", r.fernandez_huerta_band},
                          {"szigriszt_pazos", r.szigriszt_pazos},
                          {"inflesz_band", r.inflesz_band},
                          {"long_sentences", r.long_sentences}});
  });
}

}  // namespace apertura::plans
