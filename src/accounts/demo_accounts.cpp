#include "accounts/demo_accounts.h"

namespace apertura::accounts {

const std::vector<DemoAccount>& demo_accounts() {
  static const std::vector<DemoAccount> accounts = {
      {"admin@demo.apertura.mx", "Administración del órgano garante", Role::admin, "demo-admin-2026"},
      {"funcionaria@demo.apertura.mx", "Laura Méndez (Finanzas Jalisco)", Role::official, "demo-official-2026", "SEFIN"},
      {"garante@demo.apertura.mx", "Rubén Ortiz (ITEI, órgano garante de Jalisco)", Role::official, "demo-guarantor-2026",
       "ITEI"},
      {"sociedad@demo.apertura.mx", "Colectivo Ciudad Abierta", Role::civil_society, "demo-civil-2026"},
      {"ciudadana@demo.apertura.mx", "María Pérez", Role::citizen, "demo-citizen-2026"},
  };
  return accounts;
}

}  // namespace apertura::accounts
