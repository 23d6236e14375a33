#pragma once
// Reading the outbox and how each message's delivery went. Rules:
// - only admins without a jurisdiction of their own read it (messages go to
//   accounts of every jurisdiction, and hold reset links);
// - a message's status is "sent" (a server accepted it), "waiting" (not yet
//   tried, or SMTP is not configured), "retrying" (refused, with attempts
//   left) or "failed" (attempts ran out).
#include <string>

#include "core/actor.h"
#include "core/paging.h"
#include "core/result.h"
#include "notifications/outbox.h"
#include "store/database.h"

namespace apertura::notifications {

std::string delivery_status(const Message& message, int64_t max_attempts);

class OutboxService {
 public:
  explicit OutboxService(store::Database& database) : database_(database) {}
  // Newest first.
  Result<Paged<Message>> list(const Actor& actor, const Slice& slice);

 private:
  store::Database& database_;
};

}  // namespace apertura::notifications
