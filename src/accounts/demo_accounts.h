#pragma once
// The demo instance's accounts: one per role, and a second official who
// works for the Jalisco guarantor (to resolve appeals). Published in the README: they
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
  std::string institution_acronym = "";  // an official's institution, in Jalisco
};

const std::vector<DemoAccount>& demo_accounts();

}  // namespace apertura::accounts
