#pragma once
// Demo data: the federation and the twelve states that signed the 2015
// declaration, with their INEGI codes and a few institutions each.
#include <string>
#include <vector>

namespace apertura::jurisdictions {

struct DemoInstitution {
  std::string name;
  std::string acronym;
  std::string website;
};

struct DemoJurisdiction {
  std::string code;
  std::string name;
  std::string level;
  std::vector<DemoInstitution> institutions;
};

const std::vector<DemoJurisdiction>& demo_jurisdictions();

}  // namespace apertura::jurisdictions
