#pragma once
// The public page and API of the audit log (/bitacora, /api/v1/audit).
#include "audit/audit_service.h"
#include "web/pages.h"
#include "web/router.h"

namespace apertura::audit {

void register_audit_routes(web::Router& router, AuditService& service, const web::Pages& pages);

}  // namespace apertura::audit
