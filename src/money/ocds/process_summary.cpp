#include "money/ocds/process_summary.h"

#include <cstdlib>
#include <map>
#include <set>

#include "core/text.h"
#include "money/ocds/json_access.h"
#include "money/ocds/json_view.h"

namespace apertura::money {

namespace {

using nlohmann::json;

std::string identifier_of(JsonView organization) {
  JsonView identifier = field(organization, "identifier");
  std::string scheme = text_of(field(identifier, "scheme"));
  std::string id = text_of(field(identifier, "id"));
  if (id.empty()) return "";
  return scheme.empty() ? id : scheme + "-" + id;
}

// A process's `parties` with their ids read once: every reference to an
// organisation (buyer, suppliers, tenderers) looks its party up.
class Parties {
 public:
  explicit Parties(JsonView parties) {
    for (JsonView party : parties) parties_.push_back({field(party, "id"), party});
  }
  // The first party with this id, or null.
  JsonView find(JsonView id) const {
    for (const auto& [party_id, party] : parties_) {
      if (party_id == id) return party;
    }
    return {};
  }

 private:
  std::vector<std::pair<JsonView, JsonView>> parties_;
};

// Resolves an organisation reference through `parties` (1.1) or reads the
// organisation written out in place (1.0).
std::optional<OrganizationRef> organization_of(JsonView reference, const Parties& parties) {
  if (!reference.is_object()) return std::nullopt;
  std::string name = text_of(field(reference, "name"));
  std::string identifier = identifier_of(reference);
  JsonView id = field(reference, "id");
  if (!id.is_null() && (name.empty() || identifier.empty())) {
    JsonView party = parties.find(id);
    if (name.empty()) name = text_of(field(party, "name"));
    if (identifier.empty()) identifier = identifier_of(party);
  }
  name = std::string(trim(name));
  if (name.empty() && identifier.empty()) return std::nullopt;
  OrganizationRef ref;
  ref.party_id = text_of(id);
  ref.name = name.empty() ? identifier : name;
  ref.identifier = identifier;
  ref.key = identifier.empty() ? "name:" + fold_for_search(name) : identifier;
  return ref;
}

bool counts(JsonView award_or_contract) {
  std::string status = text_of(field(award_or_contract, "status"));
  return status != "cancelled" && status != "unsuccessful";
}

std::optional<int> year_of(const std::string& date) {
  if (date.size() < 4) return std::nullopt;
  int year = std::atoi(date.substr(0, 4).c_str());
  if (year < 1900 || year > 2200) return std::nullopt;
  return year;
}

void add_item_texts(JsonView items, std::string& out) {
  if (!items.is_array()) return;
  for (JsonView item : items) {
    std::string description = text_of(field(item, "description"));
    if (!description.empty()) out += " " + description;
  }
}

}  // namespace

std::optional<double> initial_contract_amount(const std::vector<const json*>& ordered_releases) {
  std::map<std::string, double> first;
  for (const json* release : ordered_releases) {
    for (const json& contract : array_field(*release, "contracts")) {
      std::string id = text_of(field(contract, "id"));
      if (id.empty() || first.count(id)) continue;
      if (auto amount = amount_of(field(field(contract, "value"), "amount"))) first[id] = *amount;
    }
  }
  if (first.empty()) return std::nullopt;
  double total = 0;
  for (const auto& [_, amount] : first) total += amount;
  return total;
}

std::optional<double> amount_of(JsonView value) {
  if (value.is_number()) return value.number();
  if (value.is_string()) {
    const std::string text(value.string());
    char* end = nullptr;
    double number = std::strtod(text.c_str(), &end);
    if (end != text.c_str() && *end == '\0') return number;
  }
  return std::nullopt;
}

ProcessSummary summarize_process(JsonView compiled, const std::string& first_date) {
  ProcessSummary summary;
  summary.ocid = text_of(field(compiled, "ocid"));
  JsonView party_list = array_field(compiled, "parties");
  const Parties parties(party_list);
  JsonView planning = field(compiled, "planning");
  JsonView tender = field(compiled, "tender");
  JsonView awards = array_field(compiled, "awards");
  JsonView contracts = array_field(compiled, "contracts");

  summary.title = text_of(field(tender, "title"));
  for (const JsonView* list : {&contracts, &awards}) {
    for (JsonView entry : *list) {
      if (summary.title.empty()) summary.title = text_of(field(entry, "title"));
    }
  }
  if (summary.title.empty()) summary.title = text_of(field(field(planning, "budget"), "description"));
  summary.description = text_of(field(tender, "description"));
  if (summary.description.empty()) summary.description = text_of(field(planning, "rationale"));

  summary.buyer = organization_of(field(compiled, "buyer"), parties);
  if (!summary.buyer) {
    for (JsonView party : party_list) {
      for (JsonView role : array_field(party, "roles")) {
        if (!summary.buyer && role == "buyer") summary.buyer = organization_of(party, parties);
      }
    }
  }
  if (!summary.buyer) summary.buyer = organization_of(field(tender, "procuringEntity"), parties);

  summary.procurement_method = text_of(field(tender, "procurementMethod"));
  summary.procurement_method_details = text_of(field(tender, "procurementMethodDetails"));
  summary.status = text_of(field(tender, "status"));
  summary.budget_id = text_of(field(field(planning, "budget"), "id"));

  auto note_currency = [&](JsonView value) {
    if (summary.currency.empty()) summary.currency = text_of(field(value, "currency"));
  };
  summary.tender_amount = amount_of(field(field(tender, "value"), "amount"));
  note_currency(field(tender, "value"));

  std::map<std::string, PartyShare> suppliers;
  std::vector<std::string> supplier_order;
  for (JsonView award : awards) {
    if (!counts(award)) continue;
    std::optional<double> value = amount_of(field(field(award, "value"), "amount"));
    note_currency(field(award, "value"));
    if (value) summary.award_amount = summary.award_amount.value_or(0) + *value;
    for (JsonView supplier : array_field(award, "suppliers")) {
      std::optional<OrganizationRef> ref = organization_of(supplier, parties);
      if (!ref) continue;
      std::string key = ref->key;
      auto [it, inserted] = suppliers.try_emplace(key, PartyShare{std::move(*ref), "supplier", std::nullopt});
      if (inserted) supplier_order.push_back(std::move(key));
      if (value) it->second.amount = it->second.amount.value_or(0) + *value;
    }
  }
  bool paid = false;
  for (JsonView contract : contracts) {
    if (!counts(contract)) continue;
    std::optional<double> value = amount_of(field(field(contract, "value"), "amount"));
    note_currency(field(contract, "value"));
    if (value) summary.contract_amount = summary.contract_amount.value_or(0) + *value;
    if (!array_field(field(contract, "implementation"), "transactions").empty()) paid = true;
  }
  // Some publishers write 0 for a contract whose value they did not publish.
  auto positive = [](const std::optional<double>& v) { return v && *v > 0; };
  summary.amount = positive(summary.contract_amount) ? summary.contract_amount
                   : positive(summary.award_amount)  ? summary.award_amount
                   : positive(summary.tender_amount) ? summary.tender_amount
                   : summary.contract_amount         ? summary.contract_amount
                   : summary.award_amount            ? summary.award_amount
                                                     : summary.tender_amount;

  JsonView number_of_tenderers = field(tender, "numberOfTenderers");
  if (number_of_tenderers.is_number_integer()) {
    summary.tenderers = number_of_tenderers.integer();
  } else if (field(tender, "tenderers").is_array()) {
    summary.tenderers = static_cast<int64_t>(field(tender, "tenderers").size());
  }

  summary.stage = paid                        ? "implementation"
                  : !contracts.empty()        ? "contract"
                  : !awards.empty()           ? "award"
                  : tender.is_object()        ? "tender"
                                              : "planning";

  std::string start = text_of(field(field(tender, "tenderPeriod"), "startDate"));
  if (start.empty() && !awards.empty()) start = text_of(field(awards[0], "date"));
  if (start.empty() && !contracts.empty()) start = text_of(field(contracts[0], "dateSigned"));
  if (start.empty()) start = first_date;
  summary.year = year_of(start);

  if (summary.buyer) summary.parties.push_back({*summary.buyer, "buyer", summary.amount});
  for (const std::string& key : supplier_order) {
    PartyShare& share = suppliers.at(key);
    if (!summary.supplier_names.empty()) summary.supplier_names += "; ";
    summary.supplier_names += share.organization.name;
    summary.parties.push_back(std::move(share));
  }
  std::set<std::string> seen_tenderers;
  for (JsonView tenderer : array_field(tender, "tenderers")) {
    std::optional<OrganizationRef> ref = organization_of(tenderer, parties);
    if (ref && seen_tenderers.insert(ref->key).second) {
      summary.parties.push_back({std::move(*ref), "tenderer", std::nullopt});
    }
  }

  std::string text = summary.ocid + " " + summary.title + " " + summary.description;
  add_item_texts(field(tender, "items"), text);
  for (JsonView award : awards) add_item_texts(field(award, "items"), text);
  for (JsonView contract : contracts) add_item_texts(field(contract, "items"), text);
  if (summary.buyer) text += " " + summary.buyer->name;
  text += " " + summary.supplier_names;
  summary.search_text = std::move(text);
  return summary;
}

}  // namespace apertura::money
