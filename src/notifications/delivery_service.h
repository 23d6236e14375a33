#pragma once
// Delivers the outbox by SMTP. Rules:
// - every message not yet sent is tried in the order it was written;
// - a message the server refuses, or that cannot reach it, is tried again
//   after 1, 5, 30 and 120 minutes; after five attempts it stays unsent with
//   its last error, for an administrator to see;
// - a worker takes a message before sending it (a lease of ten minutes), so
//   that several app servers on one database send it once;
// - without SMTP configured there is no delivery: messages wait in the outbox.
#include <chrono>

#include "core/periodic_task.h"
#include "notifications/smtp_mailer.h"
#include "store/database.h"

namespace apertura::notifications {

// What one pass did.
struct DeliveryPass {
  int sent = 0;
  int failed = 0;
};

class DeliveryService {
 public:
  static constexpr int64_t kMaxAttempts = 5;

  DeliveryService(store::Database& database, SmtpSettings settings,
                  std::chrono::milliseconds poll = std::chrono::seconds(10));
  ~DeliveryService();
  DeliveryService(const DeliveryService&) = delete;
  DeliveryService& operator=(const DeliveryService&) = delete;

  // Sends every message due now, one at a time.
  DeliveryPass deliver_due();
  // A worker that delivers what is due every `poll`, until `stop`.
  void start();
  void stop();

  // How long a message waits after its n-th failed attempt (n from 1).
  static std::chrono::minutes retry_delay(int64_t attempts);

 private:
  store::Database& database_;
  SmtpMailer mailer_;
  PeriodicTask worker_;
};

}  // namespace apertura::notifications
