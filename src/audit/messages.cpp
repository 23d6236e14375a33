#include "audit/messages.h"

namespace apertura::audit {

std::string_view text(Msg message) {
  switch (message) {
    case Msg::entry_deleted: return "falta la entrada {} (fue borrada)";
    case Msg::chain_broken: return "la entrada no apunta al hash de la anterior";
    case Msg::entry_modified: return "el contenido de la entrada fue modificado";
    case Msg::tail_missing: return "faltan entradas al final de la bitácora";
  }
  return "";
}

}  // namespace apertura::audit
