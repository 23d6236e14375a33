#include "audit/audit_domain.h"

#include "audit/permissions.h"

namespace apertura::audit {

void AuditDomain::install(web::Site& site) {
  register_audit_routes(site.router, service_, site.pages);
  site.pages.navigation().add({"Bitácora", "/bitacora", 60});
  site.permissions.add("audit", audit_permissions());
}

}  // namespace apertura::audit
