#pragma once
// The participation domain's sentences for people, in one table
// (messages.cpp): proposals, supports, comments and the secretariat's answers.
#include <string>
#include <string_view>

#include "core/messages.h"
#include "participation/proposal.h"

namespace apertura::participation {

enum class Msg {
  proposal_not_found,
  answer_subject,
  answer_body,
  adopted_verdict,
  not_adopted_verdict,
  sign_in_to_propose,
  kind_field,
  title_field,
  body_field,
  at_most_200,
  invalid_characters,
  status_filter,
  status_filter_field,
  sign_in_to_support,
  sign_in_to_comment,
  comment_invalid,
  comment_field,
  answer_status_field,
  answer_text_field,
  answer_commitment_field,
  proposal_answered_meanwhile,
};

// The Spanish sentence, with {} where values go.
std::string_view text(Msg message);

template <typename... Values>
std::string say(Msg message, const Values&... values) {
  return fill_in(text(message), values...);
}

// "En espera de respuesta", "Incorporada al plan", "No incorporada".
std::string proposal_status_label_es(ProposalStatus status);

}  // namespace apertura::participation
