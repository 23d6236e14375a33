#include "catalog/permissions.h"

namespace apertura::catalog {

const PermissionTable<CatalogAction>& catalog_permissions() {
  static const PermissionTable<CatalogAction> table = {
      {CatalogAction::create_dataset, "create_dataset", {Role::official, Role::admin}},
      {CatalogAction::edit_dataset, "edit_dataset", {Role::official, Role::admin}},
      {CatalogAction::publish_dataset, "publish_dataset", {Role::official, Role::admin}},
  };
  return table;
}

}  // namespace apertura::catalog
