#include "money/import/import_indexes.h"

#include <optional>
#include <string>

namespace apertura::money {

namespace {

struct IndexDefinition {
  const char* name;
  const char* definition;  // as its migration wrote it
};

// The unique indexes an import looks rows up by (ocid, ocid + release id,
// organisation key, party and flag keys) are constraints and stay. So do the
// indexes whose keys grow as an import writes (ocds_releases_package: one
// package per file; contracting_processes_filters: the process id first):
// kept up to date, they take appends on the writing thread, where building
// them at the end read their whole tables (1.6 of 4.0 s at 1M releases)
// while the import waited.
const std::vector<IndexDefinition>& definitions() {
  static const std::vector<IndexDefinition> indexes = {
      {"contracting_processes_buyer", "contracting_processes(buyer_id, year)"},
      {"contracting_processes_date", "contracting_processes(last_date)"},
      {"contracting_processes_amount", "contracting_processes(amount)"},
      {"contracting_processes_method", "contracting_processes(procurement_method)"},
      {"contracting_processes_jurisdiction", "contracting_processes(jurisdiction_id, year)"},
      {"contracting_processes_budget", "contracting_processes(jurisdiction_id, budget_id)"},
      {"process_parties_organization", "process_parties(organization_id, role)"},
      {"red_flags_code", "red_flags(code, scope)"},
      {"red_flags_listing", "red_flags(code, value DESC, subject)"},
  };
  return indexes;
}

// SQLite's default page cache for the life of one index build.
class SmallSortRuns {
 public:
  explicit SmallSortRuns(store::Connection& connection) : connection_(connection) {
    if (connection_.dialect() != store::Dialect::sqlite) return;
    previous_ = connection_.query_one("PRAGMA cache_size")->integer("cache_size");
    connection_.execute_script("PRAGMA cache_size=-2000");
  }
  ~SmallSortRuns() {
    if (!previous_) return;
    try {
      connection_.execute_script("PRAGMA cache_size=" + std::to_string(*previous_));
    } catch (const std::exception&) {
      // The connection keeps the smaller cache; only its speed changes.
    }
  }
  SmallSortRuns(const SmallSortRuns&) = delete;
  SmallSortRuns& operator=(const SmallSortRuns&) = delete;

 private:
  store::Connection& connection_;
  std::optional<int64_t> previous_;
};

}  // namespace

std::vector<const char*> ImportIndexes::names() {
  std::vector<const char*> out;
  for (const auto& index : definitions()) out.push_back(index.name);
  return out;
}

bool ImportIndexes::drop_if_store_empty(store::Connection& connection) {
  store::Transaction transaction(connection);
  if (connection.query_one("SELECT 1 AS one FROM contracting_processes LIMIT 1")) return false;
  for (const auto& index : definitions()) {
    connection.execute_script(std::string("DROP INDEX IF EXISTS ") + index.name);
  }
  transaction.commit();
  return true;
}

bool ImportIndexes::exists(store::Connection& connection, const char* name) {
  // PostgreSQL: only this store's schema; another schema of the same database
  // (another installation, or a parallel test) may have an index of that name.
  const char* sql = connection.dialect() == store::Dialect::sqlite
                        ? "SELECT 1 AS one FROM sqlite_master WHERE type = 'index' AND name = ?"
                        : "SELECT 1 AS one FROM pg_indexes WHERE indexname = ? AND schemaname = current_schema()";
  return connection.query_one(sql, {name}).has_value();
}

int ImportIndexes::build_missing(store::Connection& connection) {
  // SQLite sorts an index's keys in runs as large as the page cache: runs of
  // SQLite's default 2 MB fit the processor's caches and built the indexes of
  // 100,000 processes in 1.7-2.0 s, against 2.7-3.2 s with the 32 MB the
  // connection keeps for imports (bench/README, "index build").
  SmallSortRuns small_runs(connection);
  store::Transaction transaction(connection);
  int built = 0;
  for (const auto& index : definitions()) {
    if (exists(connection, index.name)) continue;
    connection.execute_script(std::string("CREATE INDEX ") + index.name + " ON " + index.definition);
    ++built;
  }
  transaction.commit();
  return built;
}

DeferredImportIndexes::DeferredImportIndexes(store::Database& database) : database_(database) {
  auto connection = database_.connect();
  dropped_ = ImportIndexes::drop_if_store_empty(*connection);
}

DeferredImportIndexes::~DeferredImportIndexes() {
  try {
    finish();
  } catch (const std::exception&) {
    // Start-up builds them (ImportIndexes::build_missing).
  }
}

void DeferredImportIndexes::finish() {
  if (!dropped_) return;
  dropped_ = false;
  auto connection = database_.connect();
  ImportIndexes::build_missing(*connection);
}

}  // namespace apertura::money
