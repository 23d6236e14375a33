#pragma once
// Who may import OCDS releases. Reading what was imported is public.
#include "core/permissions.h"

namespace apertura::money {

enum class ImportAction { import_releases };

const PermissionTable<ImportAction>& import_permissions();

}  // namespace apertura::money
