#include "participation/proposal.h"

namespace apertura::participation {

std::string proposal_kind_name(ProposalKind kind) { return kind == ProposalKind::problem ? "problem" : "proposal"; }

std::optional<ProposalKind> parse_proposal_kind(const std::string& name) {
  if (name == "problem") return ProposalKind::problem;
  if (name == "proposal") return ProposalKind::proposal;
  return std::nullopt;
}

std::string proposal_status_name(ProposalStatus status) {
  switch (status) {
    case ProposalStatus::open: return "open";
    case ProposalStatus::adopted: return "adopted";
    case ProposalStatus::not_adopted: return "not_adopted";
  }
  return "open";
}

std::optional<ProposalStatus> parse_proposal_status(const std::string& name) {
  for (ProposalStatus status : {ProposalStatus::open, ProposalStatus::adopted, ProposalStatus::not_adopted}) {
    if (proposal_status_name(status) == name) return status;
  }
  return std::nullopt;
}

nlohmann::json ProposalComment::to_json() const {
  return {{"id", id}, {"proposal_id", proposal_id}, {"author_name", author_name}, {"body", body}, {"created_at", created_at}};
}

nlohmann::json Proposal::to_json() const {
  nlohmann::json aim_list = nlohmann::json::array();
  for (char letter : aims) aim_list.push_back(std::string(1, letter));
  return {{"id", id},
          {"jurisdiction_id", jurisdiction_id},
          {"author_name", author_name},
          {"kind", proposal_kind_name(kind)},
          {"title", title},
          {"description", description},
          {"aims", aim_list},
          {"location", location},
          {"status", proposal_status_name(status)},
          {"answer", answer},
          {"commitment_id", commitment_id ? nlohmann::json(*commitment_id) : nlohmann::json()},
          {"answered_at", answered_at ? nlohmann::json(*answered_at) : nlohmann::json()},
          {"created_at", created_at},
          {"supports", supports}};
}

}  // namespace apertura::participation
