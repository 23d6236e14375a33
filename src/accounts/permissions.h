#pragma once
// Who may manage accounts: only the guarantor body's admins (and the command line).
#include "core/permissions.h"

namespace apertura::accounts {

enum class AccountAction { list_users, create_user, change_role };

const PermissionTable<AccountAction>& account_permissions();

}  // namespace apertura::accounts
