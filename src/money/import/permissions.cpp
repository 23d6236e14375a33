#include "money/import/permissions.h"

namespace apertura::money {

const PermissionTable<ImportAction>& import_permissions() {
  static const PermissionTable<ImportAction> table = {
      {ImportAction::import_releases, "import_releases", {Role::admin, Role::official}},
  };
  return table;
}

}  // namespace apertura::money
