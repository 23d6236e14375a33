#include "notifications/outbox.h"

#include <spdlog/spdlog.h>

#include "core/clock.h"

namespace apertura::notifications {

int64_t Outbox::enqueue(store::Connection& connection, const std::string& recipient,
                        const std::string& subject, const std::string& body) {
  int64_t id = connection.insert_returning_id(
      "INSERT INTO outbox (recipient, subject, body, created_at) VALUES (?, ?, ?, ?) RETURNING id",
      {recipient, subject, body, now_timestamp()});
  spdlog::info("outbox message {} to {}: {}\n{}", id, recipient, subject, body);
  return id;
}

std::vector<Message> Outbox::latest_for(store::Connection& connection, const std::string& recipient,
                                        int64_t limit) {
  std::vector<Message> messages;
  for (const auto& row : connection.query(
           "SELECT id, recipient, subject, body, created_at FROM outbox WHERE recipient = ? "
           "ORDER BY id DESC LIMIT ?",
           {recipient, limit})) {
    messages.push_back({row.integer("id"), row.text("recipient"), row.text("subject"),
                        row.text("body"), row.text("created_at")});
  }
  return messages;
}

}  // namespace apertura::notifications
