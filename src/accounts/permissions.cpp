#include "accounts/permissions.h"

namespace apertura::accounts {

const PermissionTable<AccountAction>& account_permissions() {
  static const PermissionTable<AccountAction> table = {
      {AccountAction::list_users, "list_users", {Role::admin}},
      {AccountAction::create_user, "create_user", {Role::admin}},
      {AccountAction::change_role, "change_role", {Role::admin}},
  };
  return table;
}

}  // namespace apertura::accounts
