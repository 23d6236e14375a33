#pragma once
// What lists, filters, pages and red flags need of a contracting process,
// read once from its compiled release: title, buyer, suppliers, method,
// amounts, dates. Tolerant of real data: amounts written as text, OCDS 1.0
// organisations written out in full, missing sections.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "money/ocds/json_view.h"

namespace apertura::money {

struct OrganizationRef {
  std::string key;         // "MX-RFC-XAXX010101000", or "name:<folded name>" without an identifier
  std::string name;
  std::string identifier;  // "MX-RFC-XAXX010101000" or ""
  std::string party_id;    // the id the publisher gave it inside the release
};

struct PartyShare {
  OrganizationRef organization;
  std::string role;  // buyer, supplier, tenderer
  std::optional<double> amount;
};

struct ProcessSummary {
  std::string ocid;
  std::string title;
  std::string description;
  std::optional<OrganizationRef> buyer;
  std::string procurement_method;
  std::string procurement_method_details;
  std::string status;
  std::string stage;  // planning, tender, award, contract, implementation
  std::string currency;
  std::optional<double> tender_amount;
  std::optional<double> award_amount;
  std::optional<double> contract_amount;
  std::optional<double> initial_contract_amount;  // the first published value of each contract
  std::optional<double> amount;  // contracts, else awards, else tender
  std::optional<int64_t> tenderers;
  std::string budget_id;
  std::optional<int> year;
  std::vector<PartyShare> parties;  // buyer, suppliers with their awarded amount, tenderers
  std::string supplier_names;       // "; "-separated, for lists
  std::string search_text;
};

// `first_date` is the earliest release date, the fallback for the year.
ProcessSummary summarize_process(JsonView compiled, const std::string& first_date);

// The sum of the first value each contract had, reading the releases in
// merge order (the compiled release keeps only the last).
std::optional<double> initial_contract_amount(const std::vector<const nlohmann::json*>& ordered_releases);

// A number from an OCDS amount, which some publishers write as text.
std::optional<double> amount_of(JsonView value);

}  // namespace apertura::money
