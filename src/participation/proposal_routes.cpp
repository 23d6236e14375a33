#include "participation/proposal_routes.h"

#include "participation/messages.h"
#include "plans/messages.h"
#include "plans/plan_routes.h"
#include "web/api.h"
#include "web/downloads.h"
#include "web/pagination.h"

namespace apertura::participation {

namespace {

using web::Request;
using web::Response;
using web::text_field;

nlohmann::json proposal_view(const Proposal& p) {
  nlohmann::json view = p.to_json();
  view["status_label"] = proposal_status_label_es(p.status);
  view["kind_label"] = p.kind == ProposalKind::problem ? "Problema público" : "Propuesta";
  view["answered"] = p.status != ProposalStatus::open;
  view["url"] = "/propuestas/" + std::to_string(p.id);
  view["commitment_url"] = p.commitment_id ? nlohmann::json("/compromisos/" + std::to_string(*p.commitment_id)) : nlohmann::json();
  return view;
}

// The commitments a proposal of this jurisdiction can become, newest plan first.
nlohmann::json commitment_choices(plans::PlanService& plans, int64_t jurisdiction_id) {
  nlohmann::json choices = nlohmann::json::array();
  for (const auto& plan : plans.plans_in(jurisdiction_id)) {
    auto document = plans.plan(plan.id);
    if (!document) continue;
    for (const auto& c : document->commitments) {
      choices.push_back({{"id", c.id}, {"label", plan.title + " — compromiso " + std::to_string(c.number) + ": " + c.title}});
    }
  }
  return choices;
}

web::Table proposals_table(const std::vector<Proposal>& items) {
  web::Table table{{{"id", "Número"}, {"kind", "Tipo"}, {"title", "Título"}, {"author_name", "Autoría"},
                    {"created_at", "Fecha"}, {"supports", "Apoyos"}, {"status", "Estado"}, {"answer", "Respuesta"},
                    {"commitment_id", "Compromiso"}},
                   {}};
  for (const auto& p : items) table.rows.push_back(p.to_json());
  return table;
}

struct Context {
  ProposalService& proposals;
  plans::PlanService& plans;
  const web::Pages& pages;
};

Response list_page(Context ctx, const Request& request, const Error* error = nullptr) {
  std::string slug = request.param("slug");
  auto page = web::PageRequest::from(request, 30);
  auto result = ctx.proposals.for_jurisdiction(slug, request.query("status").value_or(""), {page.per_page, page.offset()}).take();
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& p : result.items) rows.push_back(proposal_view(p));
  nlohmann::json aims = nlohmann::json::array();
  for (const auto& [letter, label] : plans::declaration_aims()) aims.push_back({{"letter", std::string(1, letter)}, {"label", label}});
  return ctx.pages.render(request, "participation/proposals",
                          {{"title", "Problemas y propuestas ciudadanas"},
                           {"slug", slug},
                           {"proposals", rows},
                           {"has_proposals", !rows.empty()},
                           {"pagination", web::pagination_view(request, page, result.total)},
                           {"can_submit", ctx.proposals.may_submit(request.actor)},
                           {"aims", aims},
                           {"form", web::form_state(request, error)}},
                          error ? web::status_for(error->kind) : 200);
}

Response detail_page(Context ctx, const Request& request, int64_t id, const Error* error = nullptr) {
  Proposal proposal = ctx.proposals.find(id).take();
  nlohmann::json data = proposal_view(proposal);
  data["page_title"] = proposal.title;
  nlohmann::json comments = nlohmann::json::array();
  for (const auto& c : ctx.proposals.comments(id)) comments.push_back(c.to_json());
  data["comments"] = comments;
  data["signed_in"] = request.actor.signed_in();
  data["can_answer"] = ctx.proposals.may_answer(request.actor, proposal);
  if (data["can_answer"].get<bool>()) {
    data["commitments"] = commitment_choices(ctx.plans, proposal.jurisdiction_id);
  }
  data["form"] = web::form_state(request, error);
  data["title"] = proposal.title;
  return ctx.pages.render(request, "participation/proposal", data, error ? web::status_for(error->kind) : 200);
}

template <typename Action>
Response act(Context ctx, const Request& request, int64_t id, Action action, const std::string& message) {
  auto result = action();
  if (result.ok()) {
    Response response = Response::redirect("/propuestas/" + std::to_string(id));
    web::set_flash(response, message);
    return response;
  }
  if (result.error().kind == ErrorKind::invalid || result.error().kind == ErrorKind::conflict) {
    return detail_page(ctx, request, id, &result.error());
  }
  throw DomainException(result.error());
}

}  // namespace

void register_proposal_routes(web::Router& router, ProposalService& proposals, plans::PlanService& plans, const web::Pages& pages) {
  Context ctx{proposals, plans, pages};

  router.get("/propuestas/mias", [ctx](Request& request) {
    if (!request.actor.signed_in()) return Response::redirect("/entrar?next=%2Fpropuestas%2Fmias");
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : ctx.proposals.mine(request.actor)) rows.push_back(proposal_view(p));
    return ctx.pages.render(request, "participation/my_proposals",
                            {{"title", "Mis propuestas"}, {"proposals", rows}, {"has_proposals", !rows.empty()}});
  });
  router.get("/jurisdicciones/{slug}/propuestas", [ctx](Request& request) { return list_page(ctx, request); });
  for (std::string format : {"csv", "json"}) {
    router.get("/jurisdicciones/{slug}/propuestas." + format, [ctx, format](Request& request) {
      auto result = ctx.proposals.for_jurisdiction(request.param("slug"), "", {web::kMaxDownloadRows, 0}).take();
      return web::download(proposals_table(result.items), "propuestas-" + request.param("slug"), format);
    });
  }
  router.post("/jurisdicciones/{slug}/propuestas", [ctx](Request& request) {
    if (!request.actor.signed_in()) throw DomainException(Error::unauthenticated("Inicia sesión para proponer."));
    const auto& f = request.form();
    auto result = ctx.proposals.submit(request.actor, request.param("slug"),
                                       {f.text("kind"), f.text("title"), f.text("description"), plans::form_aims(f), f.text("location")});
    if (!result.ok()) {
      if (result.error().kind != ErrorKind::invalid) throw DomainException(result.error());
      return list_page(ctx, request, &result.error());
    }
    Response response = Response::redirect("/propuestas/" + std::to_string(result->id));
    web::set_flash(response, "Recibimos tu propuesta. El secretariado responderá aquí y en «Mis propuestas».");
    return response;
  });
  router.get("/propuestas/{id}", [ctx](Request& request) {
    return detail_page(ctx, request, web::id_param(request, "id", "la propuesta"));
  });
  router.post("/propuestas/{id}/apoyos", [ctx](Request& request) {
    int64_t id = web::id_param(request, "id", "la propuesta");
    return act(ctx, request, id, [&] { return ctx.proposals.support(request.actor, id); }, "Gracias por tu apoyo.");
  });
  router.post("/propuestas/{id}/comentarios", [ctx](Request& request) {
    int64_t id = web::id_param(request, "id", "la propuesta");
    return act(ctx, request, id, [&] { return ctx.proposals.comment(request.actor, id, request.form().text("body")); },
               "Publicamos tu comentario.");
  });
  router.post("/propuestas/{id}/respuesta", [ctx](Request& request) {
    int64_t id = web::id_param(request, "id", "la propuesta");
    const auto& f = request.form();
    return act(ctx, request, id,
               [&] { return ctx.proposals.answer(request.actor, id, {f.text("status"), f.text("answer"), f.text("commitment_id")}); },
               "Registramos la respuesta.");
  });

  router.get("/api/v1/jurisdictions/{code}/proposals", [ctx](Request& request) {
    auto page = web::PageRequest::from(request);
    auto result = ctx.proposals.for_jurisdiction(request.param("code"), request.query("status").value_or(""),
                                                 {page.per_page, page.offset()}).take();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : result.items) items.push_back(p.to_json());
    return web::api_list(request, items, page, result.total);
  });
  router.post("/api/v1/jurisdictions/{code}/proposals", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    std::string aims;
    if (body.contains("aims") && body["aims"].is_array()) {
      for (const auto& a : body["aims"]) aims += (a.is_string() ? a.get<std::string>() : std::string("?")) + ",";
    } else {
      aims = text_field(body, "aims");
    }
    auto proposal = ctx.proposals.submit(request.actor, request.param("code"),
                                         {text_field(body, "kind"), text_field(body, "title"),
                                          text_field(body, "description"), aims, text_field(body, "location")});
    return web::api_item(std::move(proposal).take().to_json(), 201);
  });
  router.get("/api/v1/proposals/{id}", [ctx](Request& request) {
    int64_t id = web::id_param(request, "id", "la propuesta");
    nlohmann::json data = ctx.proposals.find(id).take().to_json();
    nlohmann::json comments = nlohmann::json::array();
    for (const auto& c : ctx.proposals.comments(id)) comments.push_back(c.to_json());
    data["comments"] = comments;
    return web::api_item(data);
  });
  router.post("/api/v1/proposals/{id}/supports", [ctx](Request& request) {
    return web::api_item(ctx.proposals.support(request.actor, web::id_param(request, "id", "la propuesta")).take().to_json(), 201);
  });
  router.post("/api/v1/proposals/{id}/comments", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    auto comment = ctx.proposals.comment(request.actor, web::id_param(request, "id", "la propuesta"), text_field(body, "body"));
    return web::api_item(std::move(comment).take().to_json(), 201);
  });
  router.post("/api/v1/proposals/{id}/answer", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    std::string commitment = body.contains("commitment_id") && body["commitment_id"].is_number_integer()
                                 ? std::to_string(body["commitment_id"].get<int64_t>())
                                 : text_field(body, "commitment_id");
    auto proposal = ctx.proposals.answer(request.actor, web::id_param(request, "id", "la propuesta"),
                                         {text_field(body, "status"), text_field(body, "answer"), commitment});
    return web::api_item(std::move(proposal).take().to_json());
  });
}

}  // namespace apertura::participation
