#include "money/flags/red_flag_repository.h"

#include <map>

#include "money/contracting/stored_json.h"

namespace apertura::money {

namespace {

using store::Connection;
using store::Row;

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

void RedFlagRepository::upsert(Connection& connection, const std::vector<RedFlag>& flags, const std::string& now) {
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

void RedFlagRepository::remove_of_process(Connection& c, const std::string& ocid, const std::set<std::string>& codes) {
  if (codes.empty()) return;
  store::Params params = {ocid};
  for (const auto& code : codes) params.emplace_back(code);
  c.execute("DELETE FROM red_flags WHERE scope = 'process' AND subject = ? AND code IN (" +
                store::placeholder_list(codes.size()) + ")",
            params);
}

void RedFlagRepository::remove_all(Connection& c) { c.execute("DELETE FROM red_flags"); }

std::vector<ProcessForFlagsRow> RedFlagRepository::processes_after(Connection& c, int64_t after_id, int64_t limit) {
  auto rows = c.query(
      "SELECT p.id, p.ocid, c.compiled, p.procurement_method, p.amount, p.tender_amount, p.award_amount, "
      "p.contract_amount, p.initial_contract_amount FROM contracting_processes p "
      "JOIN compiled_releases c ON c.process_id = p.id WHERE p.id > ? ORDER BY p.id LIMIT ?",
      {after_id, limit});
  std::vector<ProcessForFlagsRow> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    auto real = [&](const char* column) -> std::optional<double> {
      if (row.is_null(column)) return std::nullopt;
      return row.real(column);
    };
    out.push_back({row.integer("id"), row.text("ocid"), json_from_store(c, row["compiled"]),
                   row.text("procurement_method"), real("amount"), real("tender_amount"), real("award_amount"),
                   real("contract_amount"), real("initial_contract_amount")});
  }
  return out;
}

std::vector<SupplierShare> RedFlagRepository::dominant_suppliers(Connection& c, int64_t minimum_processes,
                                                                 double threshold) {
  std::vector<SupplierShare> out;
  for (const Row& row : c.query(
           "SELECT p.buyer_id, pp.organization_id AS supplier_id, o.name AS supplier_name, "
           "SUM(pp.amount) / t.total AS share FROM process_parties pp "
           "JOIN contracting_processes p ON p.id = pp.process_id "
           "JOIN ocds_organizations o ON o.id = pp.organization_id "
           "JOIN (SELECT buyer_id, SUM(amount) AS total, COUNT(*) AS n FROM contracting_processes "
           "WHERE buyer_id IS NOT NULL AND amount > 0 GROUP BY buyer_id) t ON t.buyer_id = p.buyer_id "
           "WHERE pp.role = 'supplier' AND t.n >= ? AND t.total > 0 "
           "GROUP BY p.buyer_id, pp.organization_id, o.name, t.total HAVING SUM(pp.amount) >= ? * t.total",
           {minimum_processes, threshold})) {
    out.push_back({row.integer("buyer_id"), row.integer("supplier_id"), row.text("supplier_name"), row.real("share")});
  }
  return out;
}

std::vector<RedFlag> RedFlagRepository::of_process(Connection& c, const std::string& ocid) {
  std::vector<RedFlag> out;
  for (const Row& row : c.query("SELECT * FROM red_flags WHERE scope = 'process' AND subject = ? ORDER BY code", {ocid})) {
    out.push_back(flag_from(row));
  }
  return out;
}

std::vector<RedFlag> RedFlagRepository::of_organization(Connection& c, int64_t organization_id) {
  store::Params params = {"org:" + std::to_string(organization_id)};
  std::string subjects = "?";
  for (const Row& row :
       c.query("SELECT party_id FROM organization_party_ids WHERE organization_id = ? LIMIT 500", {organization_id})) {
    subjects += ", ?";
    params.emplace_back(row.text("party_id"));
  }
  std::vector<RedFlag> out;
  for (const Row& row : c.query("SELECT * FROM red_flags WHERE scope <> 'process' AND subject IN (" + subjects +
                                    ") ORDER BY code, scope",
                                params)) {
    out.push_back(flag_from(row));
  }
  return out;
}

namespace {

// " WHERE ..." and its parameters for `filter`.
std::pair<std::string, store::Params> where_of(const FlagFilter& filter) {
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
  if (filter.jurisdiction_id) {
    where += " AND scope = 'process' AND subject IN (SELECT ocid FROM contracting_processes WHERE jurisdiction_id = ?)";
    params.emplace_back(*filter.jurisdiction_id);
  }
  return {where, params};
}

}  // namespace

Paged<RedFlag> RedFlagRepository::list(Connection& c, const FlagFilter& filter, const Slice& slice) {
  auto [where, params] = where_of(filter);
  store::Params page_params = params;
  page_params.emplace_back(slice.limit);
  page_params.emplace_back(slice.offset);
  Paged<RedFlag> page;
  for (const Row& row :
       c.query("SELECT * FROM red_flags" + where + " ORDER BY code, value DESC, subject LIMIT ? OFFSET ?", page_params)) {
    page.items.push_back(flag_from(row));
  }
  label(c, page.items);
  page.total = needs_count(page.items.size(), slice)
                   ? c.query_one("SELECT COUNT(*) AS n FROM red_flags" + where, params)->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

std::vector<FlagCount> RedFlagRepository::counts(Connection& c, const FlagFilter& filter) {
  auto [where, params] = where_of(filter);
  std::vector<FlagCount> out;
  for (const Row& row :
       c.query("SELECT code, scope, COUNT(*) AS n FROM red_flags" + where + " GROUP BY code, scope ORDER BY code, scope",
               params)) {
    out.push_back({row.text("code"), row.text("scope"), row.integer("n")});
  }
  return out;
}

std::map<int64_t, int64_t> RedFlagRepository::flagged_processes_by_jurisdiction(store::Connection& c) {
  std::map<int64_t, int64_t> counts;
  for (const auto& row : c.query("SELECT p.jurisdiction_id, COUNT(DISTINCT p.id) AS processes FROM red_flags f "
                                 "JOIN contracting_processes p ON p.ocid = f.subject "
                                 "WHERE f.scope = 'process' AND p.jurisdiction_id IS NOT NULL GROUP BY p.jurisdiction_id")) {
    counts[row.integer("jurisdiction_id")] = row.integer("processes");
  }
  return counts;
}

}  // namespace apertura::money
