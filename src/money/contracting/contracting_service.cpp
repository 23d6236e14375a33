#include "money/contracting/contracting_service.h"


#include <map>

#include "core/clock.h"
#include "money/contracting/messages.h"
#include "money/ocds/merge_rules.h"
#include "money/ocds/release_merger.h"

namespace apertura::money {

namespace {

using nlohmann::json;

constexpr int64_t kTopCounterparts = 20;

std::vector<json> parse_releases(const std::vector<StoredRelease>& stored) {
  std::vector<json> releases;
  for (const StoredRelease& release : stored) releases.push_back(json::parse(release.data));
  return releases;
}

bool any_1_1(const std::vector<StoredRelease>& stored) {
  for (const auto& release : stored) {
    if (release.ocds_version == "1.1") return true;
  }
  return false;
}

json package_header(const std::string& uri) {
  return {{"uri", uri},
          {"version", "1.1"},
          {"publishedDate", now_timestamp()},
          {"publisher", {{"name", "Apertura"}}},
          {"license", "https://creativecommons.org/licenses/by/4.0/"},
          {"publicationPolicy", say(ContractingMsg::publication_policy)}};
}

}  // namespace

Paged<ProcessRow> ContractingService::find(const ProcessFilter& filter, const Slice& slice) {
  auto connection = database_.connect();
  return ContractingRepository::find_processes(*connection, filter, slice);
}

Result<ProcessDetail> ContractingService::process(const std::string& ocid, History history) {
  auto connection = database_.connect();
  auto row = ContractingRepository::process_by_ocid(*connection, ocid);
  if (!row) return Error::not_found(say(ContractingMsg::process_not_found, ocid));
  ProcessDetail detail;
  detail.row = *row;
  detail.compiled = json::parse(ContractingRepository::compiled_of(*connection, ocid).value_or("{}"));
  if (history == History::without) return detail;
  detail.releases = ContractingRepository::releases_of(*connection, {ocid});
  std::vector<json> releases = parse_releases(detail.releases);
  // The versioned release is computed when asked for, not stored: it is
  // cheap for one process and doubles the storage of every import otherwise.
  const MergeRules& rules = MergeRules::for_version(any_1_1(detail.releases) ? "1.1" : "1.0");
  detail.versioned = version_releases(releases, rules);
  detail.changes = changes_of(detail.versioned);
  std::stable_sort(detail.releases.begin(), detail.releases.end(),
                   [](const StoredRelease& a, const StoredRelease& b) { return a.date < b.date; });
  return detail;
}

std::optional<std::string> ContractingService::process_title(const std::string& ocid) {
  auto connection = database_.connect();
  auto row = ContractingRepository::process_by_ocid(*connection, ocid);
  if (!row) return std::nullopt;
  return row->title;
}

Result<OrganizationDetail> ContractingService::organization(int64_t id) {
  auto connection = database_.connect();
  auto organization = ContractingRepository::organization(*connection, id);
  if (!organization) return Error::not_found(say(ContractingMsg::organization_not_found, id));
  OrganizationDetail detail;
  detail.organization = *organization;
  detail.spend_by_year = ContractingRepository::buyer_spend_by_year(*connection, id);
  detail.methods = ContractingRepository::buyer_methods(*connection, id);
  detail.top_suppliers = ContractingRepository::suppliers_of_buyer(*connection, id, kTopCounterparts);
  detail.income_by_year = ContractingRepository::supplier_income_by_year(*connection, id);
  detail.buyers = ContractingRepository::buyers_of_supplier(*connection, id, kTopCounterparts);
  return detail;
}

json ContractingService::record_package(const std::vector<std::string>& ocids, const std::string& uri) {
  auto connection = database_.connect();
  std::map<std::string, std::vector<StoredRelease>> by_ocid;
  for (StoredRelease& release : ContractingRepository::releases_of(*connection, ocids)) {
    by_ocid[release.ocid].push_back(std::move(release));
  }
  json records = json::array();
  for (const std::string& ocid : ocids) {
    auto compiled = ContractingRepository::compiled_of(*connection, ocid);
    if (!compiled) continue;
    json record = {{"ocid", ocid}, {"releases", json::array()}, {"compiledRelease", json::parse(*compiled)}};
    for (const StoredRelease& release : by_ocid[ocid]) record["releases"].push_back(json::parse(release.data));
    records.push_back(std::move(record));
  }
  json package = package_header(uri);
  package["records"] = std::move(records);
  return package;
}

json ContractingService::release_package(const std::vector<std::string>& ocids, const std::string& uri) {
  auto connection = database_.connect();
  json releases = json::array();
  for (const StoredRelease& release : ContractingRepository::releases_of(*connection, ocids)) {
    releases.push_back(json::parse(release.data));
  }
  json package = package_header(uri);
  package["releases"] = std::move(releases);
  return package;
}

}  // namespace apertura::money
