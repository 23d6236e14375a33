#include "notifications/outbox_routes.h"

#include "notifications/delivery_service.h"
#include "web/api.h"
#include "web/pagination.h"

namespace apertura::notifications {

namespace {

using nlohmann::json;
using web::Request;

json message_json(const Message& message) {
  return {{"id", message.id},
          {"recipient", message.recipient},
          {"subject", message.subject},
          {"created_at", message.created_at},
          {"status", delivery_status(message, DeliveryService::kMaxAttempts)},
          {"sent_at", message.sent_at ? json(*message.sent_at) : json(nullptr)},
          {"attempts", message.attempts},
          {"last_error", message.last_error},
          {"next_attempt_at", message.next_attempt_at ? json(*message.next_attempt_at) : json(nullptr)}};
}

std::string status_label(const std::string& status) {
  if (status == "sent") return "Enviado";
  if (status == "waiting") return "En espera";
  if (status == "retrying") return "Se reintentará";
  return "No se pudo enviar";
}

}  // namespace

void register_outbox_routes(web::Router& router, OutboxService& service, const web::Pages& pages,
                            bool mail_delivered) {
  router.get("/admin/mensajes", [&service, &pages, mail_delivered](Request& request) {
    auto page = web::PageRequest::from(request, 50);
    auto messages = service.list(request.actor, {page.per_page, page.offset()}).take();
    json rows = json::array();
    for (const auto& message : messages.items) {
      json row = message_json(message);
      row["status_label"] = status_label(row["status"]);
      rows.push_back(std::move(row));
    }
    return pages.render(request, "notifications/outbox",
                        {{"title", "Mensajes salientes"},
                         {"messages", rows},
                         {"has_messages", !rows.empty()},
                         {"total", messages.total},
                         {"mail_delivered", mail_delivered},
                         {"pagination", web::pagination_view(request, page, messages.total)}});
  });
  router.get("/api/v1/outbox", [&service](Request& request) {
    auto page = web::PageRequest::from(request);
    auto messages = service.list(request.actor, {page.per_page, page.offset()}).take();
    json items = json::array();
    for (const auto& message : messages.items) items.push_back(message_json(message));
    return web::api_list(request, items, page, messages.total);
  });
}

}  // namespace apertura::notifications
