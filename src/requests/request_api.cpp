#include "requests/request_inputs.h"
#include "requests/request_routes.h"
#include "requests/request_views.h"
#include "web/api.h"
#include "web/pagination.h"

namespace apertura::requests {

using web::Request;
using web::text_field;

void register_request_api(web::Router& router, RouteContext ctx) {
  router.get("/api/v1/requests", [ctx](Request& request) {
    auto page = web::PageRequest::from(request);
    auto result = ctx.requests.search(query_of(request), {page.per_page, page.offset()}).take();
    nlohmann::json items = nlohmann::json::array();
    for (auto& row : rows_of(ctx, result.items)) items.push_back(std::move(row));
    return web::api_list(request, items, page, result.total, result.total_is_lower_bound);
  });
  router.post("/api/v1/requests", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    FilingInput input;
    if (body.contains("institution_ids") && body["institution_ids"].is_array()) {
      for (const auto& id : body["institution_ids"]) input.institution_ids.push_back(id.is_number_integer() ? id.get<int64_t>() : -1);
    }
    input.requester_name = text_field(body, "requester_name");
    input.show_name = body.contains("show_name") && body["show_name"] == true;
    input.contact = text_field(body, "contact");
    input.description = text_field(body, "description");
    input.location_hint = text_field(body, "location_hint");
    input.topic = text_field(body, "topic");
    input.delivery = text_field(body, "delivery");
    input.notify_by = text_field(body, "notify_by");
    input.channel = text_field(body, "channel");
    input.remote_address = request.remote_address;
    auto filed = ctx.requests.file(request.actor, input).take();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : filed) {
      nlohmann::json view = document_view(ctx.requests.find(item.folio).take());
      view["requester_key"] = item.requester_key;
      items.push_back(std::move(view));
    }
    return web::api_item({{"items", items}}, 201);
  });
  router.get("/api/v1/requests/{folio}", [ctx](Request& request) {
    return web::api_item(document_view(ctx.requests.find(request.param("folio")).take()));
  });
  router.get("/api/v1/requests/stats", [ctx](Request& request) {
    auto stats = ctx.requests.statistics(stats_query_of(request)).take();
    nlohmann::json institutions = nlohmann::json::array();
    for (const auto& tally : stats.institutions) institutions.push_back(tally_json(tally));
    nlohmann::json years = stats.years;
    return web::api_item({{"year", stats.year},
                          {"jurisdiction", stats.jurisdiction_slug.empty() ? nlohmann::json() : nlohmann::json(stats.jurisdiction_slug)},
                          {"total", tally_json(stats.total)},
                          {"institutions", institutions},
                          {"years", years}});
  });
  router.get("/api/v1/requests/queue", [ctx](Request& request) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : ctx.requests.queue(request.actor).take()) items.push_back(queue_item_view(item));
    return web::api_item({{"items", items}});
  });
  // JSON, or multipart/form-data with the same fields and "files" parts.
  router.post("/api/v1/requests/{folio}/steps", [ctx](Request& request) {
    WorkInput input;
    if (web::multipart_boundary(request.header("content-type"))) {
      input = work_from_form(request);
    } else {
      input = work_from_json(web::read_json_object(request));
    }
    auto result = ctx.requests.work(request.actor, request.param("folio"), input);
    return web::api_item(document_view(ctx.requests.find(std::move(result).take().folio).take()));
  });
  router.post("/api/v1/requests/{folio}/clarification", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    auto result = ctx.requests.clarify(request.actor, request.param("folio"), text_field(body, "key"), text_field(body, "text"));
    return web::api_item(document_view(ctx.requests.find(std::move(result).take().folio).take()));
  });
  router.post("/api/v1/requests/{folio}/redactions", [ctx](Request& request) {
    auto result = ctx.requests.redact(request.actor, request.param("folio"), redaction_from_json(web::read_json_object(request)));
    return web::api_item(document_view(ctx.requests.find(std::move(result).take().folio).take()), 201);
  });
  router.post("/api/v1/requests/{folio}/files/{id}/redaction", [ctx](Request& request) {
    if (!web::multipart_boundary(request.header("content-type"))) {
      throw DomainException(Error::bad_request("Envía la versión testada como multipart/form-data, en el campo «file», con «reason»."));
    }
    ctx.requests
        .redact_file(request.actor, request.param("folio"), web::id_param(request, "id", "el archivo"),
                     upload_of(request, "file"), request.form().text("reason"))
        .take();
    return web::api_item(document_view(ctx.requests.find(request.param("folio")).take()));
  });
  router.post("/api/v1/requests/{folio}/appeal", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    auto appeal = ctx.requests.appeal(request.actor, request.param("folio"),
                                      {text_field(body, "ground"), text_field(body, "reasons"), text_field(body, "key")});
    return web::api_item(document_view(ctx.requests.find(std::move(appeal).take().folio()).take()), 201);
  });
  // JSON, or multipart/form-data with the same fields and "files" parts (to report compliance).
  router.post("/api/v1/requests/{folio}/appeal/steps", [ctx](Request& request) {
    AppealStepInput input = web::multipart_boundary(request.header("content-type"))
                                ? appeal_step_from_form(request)
                                : appeal_step_from_json(web::read_json_object(request));
    auto appeal = ctx.requests.work_appeal(request.actor, request.param("folio"), input);
    return web::api_item(document_view(ctx.requests.find(std::move(appeal).take().folio()).take()));
  });
  router.get("/api/v1/appeals", [ctx](Request& request) {
    auto page = web::PageRequest::from(request);
    auto result = ctx.requests.appeals(appeal_query_of(request), {page.per_page, page.offset()}).take();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : result.items) items.push_back(appeal_item_view(item));
    return web::api_list(request, items, page, result.total);
  });
  router.get("/api/v1/request-guarantors", [ctx](Request&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : ctx.requests.guarantors()) items.push_back(guarantor_view(row));
    return web::api_item({{"items", items}});
  });
  router.add("PUT", "/api/v1/request-guarantors/{jurisdiction}", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    int64_t institution = body.contains("institution_id") && body["institution_id"].is_number_integer()
                              ? body["institution_id"].get<int64_t>()
                              : -1;
    return web::api_item(guarantor_view(ctx.requests.set_guarantor(request.actor, request.param("jurisdiction"), institution).take()));
  });
  router.post("/api/v1/requests/{folio}/cost", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    ctx.requests.work_cost(request.actor, request.param("folio"), cost_step_from_json(body)).take();
    return web::api_item(document_view(ctx.requests.find(request.param("folio")).take()));
  });
  router.add("PUT", "/api/v1/requests/{folio}/topic", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    int64_t version = body.contains("version") && body["version"].is_number_integer() ? body["version"].get<int64_t>() : -1;
    ctx.requests.set_topic(request.actor, request.param("folio"), text_field(body, "topic"), version).take();
    return web::api_item(document_view(ctx.requests.find(request.param("folio")).take()));
  });
  router.get("/api/v1/request-topics", [ctx](Request&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [slug, name] : ctx.requests.topics()) items.push_back({{"slug", slug}, {"name", name}});
    return web::api_item({{"items", items}});
  });
  router.get("/api/v1/request-fees", [ctx](Request&) { return web::api_item({{"items", fee_schedule_rows(ctx)}}); });
  router.post("/api/v1/request-fees", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    auto saved = ctx.requests.save_fee_schedule(request.actor, fee_schedule_from_json(body)).take();
    return web::api_item(fee_schedule_view(saved, jurisdiction_name_of(ctx, saved.jurisdiction_code)));
  });
  router.get("/api/v1/request-regimes", [ctx](Request&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& regime : ctx.requests.regimes()) items.push_back(regime.to_json());
    return web::api_item({{"items", items}});
  });
  router.post("/api/v1/request-regimes", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    return web::api_item(ctx.requests.add_regime(request.actor, regime_from_json(body)).take().to_json(), 201);
  });
  router.add("PUT", "/api/v1/request-regimes/{id}", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    int64_t version = body.contains("version") && body["version"].is_number_integer() ? body["version"].get<int64_t>() : -1;
    return web::api_item(
        ctx.requests.amend_regime(request.actor, web::id_param(request, "id", "el régimen"), version, regime_from_json(body))
            .take()
            .to_json());
  });
  router.get("/api/v1/closed-days", [ctx](Request&) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : ctx.requests.closed_days()) items.push_back(closed_days_view(row));
    return web::api_item({{"items", items}});
  });
  router.post("/api/v1/closed-days", [ctx](Request& request) {
    auto body = web::read_json_object(request);
    int64_t moved = ctx.requests
                        .add_closed_days(request.actor, {text_field(body, "jurisdiction"), text_field(body, "from"),
                                                         text_field(body, "to"), text_field(body, "kind"),
                                                         text_field(body, "basis")})
                        .take();
    return web::api_item({{"requests_moved", moved}}, 201);
  });
}

}  // namespace apertura::requests
