#pragma once
// Reads a CSV file as a table, streaming: names its character set and
// delimiter from its first megabyte, takes the first row as the header,
// infers the schema from the first rows (unless one is given), and checks
// every row against it as Frictionless validates a table. Memory stays
// bounded whatever the file's size: a chunk, the sample rows and one row.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "catalog/datastore/datastore_table.h"
#include "catalog/datastore/table_schema.h"
#include "store/value.h"

namespace apertura::catalog {

// Fills `buffer` with up to `size` bytes of the file; 0 at its end.
using ByteSource = std::function<size_t(char* buffer, size_t size)>;
ByteSource bytes_of(std::string_view data);

struct TableReaderLimits {
  size_t max_columns = 1000;             // both databases take more, but no table people read has as many
  size_t max_cell_bytes = 1024 * 1024;   // a cell longer than this is a quote left open
  size_t sample_rows = 1000;             // rows the types are inferred from
};

class TableReader {
 public:
  // Called once, with the schema, before the first row.
  using Begin = std::function<void(const TableSchema&)>;
  // Each row while the file has had no error: its position (1 for the first
  // data row) and one value per field, which the callee may move from.
  using Row = std::function<void(int64_t position, std::vector<store::Value>& values)>;

  explicit TableReader(TableReaderLimits limits = {}) : limits_(limits) {}

  // Reads the whole file. `given`: the schema to check against (its types,
  // by position; the header still names the fields) instead of an inferred
  // one. Rows stop reaching `row` at the first error; reading goes on to
  // count them, up to ValidationReport::kMaxCountedErrors.
  ValidationReport read(const ByteSource& source, const std::optional<TableSchema>& given, const Begin& begin,
                        const Row& row);
  // The schema the last read checked against.
  const TableSchema& schema() const { return schema_; }

 private:
  TableReaderLimits limits_;
  TableSchema schema_;
};

}  // namespace apertura::catalog
