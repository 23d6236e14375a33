#pragma once
// Budget lines and the money trail as pages, downloads and the API show them.
#include <nlohmann/json.hpp>

#include "money/budget_service.h"
#include "web/downloads.h"

namespace apertura::money {

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
