#include "money/flags/red_flag_service.h"

#include <set>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/hand_off.h"
#include "money/flags/cardinal_indicators.h"
#include "money/ocds/simdjson_convert.h"
#include "money/flags/red_flag_repository.h"

namespace apertura::money {

namespace {

using nlohmann::json;
using store::Connection;

const std::set<std::string> kProcessLocalCodes = {"R003", "R018", "R028", "R030", "R035",
                                                  "R036", "MX01", "MX02", "MX03"};

const char* scope_of(FlagGroup group) {
  switch (group) {
    case FlagGroup::ocid: return "process";
    case FlagGroup::buyer: return "buyer";
    case FlagGroup::procuring_entity: return "procuring_entity";
    case FlagGroup::tenderer: return "tenderer";
  }
  return "process";
}

struct Amounts {
  std::string method;
  std::optional<double> amount, tender, award, contract, initial_contract;
};

// Apertura's own per-process indicators.
void mexican_flags(const FlagSettings& s, const std::string& ocid, const Amounts& a, std::vector<RedFlag>& out) {
  auto on = [&](const char* code) { return s.enabled.count(code) > 0; };
  if (on("MX01") && a.method == "direct" && a.amount && *a.amount > s.mx01_threshold) {
    out.push_back({"MX01", "process", ocid, *a.amount, "", "", "", ""});
  }
  if (on("MX02") && a.contract && a.initial_contract && *a.initial_contract > 0 &&
      *a.contract > *a.initial_contract * (1 + s.mx02_threshold)) {
    out.push_back({"MX02", "process", ocid, *a.contract / *a.initial_contract - 1, "", "", "", ""});
  }
  if (on("MX03") && a.award && a.tender && *a.tender > 0 && *a.award > *a.tender * (1 + s.mx03_threshold)) {
    out.push_back({"MX03", "process", ocid, *a.award / *a.tender - 1, "", "", "", ""});
  }
}

}  // namespace

RedFlagService::RedFlagService(store::Database& database, FlagSettings settings)
    : database_(database), settings_(std::move(settings)), catalog_(red_flag_catalog(settings_)) {}

const RedFlagInfo& RedFlagService::info(const std::string& code) const {
  for (const auto& info : catalog_) {
    if (info.code == code) return info;
  }
  static const RedFlagInfo unknown;
  return unknown;
}

ProcessFlagger::ProcessFlagger(const FlagSettings& settings) {
  FlagSettings narrowed = settings;
  narrowed.enabled.clear();
  for (const auto& code : settings.enabled) {
    if (kProcessLocalCodes.count(code)) narrowed.enabled.insert(code);
  }
  settings_ = std::make_shared<const FlagSettings>(std::move(narrowed));
}

std::vector<RedFlag> ProcessFlagger::compute(JsonView compiled, const ProcessSummary& summary) const {
  CardinalIndicators indicators(settings_);
  indicators.add(compiled);
  std::vector<RedFlag> flags;
  for (const auto& [group, entries] : indicators.finish()) {
    if (group != FlagGroup::ocid) continue;
    for (const auto& [key, codes] : entries) {
      for (const auto& [code, value] : codes) flags.push_back({code, "process", key, value, "", "", "", ""});
    }
  }
  mexican_flags(*settings_, summary.ocid,
                {summary.procurement_method, summary.amount, summary.tender_amount, summary.award_amount,
                 summary.contract_amount, summary.initial_contract_amount},
                flags);
  return flags;
}

void ProcessFlagger::replace(Connection& connection, const std::string& ocid, const std::vector<RedFlag>& flags,
                             bool is_new) {
  if (!is_new) RedFlagRepository::remove_of_process(connection, ocid, kProcessLocalCodes);
  insert(connection, flags);
}

void ProcessFlagger::insert(Connection& connection, const std::vector<RedFlag>& flags) {
  if (!flags.empty()) RedFlagRepository::upsert(connection, flags, now_timestamp());
}

namespace {

// A process as the whole-store run reads it: its compiled release parsed,
// and the amounts Apertura's own indicators compare.
struct ProcessForFlags {
  json compiled;
  std::string ocid;
  Amounts amounts;
};

// The parts of a compiled release Cardinal's indicators read: parties and
// contracts, the largest parts, are left out of the trees the run builds.
const std::vector<std::string_view> kIndicatorFields = {"ocid", "tender", "bids", "awards", "buyer"};

}  // namespace

FlagRun RedFlagService::recompute_all(const Actor& actor) {
  FlagRun run;
  CardinalIndicators indicators(settings_);
  std::vector<RedFlag> flags;
  {
    // Reading and parsing (this thread) overlaps with the indicators (another).
    HandOff<std::vector<ProcessForFlags>> indicate([&](std::vector<ProcessForFlags>& chunk) {
      for (ProcessForFlags& process : chunk) {
        indicators.add(process.compiled);
        mexican_flags(settings_, process.ocid, process.amounts, flags);
      }
    });
    FastJsonParser parser;
    auto connection = database_.connect();
    int64_t last_id = 0;
    while (true) {
      auto rows = RedFlagRepository::processes_after(*connection, last_id, 200);
      if (rows.empty()) break;
      std::vector<ProcessForFlags> chunk;
      chunk.reserve(rows.size());
      for (ProcessForFlagsRow& row : rows) {
        last_id = row.id;
        ++run.processes;
        chunk.push_back({parser.parse_fields(row.compiled, kIndicatorFields), std::move(row.ocid),
                         {std::move(row.procurement_method), row.amount, row.tender_amount, row.award_amount,
                          row.contract_amount, row.initial_contract_amount}});
      }
      indicate.push(std::move(chunk));
    }
    indicate.finish();
  }
  auto connection = database_.connect();
  for (const auto& [group, entries] : indicators.finish()) {
    for (const auto& [key, codes] : entries) {
      for (const auto& [code, value] : codes) flags.push_back({code, scope_of(group), key, value, "", "", "", ""});
    }
  }
  if (settings_.enabled.count("MX04")) {
    // Keep each buyer's and each supplier's largest share.
    std::map<std::pair<std::string, std::string>, RedFlag> largest;
    for (const SupplierShare& row : RedFlagRepository::dominant_suppliers(
             *connection, settings_.mx04_minimum_contracting_processes, settings_.mx04_threshold)) {
      double share = row.share;
      std::string buyer = "org:" + std::to_string(row.buyer_id);
      std::string supplier = "org:" + std::to_string(row.supplier_id);
      auto keep = [&](const std::string& scope, const std::string& subject, const std::string& detail) {
        auto key = std::make_pair(scope, subject);
        auto it = largest.find(key);
        if (it == largest.end() || it->second.value < share) largest[key] = {"MX04", scope, subject, share, detail, "", "", ""};
      };
      keep("buyer", buyer, "proveedor: " + row.supplier_name);
      keep("tenderer", supplier, "comprador: org:" + std::to_string(row.buyer_id));
    }
    for (auto& [_, flag] : largest) flags.push_back(std::move(flag));
  }

  store::Transaction transaction(*connection);
  RedFlagRepository::remove_all(*connection);
  RedFlagRepository::upsert(*connection, flags, now_timestamp());
  for (const auto& flag : flags) ++run.by_code[flag.code];
  run.flags = static_cast<int64_t>(flags.size());
  json counts = run.by_code;
  audit::AuditLog::append_public(*connection, actor, "recompute", "red_flags", run.flags, std::nullopt, nullptr,
                                 {{"processes", run.processes}, {"flags", counts}});
  transaction.commit();
  return run;
}

std::vector<RedFlag> RedFlagService::of_process(const std::string& ocid) {
  auto connection = database_.connect();
  return RedFlagRepository::of_process(*connection, ocid);
}

std::vector<RedFlag> RedFlagService::of_organization(int64_t organization_id) {
  auto connection = database_.connect();
  return RedFlagRepository::of_organization(*connection, organization_id);
}

Paged<RedFlag> RedFlagService::list(const FlagFilter& filter, const Slice& slice) {
  auto connection = database_.connect();
  return RedFlagRepository::list(*connection, filter, slice);
}

std::vector<FlagCount> RedFlagService::counts(const FlagFilter& filter) {
  auto connection = database_.connect();
  return RedFlagRepository::counts(*connection, filter);
}

std::map<int64_t, int64_t> RedFlagService::flagged_processes_by_jurisdiction() {
  auto connection = database_.connect();
  return RedFlagRepository::flagged_processes_by_jurisdiction(*connection);
}

}  // namespace apertura::money
