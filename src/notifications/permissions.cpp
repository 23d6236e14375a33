#include "notifications/permissions.h"

namespace apertura::notifications {

const PermissionTable<NotificationAction>& notification_permissions() {
  static const PermissionTable<NotificationAction> table = {
      {NotificationAction::view_outbox, "view_outbox", {Role::admin}},
  };
  return table;
}

}  // namespace apertura::notifications
