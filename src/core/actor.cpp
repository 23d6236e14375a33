#include "core/actor.h"

namespace apertura {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::anonymous: return "anonymous";
    case Role::citizen: return "citizen";
    case Role::civil_society: return "civil_society";
    case Role::official: return "official";
    case Role::admin: return "admin";
    case Role::system: return "system";
  }
  return "anonymous";
}

std::string_view role_label_es(Role role) {
  switch (role) {
    case Role::anonymous: return "Visitante";
    case Role::citizen: return "Ciudadanía";
    case Role::civil_society: return "Sociedad civil";
    case Role::official: return "Persona servidora pública";
    case Role::admin: return "Órgano garante (administración)";
    case Role::system: return "Sistema";
  }
  return "Visitante";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role role : {Role::citizen, Role::civil_society, Role::official, Role::admin}) {
    if (role_name(role) == name) return role;
  }
  return std::nullopt;
}

}  // namespace apertura
