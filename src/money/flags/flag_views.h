#pragma once
// What the red-flag pages show: each flag in plain words, and the summary of
// /senales, one entry per indicator with its counts and its explanation.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "money/flags/red_flag.h"
#include "core/number_text.h"
#include "money/flags/red_flag_service.h"

namespace apertura::money {

// A flag as the API and downloads give it: its stored fields, its
// indicator's title and explanation, and the label and page of its subject.
nlohmann::json flag_json(const RedFlag& flag, const RedFlagService& flags);

// The flags for a page: as flag_json, each also with its value and unit
// ("value_text") and the kind of subject it is about ("scope_label").
nlohmann::json flags_view(const std::vector<RedFlag>& list, const RedFlagService& flags);

// The summary of /senales: `indicators`, one entry per indicator of the
// catalog, in its order: code, title, why, how, `count` (all its flags
// matching the filter), `counts_text` ("12 procesos", "4 señales: 1 proceso
// · 3 licitantes o proveedores") and `url`, the list of its flags under the
// same filter (`filter_query` holds the other filters, "&scope=process");
// and `total_text`, "89 señales de 12 indicadores".
nlohmann::json indicator_summary(const RedFlagService& flags, const std::vector<FlagCount>& counts,
                                 const std::string& filter_query);

// "3 procesos", "1 comprador", "2 unidades compradoras": `count` subjects of a scope.
std::string scope_count_text(const std::string& scope, int64_t count);

}  // namespace apertura::money
