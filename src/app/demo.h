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
  int64_t releases_imported = 0;
  int64_t processes_created = 0;
  int64_t red_flags = 0;
  int64_t budget_lines = 0;
};

// `contracts_per_state`: synthetic contracting processes for each of the two
// demo states (seeded, so a second run finds them already there).
DemoSummary load_demo(Application& application, int64_t contracts_per_state = 200, uint64_t seed = 2015);

}  // namespace apertura::app
