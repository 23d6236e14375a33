#pragma once
// Loads the demo data of every installed domain, in the order they were
// installed. Running it again adds only what is missing.
#include <string>
#include <vector>

#include "app/application.h"

namespace apertura::app {

// `contracts_per_state`: synthetic contracting processes for each of the two
// demo states (seeded, so a second run finds them already there). Returns
// one line per domain saying what it created.
std::vector<std::string> load_demo(Application& application, int64_t contracts_per_state = 200,
                                   uint64_t seed = 2015);

}  // namespace apertura::app
