#pragma once
// Who may do what with contracting data. Reading is public.
#include "core/permissions.h"

namespace apertura::money {

enum class ContractingAction { import_releases };

const PermissionTable<ContractingAction>& contracting_permissions();

}  // namespace apertura::money
