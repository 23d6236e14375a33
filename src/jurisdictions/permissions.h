#pragma once
// Who may add jurisdictions and institutions: the guarantor body's admins.
// Reading them is public.
#include "core/permissions.h"

namespace apertura::jurisdictions {

enum class JurisdictionAction { create_jurisdiction, create_institution };

const PermissionTable<JurisdictionAction>& jurisdiction_permissions();

}  // namespace apertura::jurisdictions
