#pragma once
// Who may read what of the audit log: the public entries are for everyone.
#include "core/permissions.h"

namespace apertura::audit {

enum class AuditAction { view_private_audit };

const PermissionTable<AuditAction>& audit_permissions();

}  // namespace apertura::audit
