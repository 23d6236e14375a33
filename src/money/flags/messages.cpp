#include "money/flags/messages.h"

namespace apertura::money {

std::string_view text(FlagMsg message) {
  switch (message) {
    case FlagMsg::settings_line: return "línea {}: {}";
    case FlagMsg::section_unclosed: return "falta «]» en el nombre de la sección";
    case FlagMsg::unknown_section: return "sección desconocida [{}]";
    case FlagMsg::key_value_expected: return "se esperaba «clave = valor»";
    case FlagMsg::natural_number: return "{} debe ser un número natural";
    case FlagMsg::number: return "{} debe ser un número";
    case FlagMsg::unknown_key: return "clave desconocida «{}»";
    case FlagMsg::unknown_key_in_section: return "clave desconocida «{}» en [{}]";
    case FlagMsg::percentile_range: return "percentile va de 0 a 100";
  }
  return "";
}

}  // namespace apertura::money
