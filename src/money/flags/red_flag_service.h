#pragma once
// Computes, stores and reads the red flags of contracting processes, buyers
// and suppliers. The flags that compare a process with all others (quartile
// fences, a supplier's share of a buyer's spending) are recomputed for the
// whole store by `recompute_all` (`apertura flags`); the flags decided by one
// process alone are recomputed whenever that process changes.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/actor.h"
#include "core/paging.h"
#include "money/flags/cardinal_settings.h"
#include "money/ocds/process_summary.h"
#include "money/flags/red_flag.h"
#include "money/flags/red_flag_catalog.h"
#include "store/database.h"

namespace apertura::money {

struct FlagRun {
  int64_t processes = 0;
  int64_t flags = 0;
  std::map<std::string, int64_t> by_code;
};

// The flags one process decides alone (R003, R018, R028, R030, R035, R036
// and MX01-MX03), recomputed whenever that process changes. The settings are
// narrowed to those indicators once, and shared by every process's run.
class ProcessFlagger {
 public:
  explicit ProcessFlagger(const FlagSettings& settings);
  std::vector<RedFlag> compute(JsonView compiled, const ProcessSummary& summary) const;
  // Replaces the stored flags of these indicators for one process inside the
  // caller's transaction; `is_new`: the process has none yet.
  static void replace(store::Connection& connection, const std::string& ocid, const std::vector<RedFlag>& flags,
                      bool is_new);
  // The flags of processes that had none stored (new ones), all together.
  static void insert(store::Connection& connection, const std::vector<RedFlag>& flags);

 private:
  std::shared_ptr<const FlagSettings> settings_;
};

class RedFlagService {
 public:
  RedFlagService(store::Database& database, FlagSettings settings);

  const FlagSettings& settings() const { return settings_; }
  // What each indicator means with the settings in use, built once.
  const std::vector<RedFlagInfo>& catalog() const { return catalog_; }
  const RedFlagInfo& info(const std::string& code) const;
  FlagRun recompute_all(const Actor& actor);
  std::vector<RedFlag> of_process(const std::string& ocid);
  // For each jurisdiction id, how many of its contracting processes have a red flag (absent: none).
  std::map<int64_t, int64_t> flagged_processes_by_jurisdiction();
  std::vector<RedFlag> of_organization(int64_t organization_id);
  Paged<RedFlag> list(const FlagFilter& filter, const Slice& slice);
  // How many flags match `filter`, by indicator and kind of subject.
  std::vector<FlagCount> counts(const FlagFilter& filter);

 private:
  store::Database& database_;
  FlagSettings settings_;
  std::vector<RedFlagInfo> catalog_;
};

}  // namespace apertura::money
