#pragma once
// The budget-lines CSV that institutions upload (documented in
// docs/presupuesto-csv.md). One header row names the columns, in any order:
//   ejercicio, clave, unidad_responsable,
//   aprobado, modificado, comprometido, devengado, ejercido, pagado  (required)
//   descripcion, programa, partida, fuente                           (optional)
// Amounts are pesos with an optional "$", thousands commas (inside quotes) and
// a decimal point. Each row is checked on its own and every problem is kept
// with its line, so one upload reports all of them.
#include <string>
#include <string_view>
#include <vector>

#include "money/budget/budget_line.h"

namespace apertura::money {

struct BudgetRowProblem {
  int64_t line = 0;  // 0: the file as a whole
  std::string message;
};

struct BudgetFile {
  std::vector<BudgetLine> lines;
  std::vector<int64_t> line_numbers;  // where each line was in the file
  std::vector<BudgetRowProblem> problems;
};

BudgetFile parse_budget_csv(std::string_view text);

}  // namespace apertura::money
