#pragma once
// Every SQL statement of the datastore: its record of each resource's table,
// and the tables themselves, one per loaded resource, named by the resource's
// id ("datastore_r<id>") with columns c1..cN in the schema's order, so no
// name from a file ever reaches SQL. No rules: DatastoreService decides.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/datastore/datastore_table.h"
#include "store/connection.h"

namespace apertura::catalog {

// The rows to find in a loaded table: each filter's column must hold one of
// its values; `text`, when given, must be inside some cell (any case).
struct DatastoreSelection {
  std::vector<std::pair<size_t, std::vector<store::Value>>> filters;  // column index -> values
  std::string text;
  std::vector<std::pair<size_t, bool>> sort;  // column index, descending (empty cells smallest); the file's order after them
  std::vector<size_t> columns;                // the columns to return, in order
  int64_t limit = 100;
  int64_t offset = 0;
  bool count = true;  // also count every matching row
};

struct DatastoreRows {
  std::vector<int64_t> ids;                      // each row's position in the file (1 for the first data row)
  std::vector<std::vector<store::Value>> values;  // per row, the selected columns
  std::optional<int64_t> total;
};

class DatastoreRepository {
 public:
  static std::optional<DatastoreTable> find(store::Connection& connection, int64_t resource_id);
  // Inserts or replaces the record of a resource's table.
  static void save(store::Connection& connection, const DatastoreTable& table);
  static std::string table_name(int64_t resource_id);
  static void create_table(store::Connection& connection, const std::string& name, const TableSchema& schema);
  static void drop_table(store::Connection& connection, const std::string& name);
  // An index on one column (0-based), for its filters and sorts; empty cells
  // count as the smallest values on both databases.
  static void index_column(store::Connection& connection, const std::string& name, size_t column);
  // Statistics for PostgreSQL's planner (without them, a new table's filters
  // read every row); SQLite's planner needs none to use the indexes.
  static void analyze(store::Connection& connection, const std::string& name);
  static DatastoreRows select(store::Connection& connection, const DatastoreTable& table,
                              const DatastoreSelection& selection);
};

// Inserts rows into a new table in batches (one statement of many rows, to
// load large files fast on both databases).
class RowInserter {
 public:
  RowInserter(store::Connection& connection, const std::string& table, size_t columns);
  // One row: its position in the file and one value per column.
  void add(int64_t id, std::vector<store::Value>& values);
  // Writes what is still buffered.
  void flush();

 private:
  std::string statement(size_t rows) const;

  store::Connection& connection_;
  std::string table_;
  size_t columns_;
  size_t batch_rows_;
  std::string batch_sql_;
  store::Params buffer_;
};

}  // namespace apertura::catalog
