#include "money/contracting/contracting_service.h"

#include <algorithm>
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

// A record's compiledRelease kept as the publisher's is not a release: not
// in a release list, a release package or the history of changes.
void without_publisher_compiled(std::vector<StoredRelease>& stored) {
  stored.erase(std::remove_if(stored.begin(), stored.end(),
                              [](const StoredRelease& release) { return release.publisher_compiled; }),
               stored.end());
}

bool any_1_1(const std::vector<StoredRelease>& stored) {
  for (const auto& release : stored) {
    if (release.ocds_version == "1.1") return true;
  }
  return false;
}

License license_for_url(const std::string& url) {
  if (url.empty()) return License::cc_by_4();
  if (auto offered = License::for_url(url)) return *offered;
  return {"", say(ContractingMsg::publisher_license), url};
}

// One licence for a package of several releases: theirs when they share it, else the portal's default.
std::string package_license(const std::vector<StoredRelease>& releases) {
  if (releases.empty()) return License::cc_by_4().url;
  for (const auto& release : releases) {
    if (release.license != releases.front().license) return License::cc_by_4().url;
  }
  return license_for_url(releases.front().license).url;
}

json package_header(const std::string& uri, const std::string& license_url) {
  return {{"uri", uri},
          {"version", "1.1"},
          {"publishedDate", now_timestamp()},
          {"publisher", {{"name", "Apertura"}}},
          {"license", license_url},
          {"publicationPolicy", say(ContractingMsg::publication_policy)}};
}

}  // namespace

Paged<ProcessRow> ContractingService::find(const ProcessFilter& filter, const Slice& slice) {
  auto connection = database_.connect();
  return ContractingRepository::find_processes(*connection, filter, slice);
}

std::vector<License> ContractingService::licenses(const std::vector<ProcessRow>& rows) {
  std::vector<std::string> ocids;
  for (const auto& row : rows) ocids.push_back(row.ocid);
  auto connection = database_.connect();
  auto urls = ContractingRepository::licenses_of(*connection, ocids);
  std::vector<License> licenses;
  for (const auto& row : rows) {
    auto found = urls.find(row.ocid);
    licenses.push_back(license_for_url(found == urls.end() ? "" : found->second));
  }
  return licenses;
}

std::optional<License> ContractingService::shared_license() {
  auto connection = database_.connect();
  std::vector<License> licenses;
  for (const std::string& url : ContractingRepository::package_licenses(*connection)) {
    licenses.push_back(license_for_url(url));
  }
  return License::shared(licenses);
}

Result<ProcessDetail> ContractingService::process(const std::string& ocid, History history) {
  auto connection = database_.connect();
  auto row = ContractingRepository::process_by_ocid(*connection, ocid);
  if (!row) return Error::not_found(say(ContractingMsg::process_not_found, ocid));
  ProcessDetail detail;
  detail.row = *row;
  detail.license = license_for_url(ContractingRepository::license_of(*connection, ocid));
  detail.compiled = json::parse(ContractingRepository::compiled_of(*connection, ocid).value_or("{}"));
  detail.compiled_by_publisher = ContractingRepository::only_publisher_compiled(*connection, ocid);
  if (history == History::without) return detail;
  detail.releases = ContractingRepository::releases_of(*connection, {ocid});
  without_publisher_compiled(detail.releases);
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
  std::vector<StoredRelease> stored = ContractingRepository::releases_of(*connection, ocids);
  std::string license_url = package_license(stored);
  without_publisher_compiled(stored);  // the record's compiledRelease is the one shown
  std::map<std::string, std::vector<StoredRelease>> by_ocid;
  for (StoredRelease& release : stored) by_ocid[release.ocid].push_back(std::move(release));
  json records = json::array();
  for (const std::string& ocid : ocids) {
    auto compiled = ContractingRepository::compiled_of(*connection, ocid);
    if (!compiled) continue;
    json record = {{"ocid", ocid}, {"releases", json::array()}, {"compiledRelease", json::parse(*compiled)}};
    for (const StoredRelease& release : by_ocid[ocid]) record["releases"].push_back(json::parse(release.data));
    records.push_back(std::move(record));
  }
  json package = package_header(uri, license_url);
  package["records"] = std::move(records);
  return package;
}

json ContractingService::release_package(const std::vector<std::string>& ocids, const std::string& uri) {
  auto connection = database_.connect();
  std::vector<StoredRelease> stored = ContractingRepository::releases_of(*connection, ocids);
  std::string license_url = package_license(stored);
  without_publisher_compiled(stored);
  json releases = json::array();
  for (const StoredRelease& release : stored) releases.push_back(json::parse(release.data));
  json package = package_header(uri, license_url);
  package["releases"] = std::move(releases);
  return package;
}

}  // namespace apertura::money
