#pragma once
// Who may read the outbox: messages hold addresses and reset links, so only
// the guarantor body's admins.
#include "core/permissions.h"

namespace apertura::notifications {

enum class NotificationAction { view_outbox };

const PermissionTable<NotificationAction>& notification_permissions();

}  // namespace apertura::notifications
