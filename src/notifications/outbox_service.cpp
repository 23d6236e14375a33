#include "notifications/outbox_service.h"

#include "notifications/messages.h"
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
    return Error::forbidden(say(Msg::outbox_is_portal_wide));
  }
  auto connection = database_.connect();
  return Outbox::page(*connection, slice);
}

}  // namespace apertura::notifications
