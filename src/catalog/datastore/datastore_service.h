#pragma once
// The datastore: a resource's CSV file as a table people and programs can
// page, sort, filter and search (CKAN's datastore_search). Rules:
// - a CSV file kept by the portal is loaded when it is added: its character
//   set, delimiter and column types are found by reading it, and every row is
//   checked; a file with any error is not loaded at all (its report says what
//   to fix) and the resource stays a downloadable file;
// - a load runs in one transaction: a load that fails, or finds an error,
//   leaves no table and no row behind;
// - the dataset's keepers may correct the column types; the file is then
//   checked again against them and loaded if it passes;
// - a table is read by whoever may see its resource (drafts: their keepers).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "catalog/dataset_service.h"
#include "catalog/datastore/datastore_repository.h"
#include "catalog/datastore/datastore_table.h"
#include "catalog/datastore/table_reader.h"
#include "core/actor.h"
#include "core/result.h"
#include "store/database.h"
#include "store/file_store.h"

namespace apertura::catalog {

// A search of one resource's table, by field names as the file has them.
struct DatastoreQuery {
  int64_t resource_id = 0;
  std::string text;  // CKAN's q: inside any cell
  std::vector<std::pair<std::string, std::vector<std::string>>> filters;  // field -> any of these values
  std::vector<std::string> fields;  // the fields to return; all when empty
  std::string sort;                 // "field [asc|desc], ..."
  int64_t limit = 100;
  int64_t offset = 0;
  bool include_total = true;
};

struct DatastoreResult {
  DatastoreTable table;
  std::vector<SchemaField> fields;  // the returned fields, in order
  DatastoreRows rows;
  int64_t limit = 100;
  int64_t offset = 0;
};

// The most rows one search returns (CKAN's default ckan.datastore.search.rows_max).
constexpr int64_t kMaxDatastoreRows = 32000;

class DatastoreService {
 public:
  DatastoreService(store::Database& database, store::FileStore& files, DatasetService& datasets)
      : database_(database), files_(files), datasets_(datasets) {}

  // Whether a resource is one the datastore loads: a kept CSV file.
  static bool loads(const Resource& resource);
  // Loads a resource's file (the rules above), replacing any earlier load;
  // `given`: the column types to check against instead of inferring them.
  // Returns what the load found. Throws store errors (nothing is then kept).
  // `also` runs inside the load's transaction (an audit entry).
  DatastoreTable load(int64_t resource_id, const ByteSource& source, const std::optional<TableSchema>& given = {},
                      const std::function<void(store::Connection&, const DatastoreTable&)>& also = {});
  // Loads a file too large to upload (a CSV resource published as a link, or
  // a kept one) from `source`, for the command line: the resource's keepers
  // (or the system) only.
  Result<DatastoreTable> load_from(const Actor& actor, int64_t resource_id, const ByteSource& source);
  // Loads a resource just added (catalog_domain calls this after each add).
  void load_added(const Resource& resource, const std::string& data);
  // Forgets a resource's table, inside the caller's transaction (its resource is withdrawn).
  static void forget(store::Connection& connection, int64_t resource_id);

  // The table of a resource this account may see; not_found when it has none.
  Result<DatastoreTable> table(const Actor& actor, int64_t resource_id);
  // The keepers' correction of the column types ("string", "integer", ... in
  // the file's column order, and each date's format), checked and loaded again.
  Result<DatastoreTable> correct_schema(const Actor& actor, const std::string& slug, int64_t resource_id,
                                        const std::vector<std::pair<std::string, std::string>>& types,
                                        int64_t version);
  Result<DatastoreResult> search(const Actor& actor, const DatastoreQuery& query);

 private:
  store::Database& database_;
  store::FileStore& files_;
  DatasetService& datasets_;
};

}  // namespace apertura::catalog
