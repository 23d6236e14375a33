#include "catalog/datastore/datastore_views.h"

#include "catalog/messages.h"
#include "core/date_text.h"
#include "core/number_text.h"

namespace apertura::catalog {

namespace {

using nlohmann::json;

bool numeric(FieldType type) { return type == FieldType::integer || type == FieldType::number; }

std::string delimiter_label(char delimiter) {
  switch (delimiter) {
    case ';': return "punto y coma";
    case '\t': return "tabulador";
    case '|': return "barra vertical";
    default: return "coma";
  }
}

}  // namespace

json datastore_summary_view(const DatastoreTable& table, const std::string& resource_url) {
  json view;
  view["loaded"] = table.loaded();
  view["rows_text"] = counted(table.row_count, "fila", "filas");
  view["columns_text"] = counted(static_cast<int64_t>(table.schema.fields.size()), "columna", "columnas");
  view["encoding"] = table.report.encoding;
  view["delimiter_text"] = delimiter_label(table.report.delimiter);
  view["loaded_at"] = table.loaded_at;
  view["loaded_at_text"] = date_es(iso_date_part(table.loaded_at));
  view["schema_corrected"] = table.schema_corrected;
  view["table_url"] = resource_url + "/tabla";
  view["csv_url"] = resource_url + "/tabla.csv";
  view["json_url"] = resource_url + "/tabla.json";
  view["schema_url"] = resource_url + "/esquema";
  view["api_url"] = "/api/3/action/datastore_search?resource_id=" + std::to_string(table.resource_id);
  // A download carries at most web::kMaxDownloadRows rows; the original file has them all.
  if (table.row_count > web::kMaxDownloadRows) {
    view["download_cap_text"] = "las primeras " + grouped(web::kMaxDownloadRows) + " filas; el archivo original las tiene todas";
  }
  json fields = json::array();
  for (const auto& field : table.schema.fields) {
    std::string type = field_type_label_es(field.type);
    if (field.type == FieldType::date && field.format == kDayMonthYear) type += " (día/mes/año)";
    fields.push_back({{"name", field.name}, {"type_label", type}, {"type", field_type_name(field.type)}});
  }
  view["fields"] = fields;
  const ValidationReport& report = table.report;
  view["error_count_text"] = counted(report.error_count, "error", "errores");
  view["rows_read_text"] = counted(report.rows, "fila", "filas");
  json kinds = json::array();
  for (const auto& [kind, count] : report.counts) {
    kinds.push_back({{"label", data_error_kind_label_es(kind)}, {"count", grouped(count)}});
  }
  view["kinds"] = kinds;
  json errors = json::array();
  for (const auto& error : report.errors) errors.push_back({{"text", data_error_text_es(error)}});
  view["errors"] = errors;
  if (report.error_count > static_cast<int64_t>(report.errors.size())) {
    view["more_errors_text"] = "Se muestran los primeros " + grouped(static_cast<int64_t>(report.errors.size())) +
                               (report.stopped ? "; la revisión se detuvo al llegar a " + grouped(report.error_count) + "." : ".");
  }
  return view;
}

json rows_view(const std::vector<SchemaField>& fields, const DatastoreRows& rows) {
  json columns = json::array();
  for (const auto& field : fields) columns.push_back({{"name", field.name}, {"number", numeric(field.type)}});
  json out = json::array();
  for (size_t r = 0; r < rows.values.size(); ++r) {
    json cells = json::array();
    for (size_t i = 0; i < fields.size(); ++i) {
      cells.push_back({{"text", cell_text(fields[i], rows.values[r][i])},
                       {"number", numeric(fields[i].type)},
                       {"label", fields[i].name}});
    }
    out.push_back({{"id", rows.ids[r]}, {"cells", cells}});
  }
  return {{"columns", columns}, {"rows", out}};
}

web::Table datastore_download_table(const std::vector<SchemaField>& fields, const DatastoreRows& rows) {
  web::Table table;
  for (const auto& field : fields) table.columns.push_back({field.name, field.name});
  for (size_t r = 0; r < rows.values.size(); ++r) {
    json row = json::object();
    for (size_t i = 0; i < fields.size(); ++i) row[fields[i].name] = cell_json(fields[i], rows.values[r][i]);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace apertura::catalog
