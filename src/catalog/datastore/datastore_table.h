#pragma once
// A resource's data as a table the portal can query: the file read row by
// row into a database table of its own, with the schema its columns follow
// and the validation report of the last load. A file with errors is not
// loaded at all; its report says what to fix (in the file, or in the schema).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/datastore/table_schema.h"

namespace apertura::catalog {

// The kinds of problem a validation finds, named as Frictionless names them.
enum class DataErrorKind {
  encoding_error,    // bytes that are not text in the file's character set
  source_error,      // not CSV: a quote left open, an empty file
  blank_header,      // a column without a name
  duplicate_header,  // two columns with one name
  too_many_columns,  // more than the datastore takes
  extra_cell,        // a row with more cells than the header
  missing_cell,      // a row with fewer
  type_error,        // a cell that is not of its column's type
};

std::string data_error_kind_name(DataErrorKind kind);  // "type-error"
std::optional<DataErrorKind> parse_data_error_kind(const std::string& name);

struct DataError {
  DataErrorKind kind = DataErrorKind::source_error;
  int64_t row = 0;     // the file's line (the header is row 1); 0 for the whole file
  int64_t column = 0;  // 1-based; 0 for the whole row
  std::string field;   // the column's name, when there is one
  std::string cell;    // the offending value (cut to 100 characters)
  std::string detail;  // for type errors the expected type's name; else a fact to show

  nlohmann::json to_json() const;
  static DataError from_json(const nlohmann::json& value);
};

// What a validation of the whole file found.
struct ValidationReport {
  std::string encoding;  // "UTF-8", "WINDOWS-1252"
  char delimiter = ',';
  int64_t rows = 0;      // data rows read (not counting the header)
  int64_t columns = 0;
  int64_t error_count = 0;                 // every error found
  std::map<DataErrorKind, int64_t> counts;  // by kind
  std::vector<DataError> errors;           // the first kMaxListedErrors
  bool stopped = false;                    // reading stopped at kMaxCountedErrors

  static constexpr size_t kMaxListedErrors = 100;
  static constexpr int64_t kMaxCountedErrors = 10000;

  bool valid() const { return error_count == 0; }
  void add(DataError error);
  nlohmann::json to_json() const;
  static ValidationReport from_json(const nlohmann::json& value);
};

enum class DatastoreStatus { loaded, invalid };

std::string datastore_status_name(DatastoreStatus status);
std::optional<DatastoreStatus> parse_datastore_status(const std::string& name);

struct DatastoreTable {
  int64_t resource_id = 0;
  DatastoreStatus status = DatastoreStatus::invalid;
  std::string table_name;  // the database table holding the rows, when loaded
  TableSchema schema;      // inferred, or as its publisher corrected it
  bool schema_corrected = false;
  ValidationReport report;
  int64_t row_count = 0;
  std::string loaded_at;   // when this load (or validation) ran
  int64_t version = 1;

  bool loaded() const { return status == DatastoreStatus::loaded; }
  nlohmann::json to_json() const;
};

}  // namespace apertura::catalog
