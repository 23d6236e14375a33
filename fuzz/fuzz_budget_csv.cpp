// The budget CSV (docs/presupuesto-csv.md): any bytes give rows or problems
// with their line, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "money/budget/budget_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  apertura::money::parse_budget_csv(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
