#pragma once
// Pages and API endpoints of the secretariat's sessions and agreements.
#include "plans/session_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::plans {

void register_session_routes(web::Router& router, SessionService& sessions, const web::Pages& pages);

// For the secretariat page: its sessions, newest first.
nlohmann::json sessions_view(SessionService& sessions, const std::string& jurisdiction);

}  // namespace apertura::plans
