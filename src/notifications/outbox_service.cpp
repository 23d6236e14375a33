#include "notifications/outbox_service.h"

#include "notifications/permissions.h"

namespace apertura::notifications {

std::string delivery_status(const Message& message, int64_t max_attempts) {
  if (message.sent_at) return "sent";
  if (message.attempts == 0) return "waiting";
  return message.attempts < max_attempts ? "retrying" : "failed";
}

Result<Paged<Message>> OutboxService::list(const Actor& actor, const Slice& slice) {
  if (auto error = notification_permissions().check(actor, NotificationAction::view_outbox)) return *error;
  if (actor.jurisdiction_id) {
    return Error::forbidden("La bandeja de salida reúne mensajes de todas las jurisdicciones; la ve la administración "
                            "general del portal.");
  }
  auto connection = database_.connect();
  return Outbox::page(*connection, slice);
}

}  // namespace apertura::notifications
