#pragma once
// Who may do what with contracting and budget data. Reading is public.
// Budget actions also need the account to belong to the jurisdiction (an
// official through their institution); the service checks that binding.
#include "core/permissions.h"

namespace apertura::money {

enum class ContractingAction { import_releases, import_budget, link_budget };

const PermissionTable<ContractingAction>& contracting_permissions();

}  // namespace apertura::money
