#include "notifications/messages.h"

namespace apertura::notifications {

std::string_view text(Msg message) {
  switch (message) {
    case Msg::outbox_is_portal_wide:
      return "La bandeja de salida reúne mensajes de todas las jurisdicciones; la ve la administración general del "
             "portal.";
    case Msg::mailer_cannot_start: return "libcurl no pudo iniciar una conexión";
  }
  return "";
}

}  // namespace apertura::notifications
