#pragma once
// Who may do what with information requests: anyone files one, with or
// without an account; the institutions' officials (and admins) type in the
// requests people bring in person, by phone or by mail; admins keep the
// legal regimes and the guarantors' calendars. A requester appeals (the
// service checks it is theirs); the guarantor's officials (and admins) work
// appeals, and admins choose each jurisdiction's guarantor.
#include "core/permissions.h"

namespace apertura::requests {

enum class RequestAction { file, capture, work, manage_regimes, manage_calendar, appeal, work_appeal, manage_guarantors };

const PermissionTable<RequestAction>& request_permissions();

}  // namespace apertura::requests
