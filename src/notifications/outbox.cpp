#include "notifications/outbox.h"

#include <spdlog/spdlog.h>

#include "core/clock.h"

namespace apertura::notifications {

namespace {

constexpr const char* kColumns =
    "SELECT id, recipient, subject, body, created_at, sent_at, attempts, last_error, next_attempt_at, read_at "
    "FROM outbox ";

Message message_from(const store::Row& row) {
  return {row.integer("id"),
          row.text("recipient"),
          row.text("subject"),
          row.text("body"),
          row.text("created_at"),
          row.optional_text("sent_at"),
          row.integer("attempts"),
          row.text("last_error"),
          row.optional_text("next_attempt_at"),
          row.optional_text("read_at")};
}

}  // namespace

int64_t Outbox::enqueue(store::Connection& connection, const std::string& recipient,
                        const std::string& subject, const std::string& body, bool in_inbox) {
  int64_t id = connection.insert_returning_id(
      "INSERT INTO outbox (recipient, subject, body, created_at, in_inbox) VALUES (?, ?, ?, ?, ?) RETURNING id",
      {recipient, subject, body, now_timestamp(), in_inbox ? 1 : 0});
  // The body may hold a password-reset link: the log names the message, not its text.
  spdlog::info("outbox message {} to {}: {}", id, recipient, subject);
  return id;
}

std::vector<Message> Outbox::latest_for(store::Connection& connection, const std::string& recipient,
                                        int64_t limit) {
  std::vector<Message> messages;
  for (const auto& row :
       connection.query(std::string(kColumns) + "WHERE recipient = ? ORDER BY id DESC LIMIT ?", {recipient, limit})) {
    messages.push_back(message_from(row));
  }
  return messages;
}

Paged<Message> Outbox::inbox(store::Connection& connection, const std::string& recipient, const Slice& slice,
                             bool unread_only) {
  std::string where = "WHERE recipient = ? AND in_inbox = 1" + std::string(unread_only ? " AND read_at IS NULL " : " ");
  Paged<Message> page;
  for (const auto& row : connection.query(std::string(kColumns) + where + "ORDER BY id DESC LIMIT ? OFFSET ?",
                                          {recipient, slice.limit, slice.offset})) {
    page.items.push_back(message_from(row));
  }
  page.total = needs_count(page.items.size(), slice)
                   ? connection.query_one("SELECT COUNT(*) AS n FROM outbox " + where, {recipient})->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

int64_t Outbox::unread(store::Connection& connection, const std::string& recipient) {
  return connection
      .query_one("SELECT COUNT(*) AS n FROM outbox WHERE recipient = ? AND in_inbox = 1 AND read_at IS NULL", {recipient})
      ->integer("n");
}

int64_t Outbox::mark_read(store::Connection& connection, const std::string& recipient, std::optional<int64_t> id,
                          const std::string& when) {
  if (id) {
    connection.execute(
        "UPDATE outbox SET read_at = ? WHERE id = ? AND recipient = ? AND in_inbox = 1 AND read_at IS NULL",
        {when, *id, recipient});
  } else {
    connection.execute("UPDATE outbox SET read_at = ? WHERE recipient = ? AND in_inbox = 1 AND read_at IS NULL",
                       {when, recipient});
  }
  return connection.changes();
}

std::optional<Message> Outbox::find(store::Connection& connection, int64_t id) {
  auto row = connection.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return message_from(*row);
}

Paged<Message> Outbox::page(store::Connection& connection, const Slice& slice) {
  Paged<Message> page;
  for (const auto& row :
       connection.query(std::string(kColumns) + "ORDER BY id DESC LIMIT ? OFFSET ?", {slice.limit, slice.offset})) {
    page.items.push_back(message_from(row));
  }
  page.total = needs_count(page.items.size(), slice)
                   ? connection.query_one("SELECT COUNT(*) AS n FROM outbox")->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

std::vector<Message> Outbox::due(store::Connection& connection, const std::string& now, int64_t max_attempts,
                                 int64_t limit) {
  std::vector<Message> messages;
  for (const auto& row : connection.query(std::string(kColumns) +
                                              "WHERE sent_at IS NULL AND attempts < ? AND "
                                              "(next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?",
                                          {max_attempts, now, limit})) {
    messages.push_back(message_from(row));
  }
  return messages;
}

bool Outbox::claim(store::Connection& connection, int64_t id, const std::string& now, const std::string& lease_until) {
  return connection.execute(
             "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND sent_at IS NULL AND "
             "(next_attempt_at IS NULL OR next_attempt_at <= ?)",
             {lease_until, id, now}) == 1;
}

void Outbox::mark_sent(store::Connection& connection, int64_t id, const std::string& when) {
  connection.execute("UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = '', next_attempt_at = NULL "
                     "WHERE id = ?",
                     {when, id});
}

void Outbox::mark_failed(store::Connection& connection, int64_t id, const std::string& error,
                         const std::optional<std::string>& retry_at) {
  connection.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                     {error, retry_at, id});
}

}  // namespace apertura::notifications
