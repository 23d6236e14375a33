#include "money/permissions.h"

namespace apertura::money {

const PermissionTable<ContractingAction>& contracting_permissions() {
  static const PermissionTable<ContractingAction> table = {
      {ContractingAction::import_releases, "import_releases", {Role::admin, Role::official}},
      {ContractingAction::import_budget, "import_budget", {Role::admin, Role::official}},
      {ContractingAction::link_budget, "link_budget", {Role::admin, Role::official}},
  };
  return table;
}

}  // namespace apertura::money
