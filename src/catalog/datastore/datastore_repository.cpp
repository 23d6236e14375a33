#include "catalog/datastore/datastore_repository.h"

#include <algorithm>

namespace apertura::catalog {

namespace {

using store::Dialect;

std::string column(size_t index) { return "c" + std::to_string(index + 1); }

std::string column_type(Dialect dialect, FieldType type) {
  bool pg = dialect == Dialect::postgresql;
  switch (type) {
    case FieldType::integer:
    case FieldType::boolean: return pg ? "BIGINT" : "INTEGER";
    case FieldType::number: return pg ? "DOUBLE PRECISION" : "REAL";
    default: return "TEXT";
  }
}

// LIKE's own characters in a searched text are searched as they are.
std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace

std::optional<DatastoreTable> DatastoreRepository::find(store::Connection& connection, int64_t resource_id) {
  auto row = connection.query_one(
      "SELECT resource_id, status, table_name, schema_json, schema_corrected, report_json, row_count, loaded_at, "
      "version FROM datastore_tables WHERE resource_id = ?",
      {resource_id});
  if (!row) return std::nullopt;
  DatastoreTable table;
  table.resource_id = row->integer("resource_id");
  table.status = parse_datastore_status(row->text("status")).value_or(DatastoreStatus::invalid);
  table.table_name = row->text("table_name");
  auto schema = nlohmann::json::parse(row->text("schema_json"), nullptr, false);
  if (auto parsed = TableSchema::from_json(schema)) table.schema = *parsed;
  table.schema_corrected = row->boolean("schema_corrected");
  auto report = nlohmann::json::parse(row->text("report_json"), nullptr, false);
  if (report.is_object()) table.report = ValidationReport::from_json(report);
  table.row_count = row->integer("row_count");
  table.loaded_at = row->text("loaded_at");
  table.version = row->integer("version");
  return table;
}

void DatastoreRepository::save(store::Connection& connection, const DatastoreTable& table) {
  connection.execute(
      "INSERT INTO datastore_tables (resource_id, status, table_name, schema_json, schema_corrected, report_json, "
      "row_count, loaded_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) "
      "ON CONFLICT (resource_id) DO UPDATE SET status = excluded.status, table_name = excluded.table_name, "
      "schema_json = excluded.schema_json, schema_corrected = excluded.schema_corrected, "
      "report_json = excluded.report_json, row_count = excluded.row_count, loaded_at = excluded.loaded_at, "
      "version = datastore_tables.version + 1",
      {table.resource_id, datastore_status_name(table.status), table.table_name, table.schema.to_json().dump(),
       table.schema_corrected, table.report.to_json().dump(), table.row_count, table.loaded_at});
}

std::string DatastoreRepository::table_name(int64_t resource_id) {
  return "datastore_r" + std::to_string(resource_id);
}

void DatastoreRepository::create_table(store::Connection& connection, const std::string& name,
                                       const TableSchema& schema) {
  Dialect dialect = connection.dialect();
  std::string sql = "CREATE TABLE " + name + " (_id " +
                    (dialect == Dialect::postgresql ? "BIGINT" : "INTEGER") + " PRIMARY KEY";
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    sql += ", " + column(i) + " " + column_type(dialect, schema.fields[i].type);
  }
  connection.execute(sql + ")");
}

void DatastoreRepository::drop_table(store::Connection& connection, const std::string& name) {
  connection.execute("DROP TABLE IF EXISTS " + name);
}

void DatastoreRepository::index_column(store::Connection& connection, const std::string& name, size_t index) {
  // SQLite's NULLs are smallest; PostgreSQL's index says so too, so either reads it forwards or backwards.
  bool pg = connection.dialect() == Dialect::postgresql;
  connection.execute("CREATE INDEX " + name + "_" + column(index) + " ON " + name + " (" + column(index) +
                     (pg ? " NULLS FIRST" : "") + ")");
}

void DatastoreRepository::analyze(store::Connection& connection, const std::string& name) {
  if (connection.dialect() == Dialect::postgresql) connection.execute("ANALYZE " + name);
}

DatastoreRows DatastoreRepository::select(store::Connection& connection, const DatastoreTable& table,
                                          const DatastoreSelection& selection) {
  store::Params params;
  std::string where;
  auto add_condition = [&](const std::string& condition) { where += (where.empty() ? " WHERE " : " AND ") + condition; };
  for (const auto& [index, values] : selection.filters) {
    if (values.empty()) {
      add_condition("1 = 0");
      continue;
    }
    add_condition(column(index) + " IN (" + store::placeholder_list(values.size()) + ")");
    params.insert(params.end(), values.begin(), values.end());
  }
  if (!selection.text.empty()) {
    std::string any;
    std::string pattern = like_pattern(selection.text);
    for (size_t i = 0; i < table.schema.fields.size(); ++i) {
      any += (any.empty() ? "" : " OR ") + std::string("LOWER(CAST(") + column(i) + " AS TEXT)) LIKE LOWER(?) ESCAPE '\\'";
      params.push_back(pattern);
    }
    if (!any.empty()) add_condition("(" + any + ")");
  }
  DatastoreRows rows;
  // A table's rows are numbered 1..N without gaps: paging the whole table in
  // the file's order is a seek on _id, and its size is the count recorded at load.
  bool whole = selection.filters.empty() && selection.text.empty() && selection.sort.empty();
  if (whole) {
    if (selection.count) rows.total = table.row_count;
    where = " WHERE _id > ?";
    params.push_back(selection.offset);
  }
  if (selection.count && !whole) {
    auto counted = connection.query_one("SELECT COUNT(*) AS n FROM " + table.table_name + where, params);
    rows.total = counted ? counted->integer("n") : 0;
  }
  std::string columns = "_id";
  for (size_t index : selection.columns) columns += ", " + column(index);
  std::string order;
  for (const auto& [index, descending] : selection.sort) {
    order += (order.empty() ? " ORDER BY " : ", ") + column(index) + (descending ? " DESC NULLS LAST" : " ASC NULLS FIRST");
  }
  order += (order.empty() ? " ORDER BY " : ", ") + std::string("_id");
  params.push_back(selection.limit);
  if (!whole) params.push_back(selection.offset);
  for (const auto& row : connection.query("SELECT " + columns + " FROM " + table.table_name + where + order +
                                              (whole ? " LIMIT ?" : " LIMIT ? OFFSET ?"),
                                          params)) {
    rows.ids.push_back(row[0].as_integer());
    std::vector<store::Value> values;
    values.reserve(selection.columns.size());
    for (size_t i = 0; i < selection.columns.size(); ++i) values.push_back(row[i + 1]);
    rows.values.push_back(std::move(values));
  }
  return rows;
}

RowInserter::RowInserter(store::Connection& connection, const std::string& table, size_t columns)
    : connection_(connection), table_(table), columns_(columns) {
  // Both databases take tens of thousands of parameters per statement (SQLite 32,766; PostgreSQL 65,535).
  batch_rows_ = std::clamp<size_t>(30000 / (columns_ + 1), 1, 500);
  batch_sql_ = statement(batch_rows_);
  buffer_.reserve(batch_rows_ * (columns_ + 1));
}

std::string RowInserter::statement(size_t rows) const {
  std::string row = "(" + store::placeholder_list(columns_ + 1) + ")";
  std::string sql = "INSERT INTO " + table_ + " VALUES ";
  sql.reserve(sql.size() + rows * (row.size() + 1));
  for (size_t i = 0; i < rows; ++i) sql += (i ? "," : "") + row;
  return sql;
}

void RowInserter::add(int64_t id, std::vector<store::Value>& values) {
  buffer_.emplace_back(id);
  for (auto& value : values) buffer_.push_back(std::move(value));
  if (buffer_.size() == batch_rows_ * (columns_ + 1)) {
    connection_.execute(batch_sql_, buffer_);
    buffer_.clear();
  }
}

void RowInserter::flush() {
  if (buffer_.empty()) return;
  size_t rows = buffer_.size() / (columns_ + 1);
  connection_.execute(statement(rows), buffer_);
  buffer_.clear();
}

}  // namespace apertura::catalog
