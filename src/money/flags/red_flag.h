#pragma once
// A red flag: one indicator that fired for a process, a buyer or a supplier,
// with the value that made it fire.
#include <string>

namespace apertura::money {

struct RedFlag {
  std::string code;
  std::string scope;    // process, buyer, procuring_entity, tenderer
  std::string subject;  // ocid, publisher's party id, or "org:<id>"
  double value = 0;
  std::string detail;
  std::string computed_at;
  std::string label;    // the process title or the organisation name, when known
  std::string url;      // its page, when known
};

struct FlagFilter {
  std::string code;
  std::string scope;
};

}  // namespace apertura::money
