#include "money/contracting/contracting_repository.h"

#include <algorithm>
#include <bit>
#include <functional>

#include "core/clock.h"
#include "core/id_set.h"
#include "core/spanish_plurals.h"
#include "money/contracting/stored_json.h"
#include "store/search_index.h"

namespace apertura::money {

namespace {

using store::Connection;
using store::Dialect;
using store::Params;
using store::Row;

constexpr size_t kInChunk = 500;  // parameters per IN list

// Runs `before` + "(?, ?, ...)" + `after` for each chunk of `keys` and visits every row.
void query_in_chunks(Connection& connection, const std::string& before, const std::vector<std::string>& keys,
                     const std::string& after, const std::function<void(const Row&)>& visit) {
  for (size_t start = 0; start < keys.size(); start += kInChunk) {
    size_t count = std::min(kInChunk, keys.size() - start);
    Params params(keys.begin() + static_cast<long>(start), keys.begin() + static_cast<long>(start + count));
    for (const Row& row : connection.query(before + "(" + store::placeholder_list(count) + ")" + after, params)) {
      visit(row);
    }
  }
}

const char* kProcessColumns =
    "p.id, p.ocid, p.title, p.buyer_name, p.buyer_id, p.procurement_method, p.status, p.stage, p.currency, "
    "p.amount, p.year, p.last_date, p.supplier_names, p.release_count, p.jurisdiction_id";

ProcessRow process_from(const Row& row) {
  ProcessRow p;
  p.id = row.integer("id");
  p.ocid = row.text("ocid");
  p.title = row.text("title");
  p.buyer_name = row.text("buyer_name");
  p.buyer_id = row.optional_integer("buyer_id");
  p.procurement_method = row.text("procurement_method");
  p.status = row.text("status");
  p.stage = row.text("stage");
  p.currency = row.text("currency");
  if (!row.is_null("amount")) p.amount = row.real("amount");
  p.year = row.optional_integer("year");
  p.last_date = row.text("last_date");
  p.supplier_names = row.text("supplier_names");
  p.release_count = row.integer("release_count");
  p.jurisdiction_id = row.optional_integer("jurisdiction_id");
  return p;
}

int64_t organization_id(Connection& connection, const OrganizationRef& organization, KnownOrganizations& known) {
  auto& cache = known.ids;
  auto cached = cache.find(organization.key);
  if (cached != cache.end()) return cached->second;
  auto row = connection.query_one("SELECT id FROM ocds_organizations WHERE org_key = ?", {organization.key});
  int64_t id = row ? row->integer("id")
                   : connection.insert_returning_id(
                         "INSERT INTO ocds_organizations (org_key, name, identifier) VALUES (?, ?, ?) RETURNING id",
                         {organization.key, organization.name, organization.identifier});
  // A cache that outgrows a large import starts again rather than growing without bound.
  if (cache.size() > 200000) cache.clear();
  cache.emplace(organization.key, id);
  return id;
}

// SQLite's search index keys each process by its latest release date's
// seconds (as written, without the offset) above its id, so that the index's
// own order is the list's "recent" order. The same expression is in migration 11.
std::string search_key_sql(const std::string& date_sql, const std::string& id_sql) {
  return "(MIN(MAX(COALESCE(CAST(strftime('%s', substr(" + date_sql +
         ", 1, 19)) AS INTEGER), 0), 0), 4294967295) * 2147483648 + " + id_sql + ")";
}
constexpr const char* kIdOfSearchRow = "(process_search.rowid & 2147483647)";

// Every word must be there, each as written or in its other number
// (singular or plural); whole words only.
std::string match_expression(Connection& connection, const std::vector<std::string>& terms) {
  bool sqlite = connection.dialect() == Dialect::sqlite;
  std::string expression;
  for (const auto& term : terms) {
    std::string group;
    for (const auto& form : singular_and_plural(term)) {
      group += sqlite ? (group.empty() ? "\"" : " OR \"") + form + "\"" : (group.empty() ? "" : " | ") + form;
    }
    expression += (expression.empty() ? "(" : sqlite ? " AND (" : " & (") + group + ")";
  }
  return expression;
}

// The full-text condition on p.id for the query's words, with its parameter.
std::string text_condition(Connection& connection, const std::vector<std::string>& terms, Params& params) {
  params.emplace_back(match_expression(connection, terms));
  if (connection.dialect() == Dialect::sqlite) {
    return std::string("p.id IN (SELECT ") + kIdOfSearchRow + " FROM process_search WHERE process_search MATCH ?)";
  }
  return "p.search_vector @@ to_tsquery('spanish', ?)";
}

constexpr const char* kWrittenColumns =
    "ocid, jurisdiction_id, title, description, buyer_id, buyer_name, procurement_method, "
    "procurement_method_details, status, stage, currency, tender_amount, award_amount, contract_amount, "
    "initial_contract_amount, amount, tenderers, budget_id, first_date, last_date, year, release_count, "
    "supplier_names, updated_at";

// One process's row of values, in kWrittenColumns' order (and, on
// PostgreSQL, its search vector's text last).
std::string process_placeholders(bool with_search_vector) {
  return std::string("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?") +
         (with_search_vector ? ", to_tsvector('spanish', ?))" : ")");
}

void append_process_values(store::Params& params, const ProcessRecord& process, std::optional<int64_t> buyer_id,
                           const std::string& now, bool with_search_vector) {
  const ProcessSummary& s = process.summary;
  std::optional<int64_t> year;
  if (s.year) year = *s.year;
  params.insert(params.end(),
                {s.ocid, process.jurisdiction_id, s.title, s.description, buyer_id, s.buyer ? s.buyer->name : "",
                 s.procurement_method, s.procurement_method_details, s.status, s.stage, s.currency, s.tender_amount,
                 s.award_amount, s.contract_amount, s.initial_contract_amount, s.amount, s.tenderers, s.budget_id,
                 process.first_date, process.last_date, year, process.release_count, s.supplier_names, now});
  if (with_search_vector) params.emplace_back(process.search_body);
}

// Inserts or updates a process row, returning its id. PostgreSQL's search
// vector is written with the row, not by a second statement that would leave
// a dead row version behind every process.
std::string process_upsert_sql(bool with_search_vector) {
  std::string search_column = with_search_vector ? ", search_vector" : "";
  std::string search_update = with_search_vector ? ", search_vector = excluded.search_vector" : "";
  return std::string("INSERT INTO contracting_processes (") + kWrittenColumns + search_column + ") VALUES " +
         process_placeholders(with_search_vector) +
         " ON CONFLICT (ocid) DO UPDATE SET jurisdiction_id = COALESCE(excluded.jurisdiction_id, "
         "contracting_processes.jurisdiction_id), title = excluded.title, description = excluded.description, "
         "buyer_id = excluded.buyer_id, buyer_name = excluded.buyer_name, "
         "procurement_method = excluded.procurement_method, "
         "procurement_method_details = excluded.procurement_method_details, status = excluded.status, "
         "stage = excluded.stage, currency = excluded.currency, tender_amount = excluded.tender_amount, "
         "award_amount = excluded.award_amount, contract_amount = excluded.contract_amount, "
         "initial_contract_amount = excluded.initial_contract_amount, amount = excluded.amount, "
         "tenderers = excluded.tenderers, budget_id = excluded.budget_id, first_date = excluded.first_date, "
         "last_date = excluded.last_date, year = excluded.year, release_count = excluded.release_count, "
         "supplier_names = excluded.supplier_names, updated_at = excluded.updated_at" + search_update +
         " RETURNING id";
}

const store::Value& stored_compiled(Connection& connection, const ProcessRecord& process, store::Value& scratch) {
  if (!process.stored_compiled.is_null()) return process.stored_compiled;
  scratch = json_for_store(connection.dialect(), process.compiled);
  return scratch;
}

// Sends rows of `width` values each in INSERTs of a power of two rows (at
// most 1,024): however the counts vary, a connection prepares and keeps a
// dozen statements of one kind, not one for every count met.
void insert_rows(Connection& connection, const std::string& into, const std::string& conflict, size_t width,
                 Params& values) {
  constexpr size_t kMaxRows = 1024;
  const std::string placeholders = "(" + store::placeholder_list(width) + ")";
  size_t rows = values.size() / width;
  for (size_t done = 0; done < rows;) {
    size_t count = std::bit_floor(std::min(rows - done, kMaxRows));
    std::string list;
    list.reserve(count * (placeholders.size() + 2));
    for (size_t i = 0; i < count; ++i) list += i == 0 ? placeholders : ", " + placeholders;
    Params chunk(std::make_move_iterator(values.begin() + static_cast<long>(done * width)),
                 std::make_move_iterator(values.begin() + static_cast<long>((done + count) * width)));
    connection.execute(into + " VALUES " + list + conflict, chunk);
    done += count;
  }
  values.clear();
}

// Party rows several processes to a statement; with them, the party ids not
// stored yet of their organisations.
class PartyRows {
 public:
  PartyRows(Connection& connection, KnownOrganizations& organizations)
      : connection_(connection), organizations_(organizations) {}
  void add(int64_t process_id, const ProcessSummary& s, std::optional<int64_t> buyer_id) {
    for (const PartyShare& party : s.parties) {
      int64_t organization = party.role == "buyer" && buyer_id
                                 ? *buyer_id
                                 : organization_id(connection_, party.organization, organizations_);
      params_.insert(params_.end(), {process_id, organization, party.role, party.amount});
      add_party_id(party.organization.party_id, organization);
      if (params_.size() >= kMaxValues) flush();
    }
  }
  void flush() {
    insert_rows(connection_, "INSERT INTO process_parties (process_id, organization_id, role, amount)",
                " ON CONFLICT (process_id, organization_id, role) DO NOTHING", 4, params_);
    insert_rows(connection_, "INSERT INTO organization_party_ids (party_id, organization_id)",
                " ON CONFLICT DO NOTHING", 2, party_ids_);
  }

 private:
  void add_party_id(const std::string& party_id, int64_t organization) {
    if (party_id.empty()) return;
    auto& known = organizations_.party_ids;
    // Like the organisation cache, one that outgrows a large import starts again.
    if (known.size() > 200000) known.clear();
    if (!known.insert(party_id + '\n' + std::to_string(organization)).second) return;
    party_ids_.insert(party_ids_.end(), {party_id, organization});
  }

  static constexpr size_t kMaxValues = 4096;
  Connection& connection_;
  KnownOrganizations& organizations_;
  store::Params params_;
  store::Params party_ids_;  // pairs of party id and organisation id
};

}  // namespace

int64_t ContractingRepository::insert_package(Connection& connection, const PackageRecord& package) {
  return connection.insert_returning_id(
      "INSERT INTO ocds_packages (jurisdiction_id, source, uri, publisher_name, license, publication_policy, "
      "published_date, version, metadata, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {package.jurisdiction_id, package.source, package.uri, package.publisher_name, package.license,
       package.publication_policy, package.published_date, package.version, package.metadata, now_timestamp()});
}

void ContractingRepository::update_package(Connection& connection, int64_t id, const PackageRecord& package) {
  connection.execute(
      "UPDATE ocds_packages SET uri = ?, publisher_name = ?, license = ?, publication_policy = ?, "
      "published_date = ?, version = ?, metadata = ? WHERE id = ?",
      {package.uri, package.publisher_name, package.license, package.publication_policy, package.published_date,
       package.version, package.metadata, id});
}

std::vector<bool> ContractingRepository::insert_releases(Connection& connection,
                                                         const std::vector<const ReleaseRecord*>& releases) {
  // One statement per 64 releases: a round trip each on PostgreSQL.
  constexpr size_t kPerStatement = 64;
  std::vector<bool> inserted(releases.size(), false);
  auto key_of = [](const std::string& ocid, const std::string& id, int64_t copy) {
    return ocid + '\n' + id + '\n' + std::to_string(copy);
  };
  for (size_t start = 0; start < releases.size(); start += kPerStatement) {
    size_t count = std::min(kPerStatement, releases.size() - start);
    std::string sql =
        "INSERT INTO ocds_releases (ocid, release_id, copy_number, release_date, tags, ocds_version, package_id, "
        "data, publisher_compiled) VALUES ";
    Params params;
    params.reserve(count * 9);
    std::unordered_map<std::string, std::vector<size_t>> by_key;  // ocid + id + copy -> positions, in order
    for (size_t i = start; i < start + count; ++i) {
      const ReleaseRecord& release = *releases[i];
      sql += i == start ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
      params.insert(params.end(), {release.ocid, release.release_id, release.copy_number, release.date, release.tags,
                                   release.ocds_version, release.package_id,
                                   release.stored_data.is_null() ? json_for_store(connection.dialect(), release.data)
                                                                 : release.stored_data,
                                   int64_t{release.publisher_compiled ? 1 : 0}});
      by_key[key_of(release.ocid, release.release_id, release.copy_number)].push_back(i);
    }
    sql += " ON CONFLICT (ocid, release_id, copy_number) DO NOTHING RETURNING ocid, release_id, copy_number";
    for (const Row& row : connection.query(sql, params)) {
      // Of two with one key in the statement, the first is the one inserted.
      inserted[by_key.at(key_of(row.text("ocid"), row.text("release_id"), row.integer("copy_number"))).front()] =
          true;
    }
  }
  return inserted;
}

std::vector<StoredRelease> ContractingRepository::releases_of(Connection& connection,
                                                              const std::vector<std::string>& ocids) {
  std::vector<StoredRelease> out;
  query_in_chunks(connection,
                  "SELECT r.ocid, r.release_id, r.copy_number, r.release_date, r.tags, r.ocds_version, r.data, "
                  "k.uri, k.publisher_name, k.license, r.publisher_compiled FROM ocds_releases r JOIN ocds_packages k ON k.id = "
                  "r.package_id WHERE r.ocid IN ",
                  ocids, " ORDER BY r.ocid, r.id", [&](const Row& row) {
                    out.push_back({row.text("ocid"), row.text("release_id"), row.integer("copy_number"),
                                   row.text("release_date"), row.text("tags"), row.text("ocds_version"),
                                   json_from_store(connection, row["data"]), row.text("uri"),
                                   row.text("publisher_name"), row.text("license"),
                                   row.integer("publisher_compiled") != 0});
                  });
  return out;
}

std::set<std::string> ContractingRepository::known_ocids(Connection& connection,
                                                         const std::vector<std::string>& ocids) {
  std::set<std::string> known;
  query_in_chunks(connection, "SELECT ocid FROM contracting_processes WHERE ocid IN ", ocids, "",
                  [&](const Row& row) { known.insert(row.text("ocid")); });
  return known;
}

StoredCopies ContractingRepository::stored_copies(Connection& connection,
                                                 const std::vector<const ReleaseRecord*>& releases) {
  std::unordered_set<std::string> wanted;  // ocid + '\n' + release id
  std::set<std::string> ocids;
  for (const ReleaseRecord* release : releases) {
    wanted.insert(release->ocid + '\n' + release->release_id);
    ocids.insert(release->ocid);
  }
  StoredCopies copies;
  query_in_chunks(connection, "SELECT ocid, release_id, copy_number, data FROM ocds_releases WHERE ocid IN ",
                  std::vector<std::string>(ocids.begin(), ocids.end()), " ORDER BY id", [&](const Row& row) {
                    auto& process = copies[row.text("ocid")];
                    if (!wanted.count(row.text("ocid") + '\n' + row.text("release_id"))) return;
                    process[row.text("release_id")].push_back(
                        {row.integer("copy_number"), json_from_store(connection, row["data"])});
                  });
  return copies;
}

bool ContractingRepository::only_publisher_compiled(Connection& connection, const std::string& ocid) {
  auto row = connection.query_one("SELECT MIN(publisher_compiled) AS least FROM ocds_releases WHERE ocid = ?", {ocid});
  return row && !row->is_null("least") && row->integer("least") == 1;
}

void ContractingRepository::delete_release(Connection& connection, const ReleaseRecord& release) {
  connection.execute("DELETE FROM ocds_releases WHERE ocid = ? AND release_id = ? AND copy_number = ?",
                     {release.ocid, release.release_id, release.copy_number});
}

int64_t ContractingRepository::save_process(Connection& connection, const ProcessRecord& process, bool is_new,
                                            KnownOrganizations& organizations, SearchRows& search) {
  const ProcessSummary& s = process.summary;
  bool sqlite = connection.dialect() == Dialect::sqlite;
  if (sqlite && !is_new) {
    // The index row is keyed by the date about to change.
    auto old = connection.query_one("SELECT " + search_key_sql("last_date", "id") +
                                        " AS k FROM contracting_processes WHERE ocid = ?",
                                    {s.ocid});
    if (old) search.removed.push_back(old->integer("k"));
  }
  std::optional<int64_t> buyer_id;
  if (s.buyer) buyer_id = organization_id(connection, *s.buyer, organizations);
  static const std::string kUpsertSqlite = process_upsert_sql(false);
  static const std::string kUpsertPostgresql = process_upsert_sql(true);
  store::Params values;
  append_process_values(values, process, buyer_id, now_timestamp(), !sqlite);
  int64_t id = connection.insert_returning_id(sqlite ? kUpsertSqlite : kUpsertPostgresql, values);
  store::Value scratch;
  const store::Value& compiled = stored_compiled(connection, process, scratch);
  if (is_new) {
    connection.execute("INSERT INTO compiled_releases (process_id, compiled) VALUES (?, ?)", {id, compiled});
  } else {
    connection.execute(
        "INSERT INTO compiled_releases (process_id, compiled) VALUES (?, ?) "
        "ON CONFLICT (process_id) DO UPDATE SET compiled = excluded.compiled",
        {id, compiled});
  }

  if (!is_new) connection.execute("DELETE FROM process_parties WHERE process_id = ?", {id});
  PartyRows parties(connection, organizations);
  parties.add(id, s, buyer_id);
  parties.flush();

  if (sqlite) search.added.push_back({process.last_date, id, process.search_body});
  return id;
}

std::vector<int64_t> ContractingRepository::insert_new_processes(
    Connection& connection, const std::vector<const ProcessRecord*>& processes,
    KnownOrganizations& organizations, SearchRows& search) {
  bool sqlite = connection.dialect() == Dialect::sqlite;
  std::vector<std::optional<int64_t>> buyers(processes.size());
  for (size_t i = 0; i < processes.size(); ++i) {
    const ProcessSummary& s = processes[i]->summary;
    if (s.buyer) buyers[i] = organization_id(connection, *s.buyer, organizations);
  }
  // 64 rows of 25 values to a statement.
  constexpr size_t kPerStatement = 64;
  std::string now = now_timestamp();
  std::string row = process_placeholders(!sqlite);
  std::vector<int64_t> ids(processes.size());
  for (size_t start = 0; start < processes.size(); start += kPerStatement) {
    size_t end = std::min(processes.size(), start + kPerStatement);
    std::string sql = std::string("INSERT INTO contracting_processes (") + kWrittenColumns +
                      (sqlite ? "" : ", search_vector") + ") VALUES ";
    store::Params params;
    for (size_t i = start; i < end; ++i) {
      sql += i == start ? row : ", " + row;
      append_process_values(params, *processes[i], buyers[i], now, !sqlite);
    }
    // RETURNING gives no order: each id comes back with its ocid.
    std::unordered_map<std::string, int64_t> by_ocid;
    for (const auto& returned : connection.query(sql + " RETURNING id, ocid", params)) {
      by_ocid.emplace(returned.text("ocid"), returned.integer("id"));
    }
    std::string compiled_sql = "INSERT INTO compiled_releases (process_id, compiled) VALUES ";
    store::Params compiled_params;
    store::Value scratch;
    for (size_t i = start; i < end; ++i) {
      ids[i] = by_ocid.at(processes[i]->summary.ocid);
      compiled_sql += i == start ? "(?, ?)" : ", (?, ?)";
      compiled_params.insert(compiled_params.end(), {ids[i], stored_compiled(connection, *processes[i], scratch)});
    }
    connection.execute(compiled_sql, compiled_params);
  }
  PartyRows parties(connection, organizations);
  for (size_t i = 0; i < processes.size(); ++i) {
    parties.add(ids[i], processes[i]->summary, buyers[i]);
    if (sqlite) search.added.push_back({processes[i]->last_date, ids[i], processes[i]->search_body});
  }
  parties.flush();
  return ids;
}

// The index keeps no copy of the text (contentless): taking a row out needs
// the text it was indexed with, kept in process_search_bodies by process id.
void ContractingRepository::write_search_rows(Connection& connection, SearchRows& search) {
  // All of the batch's old rows in one statement: FTS5 writes what it holds
  // in memory to a segment of its own at each statement with a savepoint,
  // and a statement for each row (an INSERT ... SELECT has one) made one
  // segment for each changed process, then merged them: a file of releases
  // in date order, whose processes change in every batch, spent most of its
  // writing there.
  std::sort(search.removed.begin(), search.removed.end());
  if (!search.removed.empty()) {
    std::string keys = "[";
    for (int64_t key : search.removed) keys += (keys.size() > 1 ? "," : "") + std::to_string(key);
    keys += "]";
    connection.execute(
        "INSERT INTO process_search (process_search, rowid, body) "
        "SELECT 'delete', k.value, b.body FROM json_each(?) AS k "
        "JOIN process_search_bodies AS b ON b.process_id = (k.value & 2147483647) ORDER BY k.value",
        {keys});
  }
  std::sort(search.added.begin(), search.added.end(), [](const SearchRows::Added& a, const SearchRows::Added& b) {
    return a.last_date != b.last_date ? a.last_date < b.last_date : a.process_id < b.process_id;
  });
  const std::string insert =
      "INSERT INTO process_search (rowid, body) VALUES (" + search_key_sql("?", "?") + ", ?)";
  for (const auto& row : search.added) connection.execute(insert, {row.last_date, row.process_id, row.body});
  // By process id, so that new processes' texts are appended.
  std::sort(search.added.begin(), search.added.end(),
            [](const SearchRows::Added& a, const SearchRows::Added& b) { return a.process_id < b.process_id; });
  for (const auto& row : search.added) {
    connection.execute("INSERT OR REPLACE INTO process_search_bodies (process_id, body) VALUES (?, ?)",
                       {row.process_id, row.body});
  }
  search = {};
}

namespace {

std::string where_clause(const std::vector<std::string>& conditions) {
  std::string where;
  for (const auto& condition : conditions) where += (where.empty() ? " WHERE " : " AND ") + condition;
  return where;
}

// Rows of `from_where`, counted no further than `limit`: a common word's
// whole list (with a lookup per match under a filter) is never read to count it.
int64_t count_up_to(Connection& connection, const std::string& from_where, Params params, int64_t limit) {
  params.emplace_back(limit);
  return connection.query_one("SELECT COUNT(*) AS n FROM (SELECT 1" + from_where + " LIMIT ?) AS capped", params)
      ->integer("n");
}

// A total counted up to cap + 1: past the cap it is the cap, marked as a lower bound.
void set_capped_total(Paged<ProcessRow>& page, int64_t counted, int64_t cap) {
  page.total = std::min(counted, cap);
  page.total_is_lower_bound = counted > cap;
}

// The filters other than words, as conditions on p; the date range too
// unless the caller bounds it another way.
void add_filter_conditions(const ProcessFilter& filter, bool with_dates, std::vector<std::string>& conditions,
                           Params& params) {
  if (filter.buyer_id) {
    conditions.push_back("p.buyer_id = ?");
    params.emplace_back(*filter.buyer_id);
  }
  if (filter.supplier_id) {
    conditions.push_back(
        "p.id IN (SELECT process_id FROM process_parties WHERE organization_id = ? AND role = 'supplier')");
    params.emplace_back(*filter.supplier_id);
  }
  if (filter.jurisdiction_id) {
    conditions.push_back("p.jurisdiction_id = ?");
    params.emplace_back(*filter.jurisdiction_id);
  }
  if (!filter.method.empty()) {
    conditions.push_back("p.procurement_method = ?");
    params.emplace_back(filter.method);
  }
  if (!filter.status.empty()) {
    conditions.push_back("p.status = ?");
    params.emplace_back(filter.status);
  }
  if (with_dates && !filter.date_from.empty()) {
    conditions.push_back("p.last_date >= ?");
    params.emplace_back(filter.date_from);
  }
  if (with_dates && !filter.date_to.empty()) {
    conditions.push_back("p.last_date < ?");
    params.emplace_back(filter.date_to + "T99");  // the whole last day
  }
  if (filter.amount_min) {
    conditions.push_back("p.amount >= ?");
    params.emplace_back(*filter.amount_min);
  }
  if (filter.amount_max) {
    conditions.push_back("p.amount <= ?");
    params.emplace_back(*filter.amount_max);
  }
}

// The ids a query's first column gives.
IdSet ids_of(Connection& connection, const std::string& sql, const Params& params) {
  IdSet ids;
  connection.for_each_integer(sql, params, [&ids](int64_t id) {
    ids.insert(id);
    return true;
  });
  return ids;
}

// The rows of `ids`, in the order of `ids`.
std::vector<ProcessRow> rows_in_order(Connection& connection, const std::vector<int64_t>& ids) {
  if (ids.empty()) return {};
  Params id_params;
  for (int64_t id : ids) id_params.emplace_back(id);
  std::unordered_map<int64_t, ProcessRow> by_id;
  for (const Row& row : connection.query(std::string("SELECT ") + kProcessColumns +
                                             " FROM contracting_processes p WHERE p.id IN (" +
                                             store::placeholder_list(ids.size()) + ")",
                                         id_params)) {
    ProcessRow process = process_from(row);
    by_id.emplace(process.id, std::move(process));
  }
  std::vector<ProcessRow> out;
  for (int64_t id : ids) {
    if (auto found = by_id.find(id); found != by_id.end()) out.push_back(std::move(found->second));
  }
  return out;
}

// The processes of the filter's supplier or buyer that pass its other filters
// (all but words and dates): an organisation has a few thousand
// processes, cheaper to read once than to look up for each of a word's matches.
IdSet organization_processes(Connection& connection, const ProcessFilter& filter) {
  ProcessFilter rest = filter;
  std::string select = "SELECT p.id FROM contracting_processes p";
  Params params;
  std::vector<std::string> conditions;
  if (filter.supplier_id) {
    rest.supplier_id.reset();
    select = "SELECT s.process_id FROM process_parties s";
    conditions.push_back("s.organization_id = ? AND s.role = 'supplier'");
    params.emplace_back(*filter.supplier_id);
  }
  size_t own_conditions = conditions.size();
  add_filter_conditions(rest, false, conditions, params);
  if (filter.supplier_id && conditions.size() > own_conditions) {
    select += " JOIN contracting_processes p ON p.id = s.process_id";
  }
  return ids_of(connection, select + where_clause(conditions), params);
}

// Words sorted by date on SQLite: read the search index in its own order and
// look up each match's process until the page is full, instead of collecting
// every match first.
Paged<ProcessRow> find_in_date_order(Connection& connection, const ProcessFilter& filter, const Slice& slice,
                                     const std::vector<std::string>& terms, int64_t cap,
                                     const IdSet* members = nullptr) {
  Params params = {match_expression(connection, terms)};
  std::vector<std::string> conditions = {"process_search MATCH ?"};
  // A date range is a range of the index's keys.
  if (!filter.date_from.empty()) {
    conditions.push_back("process_search.rowid >= " + search_key_sql("?", "0"));
    params.emplace_back(filter.date_from);
  }
  if (!filter.date_to.empty()) {
    conditions.push_back("process_search.rowid < " + search_key_sql("date(?, '+1 day')", "0"));
    params.emplace_back(filter.date_to);
  }
  size_t index_conditions = conditions.size();
  add_filter_conditions(filter, false, conditions, params);
  bool index_only = conditions.size() == index_conditions;
  std::string where = where_clause(conditions);
  // Counting past the page checks the filters of many matches: from the
  // narrow index of those columns, not from the process rows.
  std::string from = index_only ? " FROM process_search"
                                : std::string(" FROM process_search CROSS JOIN contracting_processes p ") +
                                      "INDEXED BY contracting_processes_filters ON p.id = " + kIdOfSearchRow;
  std::string order = filter.sort == "oldest" ? "process_search.rowid ASC" : "process_search.rowid DESC";

  Paged<ProcessRow> page;
  if (members) {
    // Only the matches of one organisation count: walk the matches in order,
    // keep the page's ids and count up to the cap.
    std::vector<int64_t> ids;
    int64_t counted = 0;
    auto take = [&](int64_t id) {
      ++counted;
      if (counted > slice.offset && static_cast<int64_t>(ids.size()) < slice.limit) ids.push_back(id);
      return counted <= cap || static_cast<int64_t>(ids.size()) < slice.limit;
    };
    // The word's matches are walked in the index alone. Any other filters are
    // checked for the organisation's matches only, a chunk at a time, not for
    // every match of the word. (A smaller chunk reads less past the page;
    // 128 was as fast as 500 at 1M processes.)
    constexpr size_t kFilterChunk = 128;
    auto index_end = conditions.begin() + static_cast<long>(index_conditions);
    std::string other_filters;
    for (auto it = index_end; it != conditions.end(); ++it) other_filters += " AND " + *it;
    Params index_params(params.begin(), params.begin() + static_cast<long>(index_conditions));
    std::vector<int64_t> chunk;
    bool more = true;
    auto check = [&] {
      Params chunk_params(chunk.begin(), chunk.end());
      chunk_params.insert(chunk_params.end(), params.begin() + static_cast<long>(index_conditions), params.end());
      IdSet passing = ids_of(connection,
                             "SELECT p.id FROM contracting_processes p INDEXED BY contracting_processes_filters "
                             "WHERE p.id IN (" + store::placeholder_list(chunk.size()) + ")" + other_filters,
                             chunk_params);
      for (int64_t id : chunk) {
        if (more && passing.contains(id)) more = take(id);
      }
      chunk.clear();
    };
    connection.for_each_integer(std::string("SELECT ") + kIdOfSearchRow + " FROM process_search" +
                                    where_clause({conditions.begin(), index_end}) + " ORDER BY " + order,
                                index_params, [&](int64_t id) {
                                  if (!members->contains(id)) return true;
                                  if (index_only) return take(id);
                                  chunk.push_back(id);
                                  if (chunk.size() == kFilterChunk) check();
                                  return more;
                                });
    if (more && !chunk.empty()) check();
    page.items = rows_in_order(connection, ids);
    set_capped_total(page, counted, cap);
    return page;
  }
  Params page_params = params;
  page_params.emplace_back(slice.limit);
  page_params.emplace_back(slice.offset);
  for (const Row& row : connection.query(std::string("SELECT ") + kProcessColumns +
                                             " FROM process_search CROSS JOIN contracting_processes p ON p.id = " +
                                             kIdOfSearchRow + where + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                                         page_params)) {
    page.items.push_back(process_from(row));
  }
  if (!needs_count(page.items.size(), slice)) {
    page.total = slice.offset + static_cast<int64_t>(page.items.size());
    return page;
  }
  set_capped_total(page, count_up_to(connection, from + where, params, cap + 1), cap);
  return page;
}

// A common word sorted by amount on SQLite: the ids of its matches are read
// once into a bitmap, then the amount index is walked until the page is full
// (collecting every match into a temporary index first costs several times more).
std::vector<ProcessRow> walk_amount_index(Connection& connection, const std::string& match,
                                          const ProcessFilter& filter, const Slice& slice) {
  IdSet matches =
      ids_of(connection, std::string("SELECT ") + kIdOfSearchRow + " FROM process_search WHERE process_search MATCH ?",
             {match});
  std::vector<std::string> conditions;
  Params params;
  add_filter_conditions(filter, true, conditions, params);
  std::vector<int64_t> ids;
  int64_t skip = slice.offset;
  auto visit = [&](int64_t id) {
    if (!matches.contains(id)) return true;
    if (skip > 0) {
      --skip;
      return true;
    }
    ids.push_back(id);
    return static_cast<int64_t>(ids.size()) < slice.limit;
  };
  std::string from = "SELECT p.id FROM contracting_processes p INDEXED BY contracting_processes_amount";
  if (filter.sort == "amount_desc") {
    connection.for_each_integer(from + where_clause(conditions) + " ORDER BY p.amount DESC, p.id DESC", params, visit);
    return rows_in_order(connection, ids);
  }
  // Ascending, processes without an amount last (the index keeps them first).
  conditions.push_back("p.amount IS NOT NULL");
  connection.for_each_integer(from + where_clause(conditions) + " ORDER BY p.amount ASC, p.id ASC", params, visit);
  if (static_cast<int64_t>(ids.size()) < slice.limit) {
    conditions.back() = "p.amount IS NULL";
    connection.for_each_integer(from + where_clause(conditions) + " ORDER BY p.amount ASC, p.id ASC", params, visit);
  }
  return rows_in_order(connection, ids);
}

}  // namespace

Paged<ProcessRow> ContractingRepository::find_processes(Connection& connection, const ProcessFilter& filter,
                                                        const Slice& slice, int64_t exact_count_up_to) {
  bool sqlite = connection.dialect() == Dialect::sqlite;
  std::vector<std::string> terms;
  if (!filter.text.empty()) {
    terms = store::SearchIndex::query_terms(filter.text);
    if (terms.empty()) return {};
  }
  // Totals of searches by words are counted past the page and the cap, no further.
  int64_t cap = std::max(exact_count_up_to, slice.offset + slice.limit);
  bool by_date = filter.sort != "amount_desc" && filter.sort != "amount_asc";
  if (sqlite && !terms.empty() && by_date && !filter.buyer_id && !filter.supplier_id) {
    return find_in_date_order(connection, filter, slice, terms, cap);
  }
  if (sqlite && !terms.empty() && by_date && (filter.supplier_id || filter.buyer_id)) {
    // A supplier has a few thousand processes: its other filters are checked
    // on those, once. A buyer has tens of thousands, and only its own index is
    // cheap to read whole: its other filters are checked on the word's
    // matches as they are walked, from the narrow index of those columns.
    ProcessFilter organization;
    ProcessFilter walked;
    if (filter.supplier_id) {
      organization = filter;
      walked.date_from = filter.date_from;
      walked.date_to = filter.date_to;
      walked.sort = filter.sort;
    } else {
      organization.buyer_id = filter.buyer_id;
      walked = filter;
      walked.buyer_id.reset();
    }
    IdSet members = organization_processes(connection, organization);
    return find_in_date_order(connection, walked, slice, terms, cap, &members);
  }
  // A common word matches thousands of processes: walking the sort order's
  // index and stopping at the page's last row beats sorting every match.
  constexpr int64_t kWalkTheIndexAbove = 2000;
  Params params;
  std::vector<std::string> conditions;
  std::optional<int64_t> text_matches;
  if (!terms.empty()) {
    conditions.push_back(text_condition(connection, terms, params));
    if (sqlite) {
      // Counted only as far as the decisions below need.
      text_matches = count_up_to(connection, " FROM process_search WHERE process_search MATCH ?", {params.back()},
                                 std::max(kWalkTheIndexAbove, cap) + 1);
      if (*text_matches == 0) return {};
    }
  }
  size_t text_conditions = conditions.size();
  add_filter_conditions(filter, true, conditions, params);
  bool only_text = text_matches && conditions.size() == text_conditions;
  std::string where = where_clause(conditions);
  bool by_amount = filter.sort == "amount_desc" || filter.sort == "amount_asc";
  std::string order = filter.sort == "oldest"        ? "p.last_date ASC, p.id ASC"
                      : filter.sort == "amount_desc" ? (sqlite ? "p.amount DESC, p.id DESC"
                                                               : "p.amount DESC NULLS LAST, p.id DESC")
                      : filter.sort == "amount_asc"  ? (sqlite ? "p.amount IS NULL, p.amount ASC, p.id ASC"
                                                               : "p.amount ASC NULLS LAST, p.id ASC")
                                                     : "p.last_date DESC, p.id DESC";
  std::string from = " FROM contracting_processes p";
  if (text_matches && *text_matches > kWalkTheIndexAbove && filter.sort != "amount_asc") {
    from += by_amount ? " INDEXED BY contracting_processes_amount" : " INDEXED BY contracting_processes_date";
  }
  Params page_params = params;
  page_params.emplace_back(slice.limit);
  page_params.emplace_back(slice.offset);
  Paged<ProcessRow> page;
  if (text_matches && *text_matches > kWalkTheIndexAbove && by_amount && slice.limit <= static_cast<int64_t>(kInChunk)) {
    page.items = walk_amount_index(connection, params.front().as_text(), filter, slice);
  } else {
    for (const Row& row : connection.query(std::string("SELECT ") + kProcessColumns + from + where + " ORDER BY " +
                                               order + " LIMIT ? OFFSET ?",
                                           page_params)) {
      page.items.push_back(process_from(row));
    }
  }
  if (!needs_count(page.items.size(), slice)) {
    page.total = slice.offset + static_cast<int64_t>(page.items.size());
  } else if (only_text) {
    set_capped_total(page, *text_matches, cap);
  } else if ((text_matches && *text_matches > exact_count_up_to) || (!sqlite && !filter.text.empty())) {
    // A filter on top of a common word (or, on PostgreSQL, which has no cheap
    // count of the text matches alone, any word): an exact total would look
    // up every match, so counting stops once it passes both the cap and this page.
    set_capped_total(page, count_up_to(connection, " FROM contracting_processes p" + where, params, cap + 1), cap);
  } else {
    page.total = connection.query_one("SELECT COUNT(*) AS n FROM contracting_processes p" + where, params)
                     ->integer("n");
  }
  return page;
}

std::optional<ProcessRow> ContractingRepository::process_by_ocid(Connection& connection, const std::string& ocid) {
  auto row = connection.query_one(std::string("SELECT ") + kProcessColumns +
                                      " FROM contracting_processes p WHERE p.ocid = ?",
                                  {ocid});
  if (!row) return std::nullopt;
  return process_from(*row);
}

std::optional<std::string> ContractingRepository::compiled_of(Connection& connection, const std::string& ocid) {
  auto row = connection.query_one(
      "SELECT c.compiled FROM contracting_processes p JOIN compiled_releases c ON c.process_id = p.id WHERE p.ocid = ?",
      {ocid});
  if (!row) return std::nullopt;
  return json_from_store(connection, (*row)["compiled"]);
}

std::string ContractingRepository::license_of(Connection& connection, const std::string& ocid) {
  auto row = connection.query_one(
      "SELECT k.license FROM ocds_releases r JOIN ocds_packages k ON k.id = r.package_id WHERE r.ocid = ? "
      "ORDER BY r.release_date DESC, r.id DESC LIMIT 1",
      {ocid});
  return row ? row->text("license") : "";
}

std::vector<std::string> ContractingRepository::package_licenses(Connection& connection) {
  std::vector<std::string> urls;
  for (const Row& row : connection.query("SELECT DISTINCT license FROM ocds_packages", {})) {
    urls.push_back(row.text("license"));
  }
  return urls;
}

std::map<std::string, std::string> ContractingRepository::licenses_of(Connection& connection,
                                                                    const std::vector<std::string>& ocids) {
  std::map<std::string, std::string> licenses;
  // Rows come ordered so that each ocid's latest release is the last one seen, as license_of takes it.
  query_in_chunks(connection,
                  "SELECT r.ocid, k.license FROM ocds_releases r JOIN ocds_packages k ON k.id = r.package_id "
                  "WHERE r.ocid IN ",
                  ocids, " ORDER BY r.ocid, r.release_date, r.id",
                  [&](const Row& row) { licenses[row.text("ocid")] = row.text("license"); });
  return licenses;
}

std::optional<OrganizationRow> ContractingRepository::organization(Connection& connection, int64_t id) {
  auto row = connection.query_one("SELECT id, name, identifier FROM ocds_organizations WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return OrganizationRow{row->integer("id"), row->text("name"), row->text("identifier")};
}

namespace {

std::vector<AmountGroup> groups_from(const store::Rows& rows) {
  std::vector<AmountGroup> out;
  for (const Row& row : rows) {
    out.push_back({row.is_null("group_key") ? "" : row["group_key"].as_text(), row.integer("processes"),
                   row.is_null("amount") ? 0.0 : row.real("amount")});
  }
  return out;
}

std::vector<Counterpart> counterparts_from(const store::Rows& rows) {
  std::vector<Counterpart> out;
  for (const Row& row : rows) {
    out.push_back({row.integer("id"), row.text("name"), row.integer("processes"),
                   row.is_null("amount") ? 0.0 : row.real("amount"), row.text("since")});
  }
  return out;
}

}  // namespace

std::vector<AmountGroup> ContractingRepository::buyer_spend_by_year(Connection& connection, int64_t buyer_id) {
  return groups_from(connection.query(
      "SELECT year AS group_key, COUNT(*) AS processes, SUM(amount) AS amount FROM contracting_processes "
      "WHERE buyer_id = ? GROUP BY year ORDER BY year DESC",
      {buyer_id}));
}

std::vector<AmountGroup> ContractingRepository::buyer_methods(Connection& connection, int64_t buyer_id) {
  return groups_from(connection.query(
      "SELECT procurement_method AS group_key, COUNT(*) AS processes, SUM(amount) AS amount "
      "FROM contracting_processes WHERE buyer_id = ? GROUP BY procurement_method ORDER BY 3 DESC",
      {buyer_id}));
}

std::vector<Counterpart> ContractingRepository::suppliers_of_buyer(Connection& connection, int64_t buyer_id,
                                                                   int64_t limit) {
  return counterparts_from(connection.query(
      "SELECT o.id, o.name, COUNT(*) AS processes, SUM(pp.amount) AS amount, MIN(p.first_date) AS since "
      "FROM contracting_processes p JOIN process_parties pp ON pp.process_id = p.id AND pp.role = 'supplier' "
      "JOIN ocds_organizations o ON o.id = pp.organization_id WHERE p.buyer_id = ? "
      "GROUP BY o.id, o.name ORDER BY 4 DESC, 3 DESC, o.id LIMIT ?",
      {buyer_id, limit}));
}

std::vector<Counterpart> ContractingRepository::buyers_of_supplier(Connection& connection, int64_t supplier_id,
                                                                   int64_t limit) {
  return counterparts_from(connection.query(
      "SELECT o.id, o.name, COUNT(*) AS processes, SUM(pp.amount) AS amount, MIN(p.first_date) AS since "
      "FROM process_parties pp JOIN contracting_processes p ON p.id = pp.process_id "
      "JOIN ocds_organizations o ON o.id = p.buyer_id "
      "WHERE pp.organization_id = ? AND pp.role = 'supplier' "
      "GROUP BY o.id, o.name ORDER BY 4 DESC, 3 DESC, o.id LIMIT ?",
      {supplier_id, limit}));
}

std::vector<AmountGroup> ContractingRepository::supplier_income_by_year(Connection& connection,
                                                                        int64_t supplier_id) {
  return groups_from(connection.query(
      "SELECT p.year AS group_key, COUNT(*) AS processes, SUM(pp.amount) AS amount "
      "FROM process_parties pp JOIN contracting_processes p ON p.id = pp.process_id "
      "WHERE pp.organization_id = ? AND pp.role = 'supplier' GROUP BY p.year ORDER BY p.year DESC",
      {supplier_id}));
}

}  // namespace apertura::money
