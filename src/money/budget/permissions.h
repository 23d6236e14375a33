#pragma once
// Who may load budget lines and link them to contracting processes. Reading
// is public. Both actions also need the account to belong to the jurisdiction
// (an official through their institution); the service checks that binding.
#include "core/permissions.h"

namespace apertura::money {

enum class BudgetAction { import_budget, link_budget };

const PermissionTable<BudgetAction>& budget_permissions();

}  // namespace apertura::money
