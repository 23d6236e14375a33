#pragma once
// Storage of budget lines, their manual links to contracting processes, and
// the sums the money trail shows.
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "money/budget/budget_line.h"
#include "store/connection.h"

namespace apertura::money {

struct BudgetLineFilter {
  int64_t jurisdiction_id = 0;
  std::optional<int> year;
  std::string institution;  // exact name; empty: all
};

// One flow of the trail: what a responsible unit contracted through one
// method with one supplier, out of the budget lines of the year.
struct TrailFlow {
  std::string institution;
  std::string method;  // OCDS procurementMethod; "" when the process has none
  int64_t supplier_id = 0;
  std::string supplier;
  double amount = 0;
  int64_t processes = 0;
};

struct InstitutionBudget {
  std::string institution;
  std::optional<int64_t> institution_id;
  BudgetMoments moments;
  int64_t lines = 0;
};

class BudgetRepository {
 public:
  // Inserts or replaces each line by (jurisdiction, year, key); returns how many were new.
  static int64_t upsert(store::Connection& c, const std::vector<BudgetLine>& lines);
  static Paged<BudgetLine> lines(store::Connection& c, const BudgetLineFilter& filter, const Slice& slice);
  static std::optional<BudgetLine> find(store::Connection& c, int64_t jurisdiction_id, int year, const std::string& key);
  static std::vector<int> years(store::Connection& c, int64_t jurisdiction_id);
  // Jurisdictions that have budget lines, with their latest year.
  static std::vector<std::pair<int64_t, int>> jurisdictions_with_lines(store::Connection& c);
  static std::vector<InstitutionBudget> by_institution(store::Connection& c, int64_t jurisdiction_id, int year);
  // Supplier amounts of the processes linked to the year's lines (by key or manually).
  static std::vector<TrailFlow> flows(store::Connection& c, int64_t jurisdiction_id, int year);
  // Returns false when the link existed already.
  static bool link(store::Connection& c, int64_t line_id, const std::string& ocid, const std::string& by_name);
  // The lines a process reaches: by its planning.budget.id in its jurisdiction, and manually.
  static std::vector<BudgetLine> lines_of_process(store::Connection& c, const std::string& ocid);
  // nullopt: no such process; a process may have no jurisdiction (nullopt inside).
  static std::optional<std::optional<int64_t>> process_jurisdiction(store::Connection& c, const std::string& ocid);
};

}  // namespace apertura::money
