#pragma once
// Reading the audit log: anyone sees the public entries; admins also see the
// private ones (audit_permissions). Verification recomputes the whole chain.
#include "audit/audit_log.h"
#include "core/paging.h"
#include "core/result.h"
#include "store/database.h"

namespace apertura::audit {

class AuditService {
 public:
  explicit AuditService(store::Database& database) : database_(database) {}
  Paged<Entry> list(const Actor& actor, bool include_private, const Slice& slice);
  Verification verify();

 private:
  store::Database& database_;
};

}  // namespace apertura::audit
