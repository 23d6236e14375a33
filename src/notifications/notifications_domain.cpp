#include "notifications/notifications_domain.h"

#include "notifications/outbox_routes.h"
#include "notifications/permissions.h"

namespace apertura::notifications {

NotificationsDomain::NotificationsDomain(store::Database& database, std::optional<SmtpSettings> smtp)
    : outbox_(database) {
  if (smtp) delivery_ = std::make_unique<DeliveryService>(database, std::move(*smtp));
}

void NotificationsDomain::install(web::Site& site) {
  register_outbox_routes(site.router, outbox_, site.pages, delivers_mail());
  site.pages.navigation().add({"Mensajes", "/admin/mensajes", 95, web::Menu::account, {Role::admin}});
  site.permissions.add("notifications", notification_permissions());
}

void NotificationsDomain::start() {
  if (delivery_) delivery_->start();
}

void NotificationsDomain::stop() {
  if (delivery_) delivery_->stop();
}

}  // namespace apertura::notifications
