#pragma once
// SQL for co-creation proposals, their supports and comments.
#include <optional>
#include <vector>

#include "core/paging.h"
#include "participation/proposal.h"
#include "store/connection.h"

namespace apertura::participation {

class ProposalRepository {
 public:
  static int64_t insert(store::Connection& c, const Proposal& proposal);
  static std::optional<Proposal> find(store::Connection& c, int64_t id);
  // Newest first; `status` filters when set.
  static Paged<Proposal> for_jurisdiction(store::Connection& c, int64_t jurisdiction_id,
                                          std::optional<ProposalStatus> status, const Slice& slice);
  static std::vector<Proposal> by_author(store::Connection& c, int64_t author_id);
  // Writes the answer only if the proposal still has `proposal.version` (and
  // bumps it); false when another answer came first (nothing is written then).
  static bool save_answer(store::Connection& c, const Proposal& proposal);
  // Throws store::UniqueViolation when this user already supported it.
  static void add_support(store::Connection& c, int64_t proposal_id, int64_t user_id);
  static int64_t add_comment(store::Connection& c, const ProposalComment& comment);
  static std::vector<ProposalComment> comments(store::Connection& c, int64_t proposal_id);
};

}  // namespace apertura::participation
