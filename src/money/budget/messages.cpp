#include "money/budget/messages.h"

namespace apertura::money {

std::string_view text(BudgetMsg message) {
  switch (message) {
    case BudgetMsg::not_utf8: return "el archivo no está en UTF-8; guárdalo como «CSV UTF-8» desde la hoja de cálculo";
    case BudgetMsg::file_empty: return "el archivo está vacío";
    case BudgetMsg::unknown_column: return "la columna «{}» no es del formato (revisa su nombre)";
    case BudgetMsg::repeated_column: return "la columna «{}» está repetida";
    case BudgetMsg::missing_column: return "falta la columna «{}»";
    case BudgetMsg::cell_count: return "tiene {} columnas y el encabezado {}";
    case BudgetMsg::bad_year: return "el ejercicio «{}» no es un año de cuatro cifras";
    case BudgetMsg::key_field: return "escribe la clave presupuestaria (hasta 200 caracteres)";
    case BudgetMsg::unit_field: return "escribe la unidad responsable (hasta 300 caracteres)";
    case BudgetMsg::description_too_long: return "la descripción pasa de 2,000 caracteres";
    case BudgetMsg::bad_amount: return "«{}» no es un monto en {} (escribe, por ejemplo, 1250000.50)";
    case BudgetMsg::negative_amount: return "el monto {} es negativo";
    case BudgetMsg::moment_exceeds: return "lo {} ({}) pasa de lo {} ({})";
    case BudgetMsg::repeated_key: return "la clave «{}» del ejercicio {} ya está en la línea {}";
    case BudgetMsg::header_only: return "el archivo solo tiene el encabezado";
    case BudgetMsg::institution_elsewhere: return "Tu institución no pertenece a esa jurisdicción.";
    case BudgetMsg::pick_jurisdiction: return "Elige la jurisdicción del presupuesto.";
    case BudgetMsg::no_such_jurisdiction_field: return "no existe «{}»";
    case BudgetMsg::file_too_large: return "El archivo pesa más de 32 MB.";
    case BudgetMsg::file_too_large_field: return "divide el archivo por ejercicio o por unidad";
    case BudgetMsg::line_number: return "línea {}";
    case BudgetMsg::whole_file: return "archivo";
    case BudgetMsg::file_has_a_problem:
      return "El archivo tiene 1 problema; no importamos ninguna línea. Corrígelo y súbelo de nuevo.";
    case BudgetMsg::file_has_problems:
      return "El archivo tiene {} problemas; no importamos ninguna línea. Corrígelo y súbelo de nuevo.";
    case BudgetMsg::nothing_loaded: return "Todavía no hay presupuestos cargados.";
    case BudgetMsg::process_not_found: return "No existe el proceso de contratación «{}».";
    case BudgetMsg::process_without_jurisdiction:
      return "El proceso no tiene jurisdicción; impórtalo indicando a cuál pertenece para vincularlo.";
    case BudgetMsg::year_field: return "escribe el ejercicio con cuatro cifras";
    case BudgetMsg::line_key_field: return "escribe la clave de la línea presupuestaria";
    case BudgetMsg::no_such_line: return "No hay una línea presupuestaria con esa clave en ese ejercicio.";
    case BudgetMsg::no_such_line_field: return "no existe la clave «{}» en {}";
    case BudgetMsg::already_linked: return "El proceso ya está vinculado a esa línea presupuestaria.";
  }
  return "";
}

}  // namespace apertura::money
