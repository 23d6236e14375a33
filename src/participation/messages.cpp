#include "participation/messages.h"

namespace apertura::participation {

std::string_view text(Msg message) {
  switch (message) {
    case Msg::proposal_not_found: return "No existe la propuesta {}.";
    case Msg::answer_subject: return "Respuesta a tu propuesta «{}»";
    case Msg::answer_body: return "Hola, {}:\n\n{}\n\n{}\n\nPuedes verla en {}\n";
    case Msg::adopted_verdict: return "El secretariado técnico la incorporó al plan de acción.";
    case Msg::not_adopted_verdict: return "El secretariado técnico no la incorporó al plan de acción.";
    case Msg::sign_in_to_propose: return "Inicia sesión para proponer.";
    case Msg::kind_field: return "elige problema o propuesta";
    case Msg::title_field: return "escribe un título (máximo 200 caracteres)";
    case Msg::body_field: return "describe el problema o la propuesta (máximo 10,000 caracteres)";
    case Msg::at_most_200: return "usa como máximo 200 caracteres";
    case Msg::invalid_characters: return "el texto contiene caracteres no válidos";
    case Msg::status_filter: return "El estado debe ser open, adopted o not_adopted.";
    case Msg::status_filter_field: return "valor desconocido";
    case Msg::sign_in_to_support: return "Inicia sesión para apoyar.";
    case Msg::sign_in_to_comment: return "Inicia sesión para comentar.";
    case Msg::comment_invalid: return "El comentario no es válido.";
    case Msg::comment_field: return "escribe un comentario de hasta 5,000 caracteres";
    case Msg::answer_status_field: return "elige incorporada o no incorporada";
    case Msg::answer_text_field: return "explica la respuesta a quien propuso (máximo 5,000 caracteres)";
    case Msg::answer_commitment_field: return "elige el compromiso, de un plan de esta jurisdicción, en que se convirtió";
    case Msg::proposal_answered_meanwhile:
      return "Alguien respondió esta propuesta mientras tanto; vuelve a cargarla para ver la respuesta antes de cambiarla.";
  }
  return "";
}

std::string proposal_status_label_es(ProposalStatus status) {
  switch (status) {
    case ProposalStatus::open: return "En espera de respuesta";
    case ProposalStatus::adopted: return "Incorporada al plan";
    case ProposalStatus::not_adopted: return "No incorporada";
  }
  return "";
}

}  // namespace apertura::participation
