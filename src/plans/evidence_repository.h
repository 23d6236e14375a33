#pragma once
// Every SQL statement of a milestone's evidence. No rules: EvidenceService
// decides, this reads and writes (the files themselves go to the FileStore).
#include <optional>
#include <vector>

#include "plans/evidence.h"
#include "store/connection.h"

namespace apertura::plans {

struct EvidenceRepository {
  static int64_t insert(store::Connection& c, const Evidence& evidence);
  // The civil society's verdict: validation, its comment, who and when.
  // Writes the verdict only if the evidence still has `evidence.version` (and
  // bumps it); false when another verdict came first (nothing is written then).
  static bool save_validation(store::Connection& c, const Evidence& evidence);
  static std::optional<Evidence> find(store::Connection& c, int64_t id);
  // In the order they were added.
  static std::vector<Evidence> for_milestones(store::Connection& c, const std::vector<int64_t>& milestone_ids);
};

}  // namespace apertura::plans
