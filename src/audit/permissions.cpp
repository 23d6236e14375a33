#include "audit/permissions.h"

namespace apertura::audit {

const PermissionTable<AuditAction>& audit_permissions() {
  static const PermissionTable<AuditAction> table = {
      {AuditAction::view_private_audit, "view_private_audit", {Role::admin}},
  };
  return table;
}

}  // namespace apertura::audit
