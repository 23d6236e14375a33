#pragma once
// Budget execution and the money trail. Rules:
// - admins and officials load a jurisdiction's budget lines from the CSV of
//   budget_csv.h; an official only for the jurisdiction of their institution,
//   an account bound to a jurisdiction only for it; a file with any bad row
//   writes nothing, and every problem is reported with its line;
// - a line is identified by (jurisdiction, year, key): loading it again
//   replaces its amounts; lines absent from a file are kept;
// - a responsible unit named like an institution of the jurisdiction (its
//   name or acronym, any case) is linked to it;
// - a contracting process reaches a line when its planning.budget.id equals
//   the line's key in the same jurisdiction, or through a manual link;
// - the money trail of a year follows budget -> responsible unit ->
//   procurement method -> supplier, with the suppliers' awarded amounts.
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "core/result.h"
#include "jurisdictions/jurisdiction_service.h"
#include "money/budget/budget_repository.h"
#include "money/budget/permissions.h"
#include "store/database.h"

namespace apertura::money {

struct BudgetImport {
  int64_t created = 0;
  int64_t updated = 0;
  std::vector<int> years;
};

struct MoneyTrail {
  jurisdictions::Jurisdiction jurisdiction;
  int year = 0;
  std::vector<int> years;  // with budget lines, newest first
  std::vector<jurisdictions::Jurisdiction> places;  // every jurisdiction with budget lines, to choose another
  std::vector<InstitutionBudget> institutions;
  BudgetMoments total;
  std::vector<TrailFlow> flows;  // largest first
};

class BudgetService {
 public:
  BudgetService(store::Database& database, jurisdictions::JurisdictionService& jurisdictions)
      : database_(database), jurisdictions_(jurisdictions) {}

  Result<BudgetImport> import_csv(const Actor& actor, const std::string& jurisdiction, const std::string& text);
  // Whether the actor may load budget lines (of their own jurisdiction) or
  // link them to processes: what the pages offer, by the rules above.
  bool may_import(const Actor& actor) const;
  bool may_link(const Actor& actor) const;
  // The error an actor who may not load budget lines is shown, if any.
  std::optional<Error> check_may_import(const Actor& actor) const;
  Result<Paged<BudgetLine>> lines(const std::string& jurisdiction, std::optional<int> year,
                                  const std::string& institution, const Slice& slice);
  // An empty jurisdiction means the first one with budget lines; no year, its latest.
  Result<MoneyTrail> trail(const std::string& jurisdiction, std::optional<int> year);
  Result<BudgetLine> link(const Actor& actor, const std::string& ocid, const std::string& year, const std::string& key);
  std::vector<BudgetLine> lines_of_process(const std::string& ocid);

 private:
  std::optional<Error> check_binding(const Actor& actor, BudgetAction action, int64_t jurisdiction_id);

  store::Database& database_;
  jurisdictions::JurisdictionService& jurisdictions_;
};

}  // namespace apertura::money
