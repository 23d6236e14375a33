#pragma once
// The audit domain: the public, hash-chained log of every change (the log
// itself is written by every domain through audit/audit_log.h).
#include "audit/audit_routes.h"
#include "audit/audit_service.h"
#include "store/database.h"
#include "web/domain.h"

namespace apertura::audit {

class AuditDomain : public web::Domain {
 public:
  explicit AuditDomain(store::Database& database) : service_(database) {}

  std::string_view name() const override { return "audit"; }
  void install(web::Site& site) override;

  AuditService& service() { return service_; }

 private:
  AuditService service_;
};

}  // namespace apertura::audit
