#pragma once
// Outgoing messages (password resets now; deadlines and answers later). No
// mail server is assumed: messages wait in the outbox table and are written to
// the log, and a delivery worker can send them once SMTP is configured.
#include <cstdint>
#include <string>
#include <vector>

#include "store/connection.h"

namespace apertura::notifications {

struct Message {
  int64_t id = 0;
  std::string recipient;
  std::string subject;
  std::string body;
  std::string created_at;
};

class Outbox {
 public:
  static int64_t enqueue(store::Connection& connection, const std::string& recipient,
                         const std::string& subject, const std::string& body);
  // Newest first.
  static std::vector<Message> latest_for(store::Connection& connection, const std::string& recipient,
                                         int64_t limit = 10);
};

}  // namespace apertura::notifications
