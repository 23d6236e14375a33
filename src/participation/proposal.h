#pragma once
// Co-creation: before a plan is drafted, people submit public problems and
// proposals for a jurisdiction; others support and comment on them; the
// secretariat answers every one, saying which commitment it became or why it
// was not taken, and the proposer sees that answer.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::participation {

enum class ProposalKind { problem, proposal };
enum class ProposalStatus { open, adopted, not_adopted };

std::string proposal_kind_name(ProposalKind kind);
std::optional<ProposalKind> parse_proposal_kind(const std::string& name);
std::string proposal_status_name(ProposalStatus status);
std::optional<ProposalStatus> parse_proposal_status(const std::string& name);

struct ProposalComment {
  int64_t id = 0;
  int64_t proposal_id = 0;
  int64_t author_id = 0;
  std::string author_name;
  std::string body;
  std::string created_at;

  nlohmann::json to_json() const;
};

struct Proposal {
  int64_t id = 0;
  int64_t jurisdiction_id = 0;
  int64_t author_id = 0;
  std::string author_name;  // as it was when submitted: proposals are public
  ProposalKind kind = ProposalKind::proposal;
  std::string title;
  std::string description;
  std::string aims;
  std::string location;
  ProposalStatus status = ProposalStatus::open;
  std::string answer;
  std::optional<int64_t> commitment_id;
  std::optional<std::string> answered_at;
  int64_t version = 0;  // bumped by every answer; an answer given on an older copy is a conflict
  std::string created_at;
  int64_t supports = 0;  // derived

  nlohmann::json to_json() const;
};

}  // namespace apertura::participation
