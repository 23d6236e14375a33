#include "accounts/messages.h"

namespace apertura::accounts {

std::string_view text(Msg message) {
  switch (message) {
    case Msg::sign_in_for_inbox: return "Inicia sesión para leer tus avisos.";
    case Msg::inbox_message_not_found: return "No tienes un aviso {} sin leer.";
    case Msg::wrong_credentials: return "El correo o la contraseña no son correctos.";
    case Msg::wrong_credentials_field: return "revisa el correo y la contraseña";
    case Msg::password_too_short: return "debe tener al menos {} caracteres";
    case Msg::password_too_long: return "es demasiado larga (máximo 1024 bytes)";
    case Msg::official_needs_institution:
      return "Una cuenta de persona servidora pública debe pertenecer a una institución.";
    case Msg::official_needs_institution_field: return "elige la institución (sujeto obligado)";
    case Msg::institution_unknown: return "La institución indicada no existe.";
    case Msg::institution_unknown_field: return "no existe la institución {}";
    case Msg::jurisdiction_unknown: return "La jurisdicción indicada no existe.";
    case Msg::jurisdiction_unknown_field: return "no existe la jurisdicción {}";
    case Msg::only_own_jurisdiction: return "Tu cuenta administra solo su propia jurisdicción.";
    case Msg::email_field: return "escribe un correo electrónico válido";
    case Msg::name_field: return "escribe tu nombre";
    case Msg::at_most_120: return "usa como máximo 120 caracteres";
    case Msg::invalid_characters: return "contiene caracteres no válidos";
    case Msg::email_taken: return "Ya existe una cuenta con ese correo.";
    case Msg::email_taken_field: return "ya está registrado; inicia sesión o restablece tu contraseña";
    case Msg::passwords_differ: return "Las contraseñas no coinciden.";
    case Msg::same_as_password: return "debe ser igual a la contraseña";
    case Msg::too_many_failures: return "Demasiados intentos fallidos. Espera {} minutos o restablece tu contraseña.";
    case Msg::reset_subject: return "Restablece tu contraseña de Apertura";
    case Msg::reset_body:
      return "Hola, {}.\n\nPara elegir una contraseña nueva abre este enlace (vale una hora y una sola vez):\n{}"
             "\n\nSi no lo pediste, ignora este mensaje: tu contraseña no cambia.\n";
    case Msg::reset_link_invalid: return "El enlace para restablecer la contraseña no es válido o ya caducó.";
    case Msg::reset_link_invalid_field: return "pide un enlace nuevo";
    case Msg::no_account_with_email: return "No existe una cuenta con el correo {}.";
    case Msg::account_elsewhere: return "Esa cuenta no pertenece a la jurisdicción que administras.";
    case Msg::account_not_found: return "No existe la cuenta {}.";
    case Msg::sign_in_for_tokens: return "Inicia sesión para administrar tus tokens de API.";
    case Msg::token_name_field: return "escribe para qué programa es el token (de 1 a 100 caracteres)";
    case Msg::too_many_tokens: return "Ya tienes {} tokens activos; revoca alguno que ya no uses.";
    case Msg::token_not_found: return "No existe el token {} entre los tuyos.";
    case Msg::token_invalid: return "El token de API no es válido o fue revocado. Crea otro en /cuenta/tokens.";
  }
  return "";
}

}  // namespace apertura::accounts
