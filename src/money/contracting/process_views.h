#pragma once
// A contracting process as its page shows it, every part in plain words: what
// was bought and when offers were due, who bid and for how much, who won, the
// contracts with their amendments and payments, the documents, and the
// releases as a timeline; OCDS field paths appear only in its "datos
// técnicos" section, beside the raw JSON.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "money/contracting/contracting_service.h"

namespace apertura::money {

nlohmann::json process_page_data(const ProcessDetail& detail);

// OCDS codes in Spanish (the code itself when it is not in the codelist).
std::string award_status_label(std::string_view status);
std::string contract_status_label(std::string_view status);
std::string bid_status_label(std::string_view status);
std::string release_tag_label(std::string_view tag);
std::string document_type_label(std::string_view type);

}  // namespace apertura::money
