#include <gtest/gtest.h>

#include <map>

#include "accounts/permissions.h"
#include "jurisdictions/jurisdiction_service.h"
#include "money/budget/permissions.h"
#include "money/import/permissions.h"
#include "plans/permissions.h"
#include "participation/proposal_service.h"

namespace apertura {
namespace {

// The expected role x action matrix, written out in full so a change to any
// permission table shows up here as a reviewed diff.
const std::map<std::string, std::set<Role>> kExpected = {
    {"list_users", {Role::admin, Role::system}},
    {"create_user", {Role::admin, Role::system}},
    {"change_role", {Role::admin, Role::system}},
    {"view_private_audit", {Role::admin, Role::system}},
    {"create_jurisdiction", {Role::admin, Role::system}},
    {"create_institution", {Role::admin, Role::system}},
    {"manage_secretariat", {Role::admin, Role::system}},
    {"create_plan", {Role::admin, Role::system}},
    {"change_plan_status", {Role::admin, Role::system}},
    {"create_commitment", {Role::admin, Role::system}},
    {"edit_commitment", {Role::admin, Role::official, Role::system}},
    {"report_progress", {Role::admin, Role::official, Role::system}},
    {"withdraw_commitment", {Role::admin, Role::system}},
    {"submit_proposal", {Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system}},
    {"support_proposal", {Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system}},
    {"comment_proposal", {Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system}},
    {"answer_proposal", {Role::admin, Role::system}},
    {"import_releases", {Role::admin, Role::official, Role::system}},
    {"import_budget", {Role::admin, Role::official, Role::system}},
    {"link_budget", {Role::admin, Role::official, Role::system}},
};

const Role kAllRoles[] = {Role::anonymous, Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system};

template <typename Table>
void expect_matrix(const Table& table) {
  for (const auto& rule : table.rules()) {
    auto expected = kExpected.find(std::string(rule.name));
    ASSERT_NE(expected, kExpected.end()) << "action " << rule.name << " is missing from the matrix";
    for (Role role : kAllRoles) {
      EXPECT_EQ(table.allows(role, rule.action), expected->second.count(role) > 0)
          << rule.name << " for " << role_name(role);
    }
  }
}

TEST(PermissionMatrix, Accounts) { expect_matrix(accounts::account_permissions()); }
TEST(PermissionMatrix, Jurisdictions) { expect_matrix(jurisdictions::jurisdiction_permissions()); }
TEST(PermissionMatrix, Plans) { expect_matrix(plans::plan_permissions()); }
TEST(PermissionMatrix, Proposals) { expect_matrix(participation::proposal_permissions()); }
TEST(PermissionMatrix, Imports) { expect_matrix(money::import_permissions()); }
TEST(PermissionMatrix, Budget) { expect_matrix(money::budget_permissions()); }

TEST(PermissionMatrix, ErrorsSaySignInOrForbidden) {
  auto anonymous = accounts::account_permissions().check(Actor::anonymous(), accounts::AccountAction::list_users);
  ASSERT_TRUE(anonymous.has_value());
  EXPECT_EQ(anonymous->kind, ErrorKind::unauthenticated);
  Actor citizen{Role::citizen, 1, "Ana", std::nullopt};
  auto forbidden = accounts::account_permissions().check(citizen, accounts::AccountAction::list_users);
  ASSERT_TRUE(forbidden.has_value());
  EXPECT_EQ(forbidden->kind, ErrorKind::forbidden);
}

}  // namespace
}  // namespace apertura
