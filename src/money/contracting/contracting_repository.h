#pragma once
// SQL for packages, releases, contracting processes and the organisations
// that buy and sell in them. The caller owns the transaction.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/paging.h"
#include "money/ocds/process_summary.h"
#include "store/connection.h"

namespace apertura::money {

struct PackageRecord {
  std::optional<int64_t> jurisdiction_id;
  std::string source;
  std::string uri;
  std::string publisher_name;
  std::string license;
  std::string publication_policy;
  std::string published_date;
  std::string version;
  std::string metadata = "{}";
};

struct ReleaseRecord {
  std::string ocid;
  std::string release_id;
  // 0 for the first copy of an ocid + id; 1, 2... for later ones whose
  // content differs (release_identity.h), in the order received.
  int64_t copy_number = 0;
  std::string date;
  std::string tags = "[]";
  std::string ocds_version = "1.1";
  int64_t package_id = 0;
  std::string data;
  store::Value stored_data;  // data as the store keeps it (stored_json.h); made on insert when NULL
  // The compiledRelease of a record that only links its releases: the
  // publisher's compilation, shown while the process has no releases and
  // never merged as one.
  bool publisher_compiled = false;
};

struct StoredRelease {
  std::string ocid;
  std::string release_id;
  int64_t copy_number = 0;
  std::string date;
  std::string tags;
  std::string ocds_version;
  std::string data;
  std::string package_uri;
  std::string publisher_name;
  std::string license;
  bool publisher_compiled = false;  // as in ReleaseRecord
};

// One stored copy of a release: its number and its text as received.
struct StoredCopy {
  int64_t copy_number = 0;
  std::string data;
};
// By ocid, then by release id.
using StoredCopies = std::unordered_map<std::string, std::unordered_map<std::string, std::vector<StoredCopy>>>;

struct ProcessRecord {
  ProcessSummary summary;
  std::optional<int64_t> jurisdiction_id;
  std::string compiled;
  store::Value stored_compiled;  // compiled as the store keeps it; made on save when NULL
  std::string search_body;  // the summary's search text, folded (accents and case)
  std::string first_date;
  std::string last_date;
  int64_t release_count = 0;
};

// A process as lists show it (no compiled release).
struct ProcessRow {
  int64_t id = 0;
  std::string ocid;
  std::string title;
  std::string buyer_name;
  std::optional<int64_t> buyer_id;
  std::string procurement_method;
  std::string status;
  std::string stage;
  std::string currency;
  std::optional<double> amount;
  std::optional<int64_t> year;
  std::string last_date;
  std::string supplier_names;
  int64_t release_count = 0;
  std::optional<int64_t> jurisdiction_id;  // the jurisdiction it was imported for, if any
};

struct ProcessFilter {
  std::string text;
  std::optional<int64_t> buyer_id;
  std::optional<int64_t> supplier_id;
  std::optional<int64_t> jurisdiction_id;
  std::string method;
  std::string status;
  std::string date_from;  // YYYY-MM-DD, compared with the latest release date
  std::string date_to;
  std::optional<double> amount_min;
  std::optional<double> amount_max;
  std::string sort = "recent";  // recent, oldest, amount_desc, amount_asc
};

struct OrganizationRow {
  int64_t id = 0;
  std::string name;
  std::string identifier;
};

// Spending grouped by one key (a year, a procurement method).
struct AmountGroup {
  std::string key;
  int64_t processes = 0;
  double amount = 0;
};

// The other side of an organisation's contracts: suppliers of a buyer or
// buyers of a supplier.
struct Counterpart {
  int64_t id = 0;
  std::string name;
  int64_t processes = 0;
  double amount = 0;
  std::string since;  // the earliest release date of their processes together
};

// What a batch of saved processes changes in SQLite's search index, written
// together in the index's order (an out-of-order row makes the full-text
// index flush what it holds, one flush per process).
struct SearchRows {
  struct Added {
    std::string last_date;
    int64_t process_id = 0;
    std::string body;
  };
  std::vector<int64_t> removed;  // index keys
  std::vector<Added> added;
};

// What an import has resolved of the organisations it meets again and again:
// their ids by key, and the party ids already stored for them.
struct KnownOrganizations {
  std::unordered_map<std::string, int64_t> ids;
  std::unordered_set<std::string> party_ids;  // party id, '\n', organisation id
};

class ContractingRepository {
 public:
  static int64_t insert_package(store::Connection& connection, const PackageRecord& package);
  static void update_package(store::Connection& connection, int64_t id, const PackageRecord& package);
  // Inserts releases whose ocid + id + copy number is not stored yet (the
  // first of two with one key), several to a statement; whether each one
  // was inserted, in their order.
  static std::vector<bool> insert_releases(store::Connection& connection,
                                           const std::vector<const ReleaseRecord*>& releases);
  static std::vector<StoredRelease> releases_of(store::Connection& connection, const std::vector<std::string>& ocids);
  static std::set<std::string> known_ocids(store::Connection& connection, const std::vector<std::string>& ocids);
  // The copies stored of these releases' ocid + id, in the order stored.
  // Every process of theirs with any release stored is in the map (possibly
  // with no ids): only the texts compared are read and decompressed.
  static StoredCopies stored_copies(store::Connection& connection, const std::vector<const ReleaseRecord*>& releases);
  // Whether the process's only documents are its publisher's compiled releases.
  static bool only_publisher_compiled(store::Connection& connection, const std::string& ocid);
  // Takes one copy back out (a release that did not merge with its process).
  static void delete_release(store::Connection& connection, const ReleaseRecord& release);
  // `is_new`: the process has no row yet, so there is nothing to replace.
  // `organizations` caches the organisations already resolved.
  // On PostgreSQL the search vector is written at once; on SQLite the index
  // rows are left in `search` for write_search_rows.
  static int64_t save_process(store::Connection& connection, const ProcessRecord& process, bool is_new,
                              KnownOrganizations& organizations, SearchRows& search);
  // Processes that have no row yet (their ocids all different), several to
  // a statement: a round trip each on PostgreSQL. Their ids, in their order.
  static std::vector<int64_t> insert_new_processes(store::Connection& connection,
                                                   const std::vector<const ProcessRecord*>& processes,
                                                   KnownOrganizations& organizations, SearchRows& search);
  static void write_search_rows(store::Connection& connection, SearchRows& search);

  // A search by words matching more than `exact_count_up_to` processes (or
  // than the end of the page asked for) has its total counted only that far
  // and marked as a lower bound; lists without words are counted exactly.
  static Paged<ProcessRow> find_processes(store::Connection& connection, const ProcessFilter& filter,
                                          const Slice& slice, int64_t exact_count_up_to = 1000);
  static std::optional<ProcessRow> process_by_ocid(store::Connection& connection, const std::string& ocid);
  static std::optional<std::string> compiled_of(store::Connection& connection, const std::string& ocid);
  // The licence URL stored with the package of the process's latest release ("" when none was kept).
  static std::string license_of(store::Connection& connection, const std::string& ocid);
  // Every licence URL the stored packages state ("" for those that state none).
  static std::vector<std::string> package_licenses(store::Connection& connection);
  // license_of for each of `ocids` (an ocid without releases is absent), in one query per 500.
  static std::map<std::string, std::string> licenses_of(store::Connection& connection,
                                                        const std::vector<std::string>& ocids);

  static std::optional<OrganizationRow> organization(store::Connection& connection, int64_t id);
  static std::vector<AmountGroup> buyer_spend_by_year(store::Connection& connection, int64_t buyer_id);
  static std::vector<AmountGroup> buyer_methods(store::Connection& connection, int64_t buyer_id);
  static std::vector<Counterpart> suppliers_of_buyer(store::Connection& connection, int64_t buyer_id, int64_t limit);
  static std::vector<Counterpart> buyers_of_supplier(store::Connection& connection, int64_t supplier_id,
                                                     int64_t limit);
  static std::vector<AmountGroup> supplier_income_by_year(store::Connection& connection, int64_t supplier_id);
};

}  // namespace apertura::money
