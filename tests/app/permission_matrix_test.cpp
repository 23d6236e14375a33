#include <gtest/gtest.h>

#include <map>

#include "accounts/permissions.h"
#include "support/test_app.h"

namespace apertura {
namespace {

// The expected role x action matrix of every installed domain, written out
// in full so that a change to any permission table, or a domain installed
// with a new one, shows up here as a reviewed diff.
const std::map<std::string, std::set<Role>> kExpected = {
    {"list_users", {Role::admin, Role::system}},
    {"create_user", {Role::admin, Role::system}},
    {"change_role", {Role::admin, Role::system}},
    {"view_private_audit", {Role::admin, Role::system}},  // audit
    {"view_outbox", {Role::admin, Role::system}},
    {"create_jurisdiction", {Role::admin, Role::system}},
    {"create_institution", {Role::admin, Role::system}},
    {"manage_secretariat", {Role::admin, Role::system}},
    {"create_plan", {Role::admin, Role::system}},
    {"change_plan_status", {Role::admin, Role::system}},
    {"create_commitment", {Role::admin, Role::system}},
    {"edit_commitment", {Role::admin, Role::official, Role::system}},
    {"report_progress", {Role::admin, Role::official, Role::system}},
    {"withdraw_commitment", {Role::admin, Role::system}},
    {"validate_evidence", {Role::civil_society, Role::system}},
    {"submit_proposal", {Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system}},
    {"support_proposal", {Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system}},
    {"comment_proposal", {Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system}},
    {"answer_proposal", {Role::admin, Role::system}},
    {"import_releases", {Role::admin, Role::official, Role::system}},
    {"import_budget", {Role::admin, Role::official, Role::system}},
    {"link_budget", {Role::admin, Role::official, Role::system}},
    {"file_request", {Role::anonymous, Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system}},
    {"capture_request", {Role::official, Role::admin, Role::system}},
    {"work_request", {Role::official, Role::admin, Role::system}},
    {"manage_regimes", {Role::admin, Role::system}},
    {"manage_closed_days", {Role::admin, Role::system}},
    {"file_appeal", {Role::anonymous, Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system}},
    {"work_appeal", {Role::official, Role::admin, Role::system}},
    {"manage_guarantors", {Role::admin, Role::system}},
    {"create_dataset", {Role::official, Role::admin, Role::system}},  // catalog
    {"edit_dataset", {Role::official, Role::admin, Role::system}},
    {"publish_dataset", {Role::official, Role::admin, Role::system}},
};

const Role kAllRoles[] = {Role::anonymous, Role::citizen, Role::civil_society, Role::official, Role::admin, Role::system};

// Read from the installed application, so a domain cannot install a table
// the matrix does not know, nor the matrix keep a row no domain installs.
TEST(PermissionMatrix, EveryInstalledPermissionIsInTheMatrixAndBack) {
  apertura::testing::TestApp app("sqlite");
  std::set<std::string> installed;
  for (const auto& entry : app.app().permissions().entries()) {
    std::string action(entry.action);
    EXPECT_TRUE(installed.insert(action).second) << "two domains name an action " << action;
    auto expected = kExpected.find(action);
    ASSERT_NE(expected, kExpected.end()) << entry.domain << " installs " << action << ", missing from the matrix";
    for (Role role : kAllRoles) {
      EXPECT_EQ(entry.allows(role), expected->second.count(role) > 0)
          << entry.domain << ": " << action << " for " << role_name(role);
    }
  }
  for (const auto& [action, roles] : kExpected) {
    EXPECT_TRUE(installed.count(action)) << action << " is in the matrix but no domain installs it";
  }
  std::set<std::string> domains;
  for (const auto& entry : app.app().permissions().entries()) domains.insert(entry.domain);
  EXPECT_EQ(domains, (std::set<std::string>{"accounts", "audit", "catalog", "jurisdictions", "money/budget", "money/import",
                                            "notifications", "participation", "plans", "requests"}));
}

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
