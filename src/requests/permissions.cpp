#include "requests/permissions.h"

namespace apertura::requests {

const PermissionTable<RequestAction>& request_permissions() {
  static const PermissionTable<RequestAction> table = {
      {RequestAction::file, "file_request",
       {Role::anonymous, Role::citizen, Role::civil_society, Role::official, Role::admin}},
      {RequestAction::capture, "capture_request", {Role::official, Role::admin}},
      {RequestAction::work, "work_request", {Role::official, Role::admin}},
      {RequestAction::manage_regimes, "manage_regimes", {Role::admin}},
      {RequestAction::manage_calendar, "manage_closed_days", {Role::admin}},
      {RequestAction::appeal, "file_appeal",
       {Role::anonymous, Role::citizen, Role::civil_society, Role::official, Role::admin}},
      {RequestAction::work_appeal, "work_appeal", {Role::official, Role::admin}},
      {RequestAction::manage_guarantors, "manage_guarantors", {Role::admin}},
  };
  return table;
}

}  // namespace apertura::requests
