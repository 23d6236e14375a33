#pragma once
// Synthetic, reproducible contracting processes for demos and benchmarks:
// the state's buying units buy what they exist for (health buys medicines,
// the water commission pipes and pumps) from suppliers of that trade, with
// amounts, methods, bids, amendments and payments, and a share of processes
// built to trip each red flag. The same seed always gives the same releases,
// byte for byte.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "jurisdictions/jurisdiction_service.h"

namespace apertura::money {

struct DemoContractsOptions {
  int64_t processes = 400;
  uint64_t seed = 2015;          // the year of the declaration
  std::string ocid_prefix = "ocds-apdemo";
  std::string state = "Jalisco";  // names the buyers
  std::string website;            // the state government's, for its buying units
};

// The state's buying units, as institutions of its jurisdiction: named as
// the releases and budget lines name them, with an acronym and the state's website.
std::vector<jurisdictions::NewInstitution> demo_buying_units(const DemoContractsOptions& options);

// Writes the releases as JSON Lines (one release per line, in date order per
// process); returns how many releases were written.
int64_t write_demo_releases(std::ostream& out, const DemoContractsOptions& options);

// The state's budget lines for 2022-2026 as the CSV of budget_csv.h: one line
// per buyer and year, keyed as the releases' planning.budget.id, so the demo
// processes reach them; the current year is partly executed.
std::string demo_budget_csv(const DemoContractsOptions& options);

}  // namespace apertura::money
