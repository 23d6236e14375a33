#include "money/import/messages.h"

namespace apertura::money {

std::string_view text(ImportMsg message) {
  switch (message) {
    case ImportMsg::pick_a_file: return "Elige un archivo OCDS para importar.";
    case ImportMsg::file_empty: return "el archivo está vacío";
    case ImportMsg::file_name_unusable: return "El nombre del archivo no se puede guardar.";
    case ImportMsg::file_name_field: return "hasta {} caracteres en UTF-8, sin caracteres de control";
    case ImportMsg::encoding_unknown: return "No conocemos la codificación «{}».";
    case ImportMsg::encoding_field: return "elige utf-8, windows-1252 o latin1";
    case ImportMsg::ocds_version_unknown:
      return "No conocemos la versión de OCDS «{}»: Apertura combina entregas con las reglas de 1.0 y de 1.1.";
    case ImportMsg::ocds_version_field: return "elige 1.0 o 1.1";
    case ImportMsg::jurisdiction_unknown: return "La jurisdicción no existe.";
    case ImportMsg::jurisdiction_unknown_field: return "no hay jurisdicción con id {}";
    case ImportMsg::job_not_found: return "No existe la importación {}.";
    case ImportMsg::job_finished: return "La importación ya terminó; no se puede cancelar.";
    case ImportMsg::cancelled_before_start: return "Cancelada por {} antes de empezar.";
    case ImportMsg::cancelled_while_running: return "Cancelada por {} durante la importación; lo importado antes se conserva.";
    case ImportMsg::upload_gone:
      return "El archivo subido ya no está en la carpeta de subidas (¿se borró o cambió la carpeta?); súbelo de nuevo.";
    case ImportMsg::internal_error: return "Error interno al importar: {}";
    case ImportMsg::status_queued: return "En espera";
    case ImportMsg::status_running: return "Importando";
    case ImportMsg::status_done: return "Terminada";
    case ImportMsg::status_failed: return "No se importó";
    case ImportMsg::refused_at_line: return "{}, línea {}: {}";
    case ImportMsg::package_not_json: return "los datos del paquete no son JSON válido: {}";
    case ImportMsg::item_not_json: return "no es JSON válido: {}";
    case ImportMsg::record_not_object: return "un registro (record) debe ser un objeto JSON";
    case ImportMsg::record_without_releases: return "el registro no trae entregas incluidas ni una entrega compilada";
    case ImportMsg::release_not_object: return "una entrega (release) debe ser un objeto JSON";
    case ImportMsg::release_without_ocid:
      return "falta `ocid` (identificador del proceso de contratación) o no es texto";
    case ImportMsg::release_without_id: return "falta `id` (identificador de la entrega) o no es texto";
    case ImportMsg::release_without_date: return "falta `date` (fecha de la entrega) o no es texto";
    case ImportMsg::cannot_compile: return "no se puede compilar con las demás entregas del proceso: {}";
  }
  return "";
}

}  // namespace apertura::money
