#pragma once
// Budget lines and the money trail as pages, downloads and the API show them.
#include <nlohmann/json.hpp>

#include "money/budget/budget_service.h"
#include "web/downloads.h"

namespace apertura::money {

// The six moments as money written for people, keyed by their CSV column ("aprobado").
nlohmann::json moments_text(const BudgetMoments& moments);
// A line for a page: year, key, unit, description and its moments as text.
nlohmann::json line_view(const BudgetLine& line);
// Lines as a downloadable table (one row per line, the six moments as columns).
web::Table budget_lines_table(const std::vector<BudgetLine>& lines);
// The trail: units with their moments, method and supplier sums, and the
// nodes and links of the flow chart (budget -> unit -> method -> supplier).
nlohmann::json trail_json(const MoneyTrail& trail);
// The same with amounts written for people, for the page.
nlohmann::json trail_view(const MoneyTrail& trail);
// Every flow as a downloadable table.
web::Table trail_flows_table(const MoneyTrail& trail);

}  // namespace apertura::money
