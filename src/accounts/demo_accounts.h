#pragma once
// The demo instance's accounts, one per role. Published in the README: they
// exist only in demo instances.
#include <string>
#include <vector>

#include "core/actor.h"

namespace apertura::accounts {

struct DemoAccount {
  std::string email;
  std::string display_name;
  Role role;
  std::string password;
};

const std::vector<DemoAccount>& demo_accounts();

}  // namespace apertura::accounts
