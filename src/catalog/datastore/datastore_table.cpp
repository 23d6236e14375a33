#include "catalog/datastore/datastore_table.h"

#include "core/enum_names.h"

namespace apertura::catalog {

namespace {

using nlohmann::json;

constexpr std::array<std::pair<DataErrorKind, std::string_view>, 8> kKindNames{{
    {DataErrorKind::source_error, "source-error"},
    {DataErrorKind::encoding_error, "encoding-error"},
    {DataErrorKind::blank_header, "blank-header"},
    {DataErrorKind::duplicate_header, "duplicate-header"},
    {DataErrorKind::too_many_columns, "too-many-columns"},
    {DataErrorKind::extra_cell, "extra-cell"},
    {DataErrorKind::missing_cell, "missing-cell"},
    {DataErrorKind::type_error, "type-error"},
}};

constexpr std::array<std::pair<DatastoreStatus, std::string_view>, 2> kStatusNames{{
    {DatastoreStatus::invalid, "invalid"},
    {DatastoreStatus::loaded, "loaded"},
}};

}  // namespace

std::string data_error_kind_name(DataErrorKind kind) { return std::string(name_of(kKindNames, kind)); }

std::optional<DataErrorKind> parse_data_error_kind(const std::string& name) { return parse_name(kKindNames, name); }

json DataError::to_json() const {
  return {{"type", data_error_kind_name(kind)}, {"row", row}, {"column", column},
          {"field", field}, {"cell", cell}, {"detail", detail}};
}

DataError DataError::from_json(const json& value) {
  DataError error;
  error.kind = parse_data_error_kind(value.value("type", "")).value_or(DataErrorKind::source_error);
  error.row = value.value("row", int64_t{0});
  error.column = value.value("column", int64_t{0});
  error.field = value.value("field", "");
  error.cell = value.value("cell", "");
  error.detail = value.value("detail", "");
  return error;
}

void ValidationReport::add(DataError error) {
  ++error_count;
  ++counts[error.kind];
  if (errors.size() < kMaxListedErrors) errors.push_back(std::move(error));
}

json ValidationReport::to_json() const {
  json by_kind = json::object();
  for (const auto& [kind, count] : counts) by_kind[data_error_kind_name(kind)] = count;
  json listed = json::array();
  for (const auto& error : errors) listed.push_back(error.to_json());
  return {{"valid", valid()},  {"encoding", encoding}, {"delimiter", std::string(1, delimiter)},
          {"rows", rows},      {"columns", columns},   {"error_count", error_count},
          {"counts", by_kind}, {"errors", listed},     {"stopped", stopped}};
}

ValidationReport ValidationReport::from_json(const json& value) {
  ValidationReport report;
  report.encoding = value.value("encoding", "");
  std::string delimiter = value.value("delimiter", ",");
  report.delimiter = delimiter.empty() ? ',' : delimiter[0];
  report.rows = value.value("rows", int64_t{0});
  report.columns = value.value("columns", int64_t{0});
  report.error_count = value.value("error_count", int64_t{0});
  report.stopped = value.value("stopped", false);
  if (value.contains("counts") && value["counts"].is_object()) {
    for (const auto& [name, count] : value["counts"].items()) {
      if (auto kind = parse_data_error_kind(name)) report.counts[*kind] = count.get<int64_t>();
    }
  }
  if (value.contains("errors") && value["errors"].is_array()) {
    for (const auto& item : value["errors"]) report.errors.push_back(DataError::from_json(item));
  }
  return report;
}

std::string datastore_status_name(DatastoreStatus status) { return std::string(name_of(kStatusNames, status)); }

std::optional<DatastoreStatus> parse_datastore_status(const std::string& name) {
  return parse_name(kStatusNames, name);
}

json DatastoreTable::to_json() const {
  return {{"resource_id", resource_id},
          {"status", datastore_status_name(status)},
          {"schema", schema.to_json()},
          {"schema_corrected", schema_corrected},
          {"report", report.to_json()},
          {"row_count", row_count},
          {"loaded_at", loaded_at}};
}

}  // namespace apertura::catalog
