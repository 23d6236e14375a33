#pragma once
// A resource's columns as a Frictionless Table Schema
// (https://specs.frictionlessdata.io/table-schema/): each field's name and
// type, inferred from the file and correctable by its publisher. Reading a
// cell by its field's type is the one place that says what a valid integer,
// number, boolean or date is.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/value.h"

namespace apertura::catalog {

enum class FieldType { string, integer, number, boolean, date, datetime };

// Table Schema's names: "string", "integer", ...
std::string field_type_name(FieldType type);
std::optional<FieldType> parse_field_type(std::string_view name);
const std::vector<FieldType>& all_field_types();
// The type CKAN's DataStore gives such a column: "text", "int", "numeric", "bool", "date", "timestamp".
std::string ckan_field_type(FieldType type);

// A date is read as ISO 8601 (YYYY-MM-DD, Table Schema's default) or, with
// the format "%d/%m/%Y", as Mexican spreadsheets write it; it is kept as ISO.
constexpr std::string_view kDayMonthYear = "%d/%m/%Y";

struct SchemaField {
  std::string name;   // the column's header
  FieldType type = FieldType::string;
  std::string format;  // "" (the type's default) or kDayMonthYear for dates
};

struct TableSchema {
  std::vector<SchemaField> fields;
  std::vector<std::string> missing_values{""};  // cells that stand for a missing value

  // {"fields": [{"name", "type", "format"?}], "missingValues": [...]}
  nlohmann::json to_json() const;
  // nullopt when `value` is not such an object with known types.
  static std::optional<TableSchema> from_json(const nlohmann::json& value);
  std::optional<size_t> index_of(std::string_view name) const;
};

// The value a cell holds for its field: NULL when it is a missing value, an
// integer (booleans as 0 and 1), a double or text (dates and datetimes as ISO
// text); nullopt when the cell is not of the field's type.
std::optional<store::Value> read_cell(const SchemaField& field, const std::vector<std::string>& missing_values,
                                      std::string_view cell);
// A stored value as a CSV cell or JSON value shows it.
std::string cell_text(const SchemaField& field, const store::Value& value);
nlohmann::json cell_json(const SchemaField& field, const store::Value& value);

// Guesses the fields' types from sample rows (without the header): for each
// column, the first of integer, number, boolean, date (ISO, then day/month/
// year), datetime that reads every non-missing cell, or string.
class SchemaInference {
 public:
  explicit SchemaInference(std::vector<std::string> headers);
  void add(const std::vector<std::string>& row);
  TableSchema schema() const;

 private:
  struct Candidates {
    bool integer = true, number = true, boolean = true, iso_date = true, dmy_date = true, datetime = true;
    bool seen = false;  // any cell with a value
  };
  std::vector<std::string> headers_;
  std::vector<Candidates> columns_;
};

}  // namespace apertura::catalog
