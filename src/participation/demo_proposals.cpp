#include "participation/demo_proposals.h"

namespace apertura::participation {

int load_demo_proposals(ProposalService& proposals, plans::PlanService& plans, const Actor& citizen,
                        const Actor& civil_society, const Actor& admin) {
  auto existing = proposals.for_jurisdiction("14", "", {1, 0});
  if (!existing || existing->total > 0) return 0;
  auto jalisco_plans = plans.plans_of("14");
  if (!jalisco_plans || jalisco_plans->empty()) return 0;
  auto document = plans.plan(jalisco_plans->back().id).take();
  if (document.commitments.empty()) return 0;

  Proposal adopted = proposals.submit(citizen, "14", {"problem", "No sabemos a quién le compra el gobierno",
      "Las compras del gobierno estatal no se pueden consultar en un solo lugar ni descargar.", "a,k",
      "Guadalajara"}).take();
  proposals.support(civil_society, adopted.id).take();
  proposals.answer(admin, adopted.id, {"adopted", "El secretariado la incorporó como compromiso 1: contrataciones abiertas.",
                                       std::to_string(document.commitments.front().id)}).take();

  Proposal declined = proposals.submit(citizen, "14", {"proposal", "Transmitir en vivo todas las sesiones de cabildo",
      "Que los 125 municipios transmitan sus sesiones de cabildo por internet.", "g", ""}).take();
  proposals.answer(admin, declined.id, {"not_adopted", "Los cabildos son autoridades municipales y este plan es estatal; "
      "la propuesta se turnó a los municipios que se sumen al siguiente ejercicio.", ""}).take();

  Proposal open = proposals.submit(civil_society, "14", {"proposal", "Mapa de obras públicas",
      "Un mapa con cada obra pública, su costo, su avance y quién la construye.", "a,e", "Todo el estado"}).take();
  proposals.comment(citizen, open.id, "En mi colonia hay una obra detenida desde hace un año; sería muy útil.").take();
  return 3;
}

}  // namespace apertura::participation
