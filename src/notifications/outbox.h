#pragma once
// Outgoing messages (password resets, answers to proposals; deadlines
// later). Every message waits in the outbox table; when SMTP is configured
// the delivery service (delivery_service.h) sends it and records how that
// went, message by message.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "store/connection.h"

namespace apertura::notifications {

struct Message {
  int64_t id = 0;
  std::string recipient;
  std::string subject;
  std::string body;
  std::string created_at;
  std::optional<std::string> sent_at;  // when a server accepted it
  int64_t attempts = 0;
  std::string last_error;
  std::optional<std::string> next_attempt_at;
  std::optional<std::string> read_at;  // when its reader marked it read in the inbox
};

class Outbox {
 public:
  // `in_inbox`: the message also shows in the inbox of the account with that
  // address (false for what is meant for e-mail only, a password-reset link).
  static int64_t enqueue(store::Connection& connection, const std::string& recipient,
                         const std::string& subject, const std::string& body, bool in_inbox = true);
  // The inbox of an address: its messages, newest first (only the unread ones when asked).
  static Paged<Message> inbox(store::Connection& connection, const std::string& recipient, const Slice& slice,
                              bool unread_only = false);
  static int64_t unread(store::Connection& connection, const std::string& recipient);
  // Marks one of the address's messages (or, without `id`, all) read; returns how many changed.
  static int64_t mark_read(store::Connection& connection, const std::string& recipient, std::optional<int64_t> id,
                           const std::string& when);
  // Newest first.
  static std::vector<Message> latest_for(store::Connection& connection, const std::string& recipient,
                                         int64_t limit = 10);
  static std::optional<Message> find(store::Connection& connection, int64_t id);
  // Every message, newest first.
  static Paged<Message> page(store::Connection& connection, const Slice& slice);

  // Unsent messages with attempts left whose next attempt is due at `now`, oldest first.
  static std::vector<Message> due(store::Connection& connection, const std::string& now, int64_t max_attempts,
                                  int64_t limit);
  // Takes a due message for one delivery attempt: its next attempt moves to
  // `lease_until`, so that another server's worker leaves it alone. False
  // when another worker took it first.
  static bool claim(store::Connection& connection, int64_t id, const std::string& now, const std::string& lease_until);
  static void mark_sent(store::Connection& connection, int64_t id, const std::string& when);
  // Counts a failed attempt; `retry_at` empty when the attempts ran out.
  static void mark_failed(store::Connection& connection, int64_t id, const std::string& error,
                          const std::optional<std::string>& retry_at);
};

}  // namespace apertura::notifications
