#pragma once
// One run of `apertura demo`: what each domain's demo data needs from the
// run and from the domains loaded before it, and what each one reports.
// Loading again adds only what is missing.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/actor.h"

namespace apertura {

struct DemoRun {
  Actor loader = Actor::system("demo");
  // Synthetic contracting processes for each demo state (seeded, so a second
  // run finds them already there).
  int64_t contracts_per_state = 200;
  uint64_t seed = 2015;
  // The demo accounts by role, and their e-mail addresses, once the accounts
  // domain has loaded them.
  std::map<Role, Actor> accounts;
  std::map<Role, std::string> emails;
  // One line per domain for the command line: "cuentas de demostración: 4 nuevas".
  std::vector<std::string> report;
};

}  // namespace apertura
