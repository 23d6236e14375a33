#include "money/flags/red_flag_service.h"

#include <set>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/hand_off.h"
#include "money/flags/cardinal_indicators.h"
#include "money/ocds/simdjson_convert.h"
#include "money/contracting/stored_json.h"

namespace apertura::money {

namespace {

using nlohmann::json;
using store::Connection;
using store::Row;

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

void insert_flags(Connection& connection, const std::vector<RedFlag>& flags, const std::string& now) {
  constexpr size_t kRowsPerStatement = 100;
  for (size_t start = 0; start < flags.size(); start += kRowsPerStatement) {
    size_t count = std::min(kRowsPerStatement, flags.size() - start);
    std::string sql = "INSERT INTO red_flags (code, scope, subject, value, detail, computed_at) VALUES ";
    store::Params params;
    for (size_t i = 0; i < count; ++i) {
      const RedFlag& f = flags[start + i];
      sql += i ? ", (?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)";
      params.insert(params.end(), {f.code, f.scope, f.subject, f.value, f.detail, now});
    }
    sql += " ON CONFLICT (scope, subject, code) DO UPDATE SET value = excluded.value, detail = excluded.detail";
    connection.execute(sql, params);
  }
}

RedFlag flag_from(const Row& row) {
  RedFlag f;
  f.code = row.text("code");
  f.scope = row.text("scope");
  f.subject = row.text("subject");
  f.value = row.real("value");
  f.detail = row.text("detail");
  f.computed_at = row.text("computed_at");
  return f;
}

// The process titles and organisation names the flags are about, with their
// pages: three queries for a whole page of flags.
void label(Connection& connection, std::vector<RedFlag>& flags) {
  store::Params ocids, org_ids, party_ids;
  for (const RedFlag& flag : flags) {
    if (flag.scope == "process") ocids.emplace_back(flag.subject);
    else if (flag.subject.rfind("org:", 0) == 0) org_ids.emplace_back(std::atoll(flag.subject.c_str() + 4));
    else party_ids.emplace_back(flag.subject);
  }
  std::map<std::string, std::string> titles;
  if (!ocids.empty()) {
    for (const Row& row : connection.query("SELECT ocid, title FROM contracting_processes WHERE ocid IN (" +
                                               store::placeholder_list(ocids.size()) + ")",
                                           ocids)) {
      titles[row.text("ocid")] = row.text("title");
    }
  }
  // A publisher's party id names one organisation (the lowest id if several):
  // one index seek per distinct id, where grouping would read every row of a
  // supplier that bid thousands of times.
  std::map<std::string, int64_t> party_orgs;
  for (const auto& party : party_ids) {
    std::string id = party.as_text();
    if (party_orgs.count(id)) continue;
    auto row =
        connection.query_one("SELECT MIN(organization_id) AS id FROM organization_party_ids WHERE party_id = ?", {id});
    if (!row || row->is_null("id")) continue;
    party_orgs[id] = row->integer("id");
    org_ids.emplace_back(row->integer("id"));
  }
  std::map<int64_t, std::string> names;
  if (!org_ids.empty()) {
    for (const Row& row : connection.query("SELECT id, name FROM ocds_organizations WHERE id IN (" +
                                               store::placeholder_list(org_ids.size()) + ")",
                                           org_ids)) {
      names[row.integer("id")] = row.text("name");
    }
  }
  for (RedFlag& flag : flags) {
    if (flag.scope == "process") {
      auto title = titles.find(flag.subject);
      flag.label = title != titles.end() && !title->second.empty() ? title->second : flag.subject;
      flag.url = "/contrataciones/" + flag.subject;
      continue;
    }
    std::optional<int64_t> org;
    if (flag.subject.rfind("org:", 0) == 0) {
      org = std::atoll(flag.subject.c_str() + 4);
    } else if (auto it = party_orgs.find(flag.subject); it != party_orgs.end()) {
      org = it->second;
    }
    auto name = org ? names.find(*org) : names.end();
    flag.label = name != names.end() ? name->second : flag.subject;
    if (name != names.end()) flag.url = "/organizaciones/" + std::to_string(*org);
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
  if (!is_new) {
    std::string codes;
    store::Params params = {ocid};
    for (const auto& code : kProcessLocalCodes) {
      codes += codes.empty() ? "?" : ", ?";
      params.emplace_back(code);
    }
    connection.execute(
        "DELETE FROM red_flags WHERE scope = 'process' AND subject = ? AND code IN (" + codes + ")", params);
  }
  insert(connection, flags);
}

void ProcessFlagger::insert(Connection& connection, const std::vector<RedFlag>& flags) {
  if (!flags.empty()) insert_flags(connection, flags, now_timestamp());
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
      auto rows = connection->query(
          "SELECT p.id, p.ocid, c.compiled, p.procurement_method, p.amount, p.tender_amount, p.award_amount, "
          "p.contract_amount, p.initial_contract_amount FROM contracting_processes p "
          "JOIN compiled_releases c ON c.process_id = p.id WHERE p.id > ? ORDER BY p.id LIMIT 200",
          {last_id});
      if (rows.empty()) break;
      std::vector<ProcessForFlags> chunk;
      chunk.reserve(rows.size());
      for (const Row& row : rows) {
        last_id = row.integer("id");
        ++run.processes;
        auto real = [&](const char* column) -> std::optional<double> {
          if (row.is_null(column)) return std::nullopt;
          return row.real(column);
        };
        chunk.push_back({parser.parse_fields(json_from_store(*connection, row["compiled"]), kIndicatorFields),
                         row.text("ocid"),
                         {row.text("procurement_method"), real("amount"), real("tender_amount"),
                          real("award_amount"), real("contract_amount"), real("initial_contract_amount")}});
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
    for (const Row& row : connection->query(
             "SELECT p.buyer_id, pp.organization_id AS supplier_id, o.name AS supplier_name, "
             "SUM(pp.amount) / t.total AS share FROM process_parties pp "
             "JOIN contracting_processes p ON p.id = pp.process_id "
             "JOIN ocds_organizations o ON o.id = pp.organization_id "
             "JOIN (SELECT buyer_id, SUM(amount) AS total, COUNT(*) AS n FROM contracting_processes "
             "WHERE buyer_id IS NOT NULL AND amount > 0 GROUP BY buyer_id) t ON t.buyer_id = p.buyer_id "
             "WHERE pp.role = 'supplier' AND t.n >= ? AND t.total > 0 "
             "GROUP BY p.buyer_id, pp.organization_id, o.name, t.total HAVING SUM(pp.amount) >= ? * t.total",
             {settings_.mx04_minimum_contracting_processes, settings_.mx04_threshold})) {
      double share = row.real("share");
      std::string buyer = "org:" + std::to_string(row.integer("buyer_id"));
      std::string supplier = "org:" + std::to_string(row.integer("supplier_id"));
      auto keep = [&](const std::string& scope, const std::string& subject, const std::string& detail) {
        auto key = std::make_pair(scope, subject);
        auto it = largest.find(key);
        if (it == largest.end() || it->second.value < share) largest[key] = {"MX04", scope, subject, share, detail, "", "", ""};
      };
      keep("buyer", buyer, "proveedor: " + row.text("supplier_name"));
      keep("tenderer", supplier, "comprador: org:" + std::to_string(row.integer("buyer_id")));
    }
    for (auto& [_, flag] : largest) flags.push_back(std::move(flag));
  }

  store::Transaction transaction(*connection);
  connection->execute("DELETE FROM red_flags");
  insert_flags(*connection, flags, now_timestamp());
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
  std::vector<RedFlag> out;
  for (const Row& row : connection->query(
           "SELECT * FROM red_flags WHERE scope = 'process' AND subject = ? ORDER BY code", {ocid})) {
    out.push_back(flag_from(row));
  }
  return out;
}

std::vector<RedFlag> RedFlagService::of_organization(int64_t organization_id) {
  auto connection = database_.connect();
  store::Params params = {"org:" + std::to_string(organization_id)};
  std::string subjects = "?";
  for (const Row& row : connection->query(
           "SELECT party_id FROM organization_party_ids WHERE organization_id = ? LIMIT 500",
           {organization_id})) {
    subjects += ", ?";
    params.emplace_back(row.text("party_id"));
  }
  std::vector<RedFlag> out;
  for (const Row& row : connection->query("SELECT * FROM red_flags WHERE scope <> 'process' AND subject IN (" +
                                              subjects + ") ORDER BY code, scope",
                                          params)) {
    out.push_back(flag_from(row));
  }
  return out;
}

Paged<RedFlag> RedFlagService::list(const FlagFilter& filter, const Slice& slice) {
  auto connection = database_.connect();
  std::string where = " WHERE 1 = 1";
  store::Params params;
  if (!filter.code.empty()) {
    where += " AND code = ?";
    params.emplace_back(filter.code);
  }
  if (!filter.scope.empty()) {
    where += " AND scope = ?";
    params.emplace_back(filter.scope);
  }
  store::Params page_params = params;
  page_params.emplace_back(slice.limit);
  page_params.emplace_back(slice.offset);
  Paged<RedFlag> page;
  for (const Row& row : connection->query("SELECT * FROM red_flags" + where +
                                              " ORDER BY code, value DESC, subject LIMIT ? OFFSET ?",
                                          page_params)) {
    page.items.push_back(flag_from(row));
  }
  label(*connection, page.items);
  page.total = needs_count(page.items.size(), slice)
                   ? connection->query_one("SELECT COUNT(*) AS n FROM red_flags" + where, params)->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

}  // namespace apertura::money
