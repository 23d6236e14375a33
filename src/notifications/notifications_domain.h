#pragma once
// The notifications domain: the outbox every domain writes its messages to,
// and, when SMTP is configured, their delivery.
#include <memory>
#include <optional>

#include "notifications/delivery_service.h"
#include "notifications/outbox_service.h"
#include "store/database.h"
#include "web/domain.h"

namespace apertura::notifications {

class NotificationsDomain : public web::Domain {
 public:
  // No delivery without `smtp`: messages wait in the outbox.
  NotificationsDomain(store::Database& database, std::optional<SmtpSettings> smtp);

  std::string_view name() const override { return "notifications"; }
  void install(web::Site& site) override;
  void start() override;
  void stop() override;

  bool delivers_mail() const { return delivery_ != nullptr; }
  // nullptr without SMTP.
  DeliveryService* delivery() { return delivery_.get(); }

 private:
  OutboxService outbox_;
  std::unique_ptr<DeliveryService> delivery_;
};

}  // namespace apertura::notifications
