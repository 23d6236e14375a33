#include "money/contracting/messages.h"

namespace apertura::money {

std::string_view text(ContractingMsg message) {
  switch (message) {
    case ContractingMsg::process_not_found: return "No hay un proceso de contratación con el identificador {}.";
    case ContractingMsg::organization_not_found: return "No hay una organización con el número {}.";
    case ContractingMsg::publication_policy:
      return "Entregas OCDS tal como las publicaron sus publicadores originales.";
    case ContractingMsg::publisher_license: return "indicada por el publicador";
  }
  return "";
}

}  // namespace apertura::money
