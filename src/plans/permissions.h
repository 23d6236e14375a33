#pragma once
// Who may do what in the action-plan cycle. Officials act only on commitments
// of their own institution; the service checks that binding on top of this table.
#include "core/permissions.h"

namespace apertura::plans {

enum class PlanAction {
  manage_secretariat,
  create_plan,
  change_plan_status,
  create_commitment,
  edit_commitment,
  report_progress,
  withdraw_commitment,
};

const PermissionTable<PlanAction>& plan_permissions();

}  // namespace apertura::plans
