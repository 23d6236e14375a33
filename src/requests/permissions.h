#pragma once
// Who may do what with information requests: anyone files one, with or
// without an account; the institutions' officials (and admins) type in the
// requests people bring in person, by phone or by mail; admins keep the
// legal regimes and the guarantors' calendars.
#include "core/permissions.h"

namespace apertura::requests {

enum class RequestAction { file, capture, work, manage_regimes, manage_calendar };

const PermissionTable<RequestAction>& request_permissions();

}  // namespace apertura::requests
