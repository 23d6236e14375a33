#pragma once
// A red flag: one indicator that fired for a process, a buyer or a supplier,
// with the value that made it fire.
#include <cstdint>
#include <optional>
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

// Which flags a list or a count covers; empty fields: all.
struct FlagFilter {
  std::string code;
  std::string scope;
  // Only flags about processes of this jurisdiction (buyers and suppliers
  // answer to no single one).
  std::optional<int64_t> jurisdiction_id;
};

// How many flags one indicator raised about one kind of subject.
struct FlagCount {
  std::string code;
  std::string scope;
  int64_t count = 0;
};

}  // namespace apertura::money
