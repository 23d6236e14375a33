#include "money/budget/budget_line.h"

#include <charconv>

#include "core/text.h"

namespace apertura::money {

std::optional<int> parse_year(std::string_view text) {
  std::string value = trim(text);
  int year = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), year);
  if (value.size() != 4 || error != std::errc() || end != value.data() + value.size()) return std::nullopt;
  return year;
}

const std::vector<MomentColumn>& moment_columns() {
  static const std::vector<MomentColumn> columns = {
      {"aprobado", "Aprobado", &BudgetMoments::approved},
      {"modificado", "Modificado", &BudgetMoments::modified},
      {"comprometido", "Comprometido", &BudgetMoments::committed},
      {"devengado", "Devengado", &BudgetMoments::accrued},
      {"ejercido", "Ejercido", &BudgetMoments::exercised},
      {"pagado", "Pagado", &BudgetMoments::paid},
  };
  return columns;
}

BudgetMoments& BudgetMoments::operator+=(const BudgetMoments& other) {
  for (const auto& moment : moment_columns()) this->*moment.field += other.*moment.field;
  return *this;
}

nlohmann::json BudgetMoments::to_json() const {
  return {{"approved", approved}, {"modified", modified}, {"committed", committed},
          {"accrued", accrued},   {"exercised", exercised}, {"paid", paid}};
}

nlohmann::json BudgetLine::to_json() const {
  return {{"id", id},
          {"jurisdiction_id", jurisdiction_id},
          {"year", year},
          {"key", key},
          {"institution", institution},
          {"institution_id", institution_id ? nlohmann::json(*institution_id) : nlohmann::json()},
          {"description", description},
          {"program", program},
          {"spending_object", spending_object},
          {"funding_source", funding_source},
          {"moments", moments.to_json()},
          {"updated_at", updated_at}};
}

}  // namespace apertura::money
