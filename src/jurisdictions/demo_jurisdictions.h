#pragma once
// Demo data: the federation and the twelve states that signed the 2015
// declaration, with their INEGI codes and a few institutions each.
#include <string>
#include <vector>

#include "core/actor.h"
#include "jurisdictions/jurisdiction_service.h"

namespace apertura::jurisdictions {

struct DemoJurisdiction {
  std::string code;
  std::string name;
  std::string level;
  std::vector<NewInstitution> institutions;
};

const std::vector<DemoJurisdiction>& demo_jurisdictions();

// Adds a demo institution to the jurisdiction with INEGI code `code` unless
// it has one of that name already (a second demo run); true when added. Any
// other refusal throws DomainException.
bool add_demo_institution(JurisdictionService& service, const Actor& loader, const std::string& code,
                          const NewInstitution& institution);

}  // namespace apertura::jurisdictions
