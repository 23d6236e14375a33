#pragma once
// Loads the demo data: jurisdictions, institutions and one account per role.
// Running it again adds only what is missing.
#include <string>
#include <vector>

#include "app/application.h"

namespace apertura::app {

struct DemoAccount {
  std::string email;
  std::string display_name;
  Role role;
  std::string password;
};

// Published in the README: these accounts exist only in demo instances.
const std::vector<DemoAccount>& demo_accounts();

struct DemoSummary {
  int jurisdictions_created = 0;
  int institutions_created = 0;
  int accounts_created = 0;
  int plans_created = 0;
  int proposals_created = 0;
};

DemoSummary load_demo(Application& application);

}  // namespace apertura::app
