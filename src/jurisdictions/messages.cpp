#include "jurisdictions/messages.h"

namespace apertura::jurisdictions {

std::string_view text(Msg message) {
  switch (message) {
    case Msg::name_field: return "escribe el nombre";
    case Msg::at_most_200: return "usa como máximo 200 caracteres";
    case Msg::invalid_characters: return "contiene caracteres no válidos";
    case Msg::jurisdiction_not_found: return "No existe la jurisdicción «{}».";
    case Msg::level_field: return "debe ser federal, state o municipality";
    case Msg::code_digits: return "la clave INEGI debe tener {} dígitos";
    case Msg::federation_code: return "la federación usa la clave 00";
    case Msg::code_00_is_federation: return "la clave 00 es de la federación";
    case Msg::register_parent_first: return "Primero registra la jurisdicción superior (clave {}).";
    case Msg::parent_missing_field: return "no existe la jurisdicción {}";
    case Msg::name_needs_letters: return "El nombre debe tener letras o números.";
    case Msg::name_needs_letters_field: return "escribe un nombre";
    case Msg::jurisdiction_taken: return "Ya existe una jurisdicción con esa clave o ese nombre.";
    case Msg::jurisdiction_taken_field: return "la clave {} o el nombre ya están registrados";
    case Msg::at_most_30: return "usa como máximo 30 caracteres";
    case Msg::website_scheme: return "debe empezar con https:// o http://";
    case Msg::at_most_500: return "usa como máximo 500 caracteres";
    case Msg::institution_taken: return "Ya existe una institución con ese nombre en {}.";
    case Msg::institution_taken_field: return "ya está registrada";
  }
  return "";
}

std::string level_label_es(Level level) {
  switch (level) {
    case Level::federal: return "Federación";
    case Level::state: return "Entidad federativa";
    case Level::municipality: return "Municipio";
  }
  return "";
}

}  // namespace apertura::jurisdictions
