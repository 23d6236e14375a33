#include "audit/audit_service.h"

#include "audit/permissions.h"

namespace apertura::audit {

Paged<Entry> AuditService::list(const Actor& actor, bool include_private, const Slice& slice) {
  bool public_only = !include_private || !audit_permissions().allows(actor.role, AuditAction::view_private_audit);
  auto connection = database_.connect();
  return {AuditLog::list(*connection, public_only, slice.limit, slice.offset),
          AuditLog::count(*connection, public_only)};
}

Verification AuditService::verify() {
  auto connection = database_.connect();
  return AuditLog::verify(*connection);
}

}  // namespace apertura::audit
