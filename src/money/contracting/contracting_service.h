#pragma once
// Following the money through contracting processes: search and browse,
// a process with its history, buyers and suppliers, and OCDS packages of any selection so the portal is itself an OCDS publisher.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/actor.h"
#include "core/license.h"
#include "core/result.h"
#include "money/contracting/contracting_repository.h"
#include "money/ocds/process_changes.h"
#include "store/database.h"

namespace apertura::money {

struct ProcessDetail {
  ProcessRow row;
  // What its releases are republished under: their package's licence, as
  // the publisher or the import stated it (an id of "" when it is none of
  // the offered ones); CC BY 4.0 when none was kept.
  License license;
  nlohmann::json compiled;
  nlohmann::json versioned;
  std::vector<StoredRelease> releases;  // in merge order; the publisher's compiled releases apart
  std::vector<FieldChange> changes;
  // The compiled release shown is the publisher's: its record only links its
  // releases, and none of them has been imported. Else Apertura compiled it
  // from its releases by the OCDS merge rules.
  bool compiled_by_publisher = false;
};

struct OrganizationDetail {
  OrganizationRow organization;
  std::vector<AmountGroup> spend_by_year;     // as a buyer
  std::vector<AmountGroup> methods;           // as a buyer
  std::vector<Counterpart> top_suppliers;     // as a buyer
  std::vector<AmountGroup> income_by_year;    // as a supplier
  std::vector<Counterpart> buyers;            // as a supplier
};

class ContractingService {
 public:
  explicit ContractingService(store::Database& database) : database_(database) {}

  Paged<ProcessRow> find(const ProcessFilter& filter, const Slice& slice);
  // The licence of each row's records, in order: the one stated by the
  // package of its latest release, CC BY 4.0 when that package states none.
  std::vector<License> licenses(const std::vector<ProcessRow>& rows);
  // The licence every stored process shares, or nullopt when imports brought
  // several (then each process says its own): what a list's page states.
  std::optional<License> shared_license();
  // `without` history: the row and compiled release only, no releases read
  // and no versioned release built (what the API item and flags need).
  enum class History { with, without };
  Result<ProcessDetail> process(const std::string& ocid, History history = History::with);
  // The title of a process ("" when it has none), or nullopt when there is no such process.
  std::optional<std::string> process_title(const std::string& ocid);
  Result<OrganizationDetail> organization(int64_t id);
  // A record package (releases embedded, compiled release included) or a
  // release package for the processes of `ocids`.
  nlohmann::json record_package(const std::vector<std::string>& ocids, const std::string& uri);
  nlohmann::json release_package(const std::vector<std::string>& ocids, const std::string& uri);

 private:
  store::Database& database_;
};

}  // namespace apertura::money
