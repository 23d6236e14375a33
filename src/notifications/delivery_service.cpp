#include "notifications/delivery_service.h"

#include <spdlog/spdlog.h>

#include "core/clock.h"
#include "notifications/outbox.h"

namespace apertura::notifications {

namespace {
constexpr auto kLease = std::chrono::minutes(10);
}  // namespace

DeliveryService::DeliveryService(store::Database& database, SmtpSettings settings, std::chrono::milliseconds poll)
    : database_(database), mailer_(std::move(settings)), worker_("delivering the outbox", poll, [this] { deliver_due(); }) {}

DeliveryService::~DeliveryService() { stop(); }

std::chrono::minutes DeliveryService::retry_delay(int64_t attempts) {
  static const std::chrono::minutes delays[] = {std::chrono::minutes(1), std::chrono::minutes(5),
                                                std::chrono::minutes(30), std::chrono::minutes(120)};
  size_t index = attempts < 1 ? 0 : static_cast<size_t>(attempts - 1);
  return delays[index < std::size(delays) ? index : std::size(delays) - 1];
}

DeliveryPass DeliveryService::deliver_due() {
  DeliveryPass pass;
  auto connection = database_.connect();
  auto now = std::chrono::system_clock::now();
  std::string now_text = format_timestamp(now);
  for (const Message& message : Outbox::due(*connection, now_text, kMaxAttempts, 100)) {
    if (!Outbox::claim(*connection, message.id, now_text, format_timestamp(now + kLease))) continue;
    auto error = mailer_.send(message);
    if (!error) {
      Outbox::mark_sent(*connection, message.id, now_timestamp());
      spdlog::info("outbox message {} sent to {}", message.id, message.recipient);
      ++pass.sent;
      continue;
    }
    int64_t attempts = message.attempts + 1;
    std::optional<std::string> retry_at;
    if (attempts < kMaxAttempts) retry_at = format_timestamp(std::chrono::system_clock::now() + retry_delay(attempts));
    Outbox::mark_failed(*connection, message.id, *error, retry_at);
    spdlog::warn("outbox message {} to {} not sent (attempt {} of {}): {}", message.id, message.recipient, attempts,
                 kMaxAttempts, *error);
    ++pass.failed;
  }
  return pass;
}

void DeliveryService::start() { worker_.start(); }

void DeliveryService::stop() { worker_.stop(); }

}  // namespace apertura::notifications
