#include "participation/proposal_service.h"

#include <charconv>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/text.h"
#include "notifications/outbox.h"
#include "participation/messages.h"
#include "participation/proposal_repository.h"
#include "plans/messages.h"

namespace apertura::participation {

namespace {



Error not_found(int64_t id) { return Error::not_found(say(Msg::proposal_not_found, id)); }

std::string answer_subject(const Proposal& proposal) {
  return say(Msg::answer_subject, proposal.title);
}

std::string answer_body(const Proposal& proposal, const std::string& public_url) {
  std::string verdict = say(proposal.status == ProposalStatus::adopted ? Msg::adopted_verdict : Msg::not_adopted_verdict);
  return say(Msg::answer_body, proposal.author_name, verdict, proposal.answer,
             public_url + "/propuestas/" + std::to_string(proposal.id));
}

}  // namespace

bool ProposalService::may_submit(const Actor& actor) const {
  return proposal_permissions().allows(actor.role, ProposalAction::submit);
}

bool ProposalService::may_answer(const Actor& actor, const Proposal& proposal) const {
  return proposal_permissions().allows(actor, ProposalAction::answer, proposal.jurisdiction_id);
}

Result<Proposal> ProposalService::submit(const Actor& actor, const std::string& jurisdiction, const ProposalInput& input) {
  if (auto error = proposal_permissions().check(actor, ProposalAction::submit)) return *error;
  if (!actor.user_id) return Error::unauthenticated(say(Msg::sign_in_to_propose));
  auto place = jurisdictions_.find(jurisdiction);
  if (!place) return place.error();
  Validation validation;
  Proposal proposal;
  proposal.jurisdiction_id = place->id;
  proposal.author_id = *actor.user_id;
  proposal.author_name = actor.display_name;
  auto kind = parse_proposal_kind(trim(input.kind).empty() ? "proposal" : trim(input.kind));
  validation.require(kind.has_value(), "kind", say(Msg::kind_field));
  proposal.kind = kind.value_or(ProposalKind::proposal);
  proposal.title = trim(input.title);
  proposal.description = trim(input.description);
  proposal.location = trim(input.location);
  validation.require(!proposal.title.empty() && utf8_length(proposal.title) <= 200, "title",
                     say(Msg::title_field));
  validation.require(!proposal.description.empty() && utf8_length(proposal.description) <= 10000, "description",
                     say(Msg::body_field));
  validation.require(utf8_length(proposal.location) <= 200, "location", say(Msg::at_most_200));
  validation.require(is_valid_utf8(proposal.title + proposal.description + proposal.location), "description",
                     say(Msg::invalid_characters));
  std::string bad_letter;
  auto aims = plans::normalize_aims(input.aims, &bad_letter);
  // The aims are the plans domain's rule, and so is its sentence.
  if (aims) proposal.aims = *aims;
  else validation.fail("aims", plans::say(plans::Msg::not_an_aim, bad_letter));
  if (!validation.ok()) return validation.error();
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  proposal.id = ProposalRepository::insert(*connection, proposal);
  proposal.created_at = now_timestamp();
  audit::AuditLog::append_public(*connection, actor, "create", "proposal", proposal.id, proposal.jurisdiction_id, nullptr, proposal.to_json());
  transaction.commit();
  return proposal;
}

Result<Paged<Proposal>> ProposalService::for_jurisdiction(const std::string& jurisdiction, const std::string& status,
                                                          const Slice& slice) {
  auto place = jurisdictions_.find(jurisdiction);
  if (!place) return place.error();
  std::optional<ProposalStatus> filter;
  if (!status.empty()) {
    filter = parse_proposal_status(status);
    if (!filter) {
      return Error{ErrorKind::bad_request, say(Msg::status_filter), {{"status", say(Msg::status_filter_field)}}};
    }
  }
  auto connection = database_.connect();
  return ProposalRepository::for_jurisdiction(*connection, place->id, filter, slice);
}

Result<Proposal> ProposalService::find(int64_t id) {
  auto connection = database_.connect();
  auto proposal = ProposalRepository::find(*connection, id);
  if (!proposal) return not_found(id);
  return *proposal;
}

std::vector<ProposalComment> ProposalService::comments(int64_t proposal_id) {
  auto connection = database_.connect();
  return ProposalRepository::comments(*connection, proposal_id);
}

std::vector<Proposal> ProposalService::mine(const Actor& actor) {
  if (!actor.user_id) return {};
  auto connection = database_.connect();
  return ProposalRepository::by_author(*connection, *actor.user_id);
}

Result<Proposal> ProposalService::support(const Actor& actor, int64_t proposal_id) {
  if (auto error = proposal_permissions().check(actor, ProposalAction::support)) return *error;
  if (!actor.user_id) return Error::unauthenticated(say(Msg::sign_in_to_support));
  auto connection = database_.connect();
  auto proposal = ProposalRepository::find(*connection, proposal_id);
  if (!proposal) return not_found(proposal_id);
  try {
    store::Transaction transaction(*connection);
    ProposalRepository::add_support(*connection, proposal_id, *actor.user_id);
    audit::AuditLog::append_public(*connection, actor, "support", "proposal", proposal_id, proposal->jurisdiction_id, nullptr,
                 {{"proposal_id", proposal_id}});
    transaction.commit();
  } catch (const store::UniqueViolation&) {
    return Error::conflict("Ya apoyaste esta propuesta.");
  }
  return *ProposalRepository::find(*connection, proposal_id);
}

Result<ProposalComment> ProposalService::comment(const Actor& actor, int64_t proposal_id, const std::string& body) {
  if (auto error = proposal_permissions().check(actor, ProposalAction::comment)) return *error;
  if (!actor.user_id) return Error::unauthenticated(say(Msg::sign_in_to_comment));
  auto connection = database_.connect();
  auto proposal = ProposalRepository::find(*connection, proposal_id);
  if (!proposal) return not_found(proposal_id);
  ProposalComment comment{0, proposal_id, *actor.user_id, actor.display_name, trim(body), now_timestamp()};
  if (comment.body.empty() || utf8_length(comment.body) > 5000 || !is_valid_utf8(comment.body)) {
    return Error::invalid(say(Msg::comment_invalid), {{"body", say(Msg::comment_field)}});
  }
  store::Transaction transaction(*connection);
  comment.id = ProposalRepository::add_comment(*connection, comment);
  audit::AuditLog::append_public(*connection, actor, "comment", "proposal", proposal_id, proposal->jurisdiction_id, nullptr, comment.to_json());
  transaction.commit();
  return comment;
}

Result<Proposal> ProposalService::answer(const Actor& actor, int64_t proposal_id, const AnswerInput& input) {
  if (auto error = proposal_permissions().check(actor, ProposalAction::answer)) return *error;
  auto connection = database_.connect();
  auto proposal = ProposalRepository::find(*connection, proposal_id);
  if (!proposal) return not_found(proposal_id);
  if (auto error = proposal_permissions().check(actor, ProposalAction::answer, proposal->jurisdiction_id)) return *error;
  Proposal before = *proposal;
  Validation validation;
  auto status = parse_proposal_status(trim(input.status));
  validation.require(status && *status != ProposalStatus::open, "status", say(Msg::answer_status_field));
  proposal->answer = trim(input.answer);
  validation.require(!proposal->answer.empty() && utf8_length(proposal->answer) <= 5000, "answer",
                     say(Msg::answer_text_field));
  proposal->commitment_id.reset();
  if (status == ProposalStatus::adopted) {
    std::string text = trim(input.commitment_id);
    int64_t id = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    std::optional<int64_t> place;
    if (ec == std::errc() && ptr == text.data() + text.size()) place = plans_.commitment_jurisdiction(id);
    bool same_place = place && *place == proposal->jurisdiction_id;
    validation.require(same_place, "commitment_id", say(Msg::answer_commitment_field));
    if (same_place) proposal->commitment_id = id;
  }
  if (!validation.ok()) return validation.error();
  proposal->status = *status;
  proposal->answered_at = now_timestamp();
  store::Transaction transaction(*connection);
  if (!ProposalRepository::save_answer(*connection, *proposal)) return Error::conflict(say(Msg::proposal_answered_meanwhile));
  ++proposal->version;
  audit::AuditLog::append_public(*connection, actor, "answer", "proposal", proposal->id, proposal->jurisdiction_id, before.to_json(),
               proposal->to_json());
  if (auto email = email_of_ ? email_of_(proposal->author_id) : std::nullopt) {
    notifications::Outbox::enqueue(*connection, *email, answer_subject(*proposal), answer_body(*proposal, public_url_));
  }
  transaction.commit();
  return *proposal;
}

}  // namespace apertura::participation
