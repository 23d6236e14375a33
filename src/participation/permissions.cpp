#include "participation/permissions.h"

namespace apertura::participation {

const PermissionTable<ProposalAction>& proposal_permissions() {
  static const PermissionTable<ProposalAction> table = {
      {ProposalAction::submit, "submit_proposal", {Role::citizen, Role::civil_society, Role::official, Role::admin}},
      {ProposalAction::support, "support_proposal", {Role::citizen, Role::civil_society, Role::official, Role::admin}},
      {ProposalAction::comment, "comment_proposal", {Role::citizen, Role::civil_society, Role::official, Role::admin}},
      {ProposalAction::answer, "answer_proposal", {Role::admin}},
  };
  return table;
}

}  // namespace apertura::participation
