#include "jurisdictions/permissions.h"

namespace apertura::jurisdictions {

const PermissionTable<JurisdictionAction>& jurisdiction_permissions() {
  static const PermissionTable<JurisdictionAction> table = {
      {JurisdictionAction::create_jurisdiction, "create_jurisdiction", {Role::admin}},
      {JurisdictionAction::create_institution, "create_institution", {Role::admin}},
  };
  return table;
}

}  // namespace apertura::jurisdictions
