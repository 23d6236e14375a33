#pragma once
// Who keeps the open-data catalog: an institution's officials publish its
// datasets, and the guarantor's admins those of every institution of their
// jurisdiction. Everyone reads what is published.
#include "core/permissions.h"

namespace apertura::catalog {

enum class CatalogAction { create_dataset, edit_dataset, publish_dataset };

const PermissionTable<CatalogAction>& catalog_permissions();

}  // namespace apertura::catalog
