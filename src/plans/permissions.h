#pragma once
// Who may do what in the action-plan cycle. Officials act only on commitments
// of their own institution, and civil society validates evidence only as a
// member of that jurisdiction's secretariat; the services check those
// bindings on top of this table.
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
  validate_evidence,
};

const PermissionTable<PlanAction>& plan_permissions();

}  // namespace apertura::plans
