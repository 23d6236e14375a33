#include "money/ocds/messages.h"

namespace apertura::money {

std::string_view text(OcdsMsg message) {
  switch (message) {
    case OcdsMsg::cannot_open: return "no se puede abrir {}";
    case OcdsMsg::cannot_read: return "no se puede leer el archivo: {}";
    case OcdsMsg::not_utf8:
      return "el archivo no está en UTF-8: el byte {} de la línea {} parece {}, donde es «{}». Impórtalo de nuevo "
             "con esa codificación (--encoding {} en la línea de órdenes, «Codificación» en el formulario, "
             "?encoding={} en la API) o conviértelo antes con iconv -f {} -t UTF-8";
    case OcdsMsg::looks_utf16:
      return "el archivo parece estar en UTF-16, no en UTF-8; conviértelo antes con iconv -f UTF-16 -t UTF-8";
    case OcdsMsg::byte_not_in_encoding: return "el byte {} no es un carácter de {} (byte {} del bloque leído)";
    case OcdsMsg::not_json_start:
      return "no es JSON: empieza con «{}»; se esperaba un paquete, entrega o registro OCDS (un objeto JSON), un "
             "arreglo JSON o JSON Lines";
    case OcdsMsg::not_json_bytes: return "no es JSON: empieza con bytes desconocidos";
    case OcdsMsg::item_too_large: return "el elemento es demasiado grande (más de {})";
    case OcdsMsg::ends_where_expected: return "el archivo termina donde se esperaba {} (¿está truncado?)";
    case OcdsMsg::expected_but_found: return "se esperaba {} y hay «{}»";
    case OcdsMsg::comma_or_brace: return "«,» o «}»";
    case OcdsMsg::comma_or_bracket: return "«,» o «]»";
    case OcdsMsg::colon: return "«:»";
    case OcdsMsg::ends_inside_value:
      return "el archivo termina dentro de un valor que empieza en la línea {} (¿está truncado?)";
    case OcdsMsg::ends_inside_object: return "el archivo termina dentro de un objeto (¿está truncado?)";
    case OcdsMsg::key_expected: return "se esperaba un nombre de campo entre comillas y hay «{}»";
    case OcdsMsg::key_too_long: return "un nombre de campo es demasiado largo o no termina";
    case OcdsMsg::ends_inside_object_from:
      return "el archivo termina dentro del objeto que empieza en la línea {} (¿está truncado?)";
    case OcdsMsg::ends_inside_release_list: return "el archivo termina dentro de la lista de entregas (¿está truncado?)";
    case OcdsMsg::unclosed_before_list_end: return "el elemento no se cierra antes del final de la lista (¿falta una «}»?)";
    case OcdsMsg::unclosed_before_line:
      return "el elemento no se cierra antes de la línea {} (¿falta una «}»?); la lectura sigue en esa línea";
    case OcdsMsg::closes_early: return "el elemento se cierra antes de su última línea (¿sobra una «}»?)";
    case OcdsMsg::found_instead_of_comma: return "hay «{}» donde se esperaba «,» o «]»";
    case OcdsMsg::ends_without_another: return "{} y el archivo termina sin otro elemento";
    case OcdsMsg::reading_goes_on: return "{}; la lectura sigue en la línea {}";
    case OcdsMsg::ends_inside_top_array: return "el archivo termina dentro del arreglo principal (¿está truncado?)";

    case OcdsMsg::object_over_value: return "una entrega anterior tenía el valor {} en /{}, y esta tiene ahí un objeto";
    case OcdsMsg::array_over_value:
      return "una entrega anterior tenía {} en /{}, y esta tiene ahí una lista de objetos";
    case OcdsMsg::object_over_position:
      return "una entrega anterior tenía {} en la posición {} de /{}, y esta tiene ahí un objeto";
    case OcdsMsg::value_over_history: return "una entrega anterior tenía un objeto en /{}, y esta tiene {}";
    case OcdsMsg::array_over_other:
      return "una entrega anterior tenía otro tipo de valor en /{}, y esta tiene ahí una lista de objetos";
    case OcdsMsg::release_not_object: return "una entrega no es un objeto JSON";
    case OcdsMsg::numbered_release_not_object: return "la entrega {} no es un objeto JSON";
    case OcdsMsg::release_without_date: return "la entrega {} no tiene `date`";
    case OcdsMsg::release_null_date: return "la entrega {} tiene `date` nulo";
    case OcdsMsg::release_date_not_text: return "la entrega {} tiene un `date` que no es texto";
  }
  return "";
}

}  // namespace apertura::money
