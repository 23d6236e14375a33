#include "money/budget/permissions.h"

namespace apertura::money {

const PermissionTable<BudgetAction>& budget_permissions() {
  static const PermissionTable<BudgetAction> table = {
      {BudgetAction::import_budget, "import_budget", {Role::admin, Role::official}},
      {BudgetAction::link_budget, "link_budget", {Role::admin, Role::official}},
  };
  return table;
}

}  // namespace apertura::money
