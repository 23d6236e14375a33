#include "money/import/import_options.h"

namespace apertura::money {

void ImportSummary::keep(ImportProblem problem) {
  if (problems.size() < kMaxKeptProblems) problems.push_back(std::move(problem));
}

void ImportSummary::add(ImportSummary other) {
  imported += other.imported;
  duplicates += other.duplicates;
  rejected += other.rejected;
  linked += other.linked;
  from_compiled += other.from_compiled;
  processes += other.processes;
  problems_total += other.problems_total;
  for (auto& problem : other.problems) keep(std::move(problem));
  if (other.refused && !refused) refused = other.refused;
  interrupted = interrupted || other.interrupted;
}

}  // namespace apertura::money
