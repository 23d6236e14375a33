#pragma once
// Contracting data as the pages and the API show it: Spanish labels, money
// written for people, tables for downloads.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/number_text.h"

#include "money/contracting/contracting_service.h"
#include "web/downloads.h"
#include "web/request.h"

namespace apertura::money {

std::string method_label(const std::string& method);
std::string stage_label(const std::string& stage);
// "$1,234,567.89 MXN"; "" when there is no amount.
std::string money_text(std::optional<double> amount, const std::string& currency);

nlohmann::json process_json(const ProcessRow& row);  // API and downloads
nlohmann::json process_view(const ProcessRow& row);  // pages
// `licenses[i]` is the licence of `rows[i]` (ContractingService::licenses).
web::Table process_table(const std::vector<ProcessRow>& rows, const std::vector<License>& licenses);
nlohmann::json organization_json(const OrganizationDetail& detail);

// Reads the search form / API filters; a malformed value is a 400 naming it.
ProcessFilter filter_from(const web::Request& request);

}  // namespace apertura::money
