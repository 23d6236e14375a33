#pragma once
// The in-site inbox of the signed-in account: /avisos (read, mark read) and
// /api/v1/inbox.
#include "accounts/inbox_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::accounts {

void register_inbox_routes(web::Router& router, InboxService& inbox, const web::Pages& pages);

}  // namespace apertura::accounts
