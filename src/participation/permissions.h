#pragma once
// Who may take part in co-creation: every signed-in account submits,
// supports and comments; the secretariat's admins answer.
#include "core/permissions.h"

namespace apertura::participation {

enum class ProposalAction { submit, support, comment, answer };

const PermissionTable<ProposalAction>& proposal_permissions();

}  // namespace apertura::participation
