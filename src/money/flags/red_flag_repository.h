#pragma once
// Every SQL statement of red flags: storing them, reading them with the
// names of what they are about, and the store-wide reads that the
// whole-store run of the indicators needs. No rules: RedFlagService and
// ProcessFlagger decide.
#include <optional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/paging.h"
#include "money/flags/red_flag.h"
#include "store/connection.h"

namespace apertura::money {

// A process as the whole-store run reads it: its compiled release (as
// text) and the amounts Apertura's own indicators compare.
struct ProcessForFlagsRow {
  int64_t id = 0;
  std::string ocid;
  std::string compiled;
  std::string procurement_method;
  std::optional<double> amount, tender_amount, award_amount, contract_amount, initial_contract_amount;
};

// A supplier's share of one buyer's spending (MX04).
struct SupplierShare {
  int64_t buyer_id = 0;
  int64_t supplier_id = 0;
  std::string supplier_name;
  double share = 0;
};

struct RedFlagRepository {
  // Inserts the flags, replacing the value and detail of one already stored
  // for the same scope, subject and code.
  static void upsert(store::Connection& c, const std::vector<RedFlag>& flags, const std::string& computed_at);
  // Removes a process's flags of these codes.
  static void remove_of_process(store::Connection& c, const std::string& ocid, const std::set<std::string>& codes);
  static void remove_all(store::Connection& c);

  // Up to `limit` processes with ids after `after_id`, in id order.
  static std::vector<ProcessForFlagsRow> processes_after(store::Connection& c, int64_t after_id, int64_t limit);
  // The suppliers with at least `threshold` of the spending of a buyer with at
  // least `minimum_processes` processes with an amount.
  static std::vector<SupplierShare> dominant_suppliers(store::Connection& c, int64_t minimum_processes,
                                                       double threshold);

  static std::vector<RedFlag> of_process(store::Connection& c, const std::string& ocid);
  // For each jurisdiction with flagged processes: how many of its processes have a flag.
  static std::map<int64_t, int64_t> flagged_processes_by_jurisdiction(store::Connection& c);
  // The flags about an organisation, by its id or by the party ids publishers gave it.
  static std::vector<RedFlag> of_organization(store::Connection& c, int64_t organization_id);
  // A page of flags, each with the title or name of what it is about and its page.
  static Paged<RedFlag> list(store::Connection& c, const FlagFilter& filter, const Slice& slice);
  // How many flags match `filter`, by indicator and kind of subject.
  static std::vector<FlagCount> counts(store::Connection& c, const FlagFilter& filter);
};

}  // namespace apertura::money
