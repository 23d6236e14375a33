#pragma once
// Co-creation proposals. Rules:
// - anyone signed in may submit a problem or a proposal for a jurisdiction
//   (title up to 200 characters, a description, optional aims a-n and place),
//   support it once, and comment on it;
// - only admins (the secretariat's guarantor) answer, and every answer has a
//   written reason: "adopted" names the commitment it became, which must be in
//   a plan of the same jurisdiction; "not_adopted" says why; an answer can be
//   corrected, and each version is in the audit log; each answer leaves a
//   message to the proposer in the outbox (the site shows it too, under
//   "Mis propuestas");
// - an admin bound to a jurisdiction answers only that jurisdiction's proposals;
// - proposals, supports, comments and answers are public and audited.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "participation/permissions.h"
#include "core/result.h"
#include "jurisdictions/jurisdiction_service.h"
#include "participation/proposal.h"
#include "plans/plan_service.h"
#include "store/database.h"

namespace apertura::participation {


struct ProposalInput {
  std::string kind;  // "problem" or "proposal"
  std::string title;
  std::string description;
  std::string aims;
  std::string location;
};

struct AnswerInput {
  std::string status;  // "adopted" or "not_adopted"
  std::string answer;
  std::string commitment_id;
};

class ProposalService {
 public:
  // The email address of an account (the accounts domain answers).
  using EmailLookup = std::function<std::optional<std::string>(int64_t user_id)>;

  ProposalService(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                  plans::PlanService& plans, EmailLookup email_of = {}, std::string public_url = "")
      : database_(database),
        jurisdictions_(jurisdictions),
        plans_(plans),
        email_of_(std::move(email_of)),
        public_url_(std::move(public_url)) {}

  Result<Proposal> submit(const Actor& actor, const std::string& jurisdiction, const ProposalInput& input);
  // What the pages offer, by the rules above.
  bool may_submit(const Actor& actor) const;
  bool may_answer(const Actor& actor, const Proposal& proposal) const;
  Result<Paged<Proposal>> for_jurisdiction(const std::string& jurisdiction, const std::string& status, const Slice& slice);
  Result<Proposal> find(int64_t id);
  std::vector<ProposalComment> comments(int64_t proposal_id);
  std::vector<Proposal> mine(const Actor& actor);
  Result<Proposal> support(const Actor& actor, int64_t proposal_id);
  Result<ProposalComment> comment(const Actor& actor, int64_t proposal_id, const std::string& body);
  Result<Proposal> answer(const Actor& actor, int64_t proposal_id, const AnswerInput& input);

 private:
  store::Database& database_;
  jurisdictions::JurisdictionService& jurisdictions_;
  plans::PlanService& plans_;  // an answer names the commitment a proposal became
  EmailLookup email_of_;
  std::string public_url_;
};

}  // namespace apertura::participation
