#pragma once
// A line of the expenditure budget of a jurisdiction for one fiscal year, with
// the six accounting moments of Mexico's harmonised government accounting
// (CONAC): approved, modified (after adjustments), committed (a contract
// signed), accrued (goods or works received), exercised (payment ordered) and
// paid. Contracting processes reach a line through its key, the value their
// releases give in `planning.budget.id`, or through a manual link.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::money {

struct BudgetMoments {
  double approved = 0;
  double modified = 0;
  double committed = 0;
  double accrued = 0;
  double exercised = 0;
  double paid = 0;

  BudgetMoments& operator+=(const BudgetMoments& other);
  nlohmann::json to_json() const;
};

// The moments in order, with their Spanish names as the CSV header writes them.
struct MomentColumn {
  const char* column;  // "aprobado"
  const char* label;   // "Aprobado"
  double BudgetMoments::*field;
};
const std::vector<MomentColumn>& moment_columns();

// A fiscal year written with four digits ("2026"); nullopt for anything else.
std::optional<int> parse_year(std::string_view text);

struct BudgetLine {
  int64_t id = 0;
  int64_t jurisdiction_id = 0;
  int year = 0;
  std::string key;          // the budget key (clave presupuestaria) or the publisher's line id
  std::string institution;  // the responsible unit as the file names it
  std::optional<int64_t> institution_id;  // when it matches an institution of the jurisdiction
  std::string description;
  std::string program;          // programa presupuestario (E003, ...)
  std::string spending_object;  // partida (38301, ...)
  std::string funding_source;   // fuente de financiamiento
  BudgetMoments moments;
  std::string updated_at;

  nlohmann::json to_json() const;
};

}  // namespace apertura::money
