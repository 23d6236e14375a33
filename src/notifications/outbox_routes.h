#pragma once
// The admins' view of the outbox: every message with how its delivery went
// (/admin/mensajes, /api/v1/outbox).
#include "notifications/outbox_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::notifications {

// `mail_delivered`: SMTP is configured (the page says so).
void register_outbox_routes(web::Router& router, OutboxService& service, const web::Pages& pages,
                            bool mail_delivered);

}  // namespace apertura::notifications
