#include "app/demo.h"

namespace apertura::app {

std::vector<std::string> load_demo(Application& application, int64_t contracts_per_state, uint64_t seed) {
  DemoRun demo;
  demo.contracts_per_state = contracts_per_state;
  demo.seed = seed;
  for (const auto& domain : application.domains()) domain->load_demo(demo);
  return demo.report;
}

}  // namespace apertura::app
