#include "participation/proposal_service.h"

#include <charconv>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/text.h"
#include "notifications/outbox.h"
#include "participation/proposal_repository.h"

namespace apertura::participation {

namespace {



Error not_found(int64_t id) { return Error::not_found("No existe la propuesta " + std::to_string(id) + "."); }

std::string answer_subject(const Proposal& proposal) {
  return "Respuesta a tu propuesta «" + proposal.title + "»";
}

std::string answer_body(const Proposal& proposal, const std::string& public_url) {
  std::string verdict = proposal.status == ProposalStatus::adopted
                            ? "El secretariado técnico la incorporó al plan de acción."
                            : "El secretariado técnico no la incorporó al plan de acción.";
  return "Hola, " + proposal.author_name + ":\n\n" + verdict + "\n\n" + proposal.answer +
         "\n\nPuedes verla en " + public_url + "/propuestas/" + std::to_string(proposal.id) + "\n";
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
  if (!actor.user_id) return Error::unauthenticated("Inicia sesión para proponer.");
  auto place = jurisdictions_.find(jurisdiction);
  if (!place) return place.error();
  Validation validation;
  Proposal proposal;
  proposal.jurisdiction_id = place->id;
  proposal.author_id = *actor.user_id;
  proposal.author_name = actor.display_name;
  auto kind = parse_proposal_kind(trim(input.kind).empty() ? "proposal" : trim(input.kind));
  validation.require(kind.has_value(), "kind", "elige problema o propuesta");
  proposal.kind = kind.value_or(ProposalKind::proposal);
  proposal.title = trim(input.title);
  proposal.description = trim(input.description);
  proposal.location = trim(input.location);
  validation.require(!proposal.title.empty() && utf8_length(proposal.title) <= 200, "title",
                     "escribe un título (máximo 200 caracteres)");
  validation.require(!proposal.description.empty() && utf8_length(proposal.description) <= 10000, "description",
                     "describe el problema o la propuesta (máximo 10,000 caracteres)");
  validation.require(utf8_length(proposal.location) <= 200, "location", "usa como máximo 200 caracteres");
  validation.require(is_valid_utf8(proposal.title + proposal.description + proposal.location), "description",
                     "el texto contiene caracteres no válidos");
  std::string bad_letter;
  auto aims = plans::normalize_aims(input.aims, &bad_letter);
  if (aims) proposal.aims = *aims;
  else validation.fail("aims", "«" + bad_letter + "» no es un fin de la declaración; usa letras de la a a la n");
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
      return Error{ErrorKind::bad_request, "El estado debe ser open, adopted o not_adopted.", {{"status", "valor desconocido"}}};
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
  if (!actor.user_id) return Error::unauthenticated("Inicia sesión para apoyar.");
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
  if (!actor.user_id) return Error::unauthenticated("Inicia sesión para comentar.");
  auto connection = database_.connect();
  auto proposal = ProposalRepository::find(*connection, proposal_id);
  if (!proposal) return not_found(proposal_id);
  ProposalComment comment{0, proposal_id, *actor.user_id, actor.display_name, trim(body), now_timestamp()};
  if (comment.body.empty() || utf8_length(comment.body) > 5000 || !is_valid_utf8(comment.body)) {
    return Error::invalid("El comentario no es válido.", {{"body", "escribe un comentario de hasta 5,000 caracteres"}});
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
  validation.require(status && *status != ProposalStatus::open, "status", "elige incorporada o no incorporada");
  proposal->answer = trim(input.answer);
  validation.require(!proposal->answer.empty() && utf8_length(proposal->answer) <= 5000, "answer",
                     "explica la respuesta a quien propuso (máximo 5,000 caracteres)");
  proposal->commitment_id.reset();
  if (status == ProposalStatus::adopted) {
    std::string text = trim(input.commitment_id);
    int64_t id = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    std::optional<int64_t> place;
    if (ec == std::errc() && ptr == text.data() + text.size()) place = plans_.commitment_jurisdiction(id);
    bool same_place = place && *place == proposal->jurisdiction_id;
    validation.require(same_place, "commitment_id", "elige el compromiso, de un plan de esta jurisdicción, en que se convirtió");
    if (same_place) proposal->commitment_id = id;
  }
  if (!validation.ok()) return validation.error();
  proposal->status = *status;
  proposal->answered_at = now_timestamp();
  store::Transaction transaction(*connection);
  ProposalRepository::save_answer(*connection, *proposal);
  audit::AuditLog::append_public(*connection, actor, "answer", "proposal", proposal->id, proposal->jurisdiction_id, before.to_json(),
               proposal->to_json());
  if (auto email = email_of_ ? email_of_(proposal->author_id) : std::nullopt) {
    notifications::Outbox::enqueue(*connection, *email, answer_subject(*proposal), answer_body(*proposal, public_url_));
  }
  transaction.commit();
  return *proposal;
}

}  // namespace apertura::participation
