#include "plans/permissions.h"

namespace apertura::plans {

const PermissionTable<PlanAction>& plan_permissions() {
  static const PermissionTable<PlanAction> table = {
      {PlanAction::manage_secretariat, "manage_secretariat", {Role::admin}},
      {PlanAction::create_plan, "create_plan", {Role::admin}},
      {PlanAction::change_plan_status, "change_plan_status", {Role::admin}},
      {PlanAction::create_commitment, "create_commitment", {Role::admin}},
      {PlanAction::edit_commitment, "edit_commitment", {Role::admin, Role::official}},
      {PlanAction::report_progress, "report_progress", {Role::admin, Role::official}},
      {PlanAction::withdraw_commitment, "withdraw_commitment", {Role::admin}},
      {PlanAction::validate_evidence, "validate_evidence", {Role::civil_society}},
  };
  return table;
}

}  // namespace apertura::plans
