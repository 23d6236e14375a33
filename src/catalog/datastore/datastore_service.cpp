#include "catalog/datastore/datastore_service.h"

#include "audit/audit_log.h"
#include "catalog/messages.h"
#include "core/clock.h"
#include "core/text.h"

namespace apertura::catalog {

namespace {

// Columns whose cells average more than this are descriptions, not keys: not indexed.
constexpr int64_t kMaxIndexedCellBytes = 64;

Error invalid_query(const std::string& field, const std::string& message) {
  return Error::invalid(say(Msg::datastore_search_invalid), {{field, message}});
}

}  // namespace

bool DatastoreService::loads(const Resource& resource) {
  return resource.is_file() && to_lower_ascii(resource.format) == "csv";
}

DatastoreTable DatastoreService::load(int64_t resource_id, const ByteSource& source,
                                      const std::optional<TableSchema>& given,
                                      const std::function<void(store::Connection&, const DatastoreTable&)>& also) {
  auto connection = database_.connect();
  DatastoreTable table;
  table.resource_id = resource_id;
  table.schema_corrected = given.has_value();
  std::string name = DatastoreRepository::table_name(resource_id);
  {
    store::Transaction transaction(*connection);
    DatastoreRepository::drop_table(*connection, name);
    std::optional<RowInserter> inserter;
    std::vector<int64_t> text_bytes;  // per column, to leave long texts unindexed
    TableReader reader;
    table.report = reader.read(
        source, given,
        [&](const TableSchema& schema) {
          DatastoreRepository::create_table(*connection, name, schema);
          inserter.emplace(*connection, name, schema.fields.size());
          text_bytes.assign(schema.fields.size(), 0);
        },
        [&](int64_t position, std::vector<store::Value>& values) {
          for (size_t i = 0; i < values.size(); ++i) {
            if (auto* text = std::get_if<std::string>(&values[i].storage())) text_bytes[i] += static_cast<int64_t>(text->size());
          }
          inserter->add(position, values);
        });
    table.schema = reader.schema();
    table.loaded_at = now_timestamp();
    if (table.report.valid() && inserter) {
      inserter->flush();
      // Indexes after the rows (faster than keeping them while inserting) on
      // every column people filter or sort by: all but long free text.
      for (size_t i = 0; i < text_bytes.size(); ++i) {
        if (table.report.rows == 0 || text_bytes[i] / table.report.rows <= kMaxIndexedCellBytes) {
          DatastoreRepository::index_column(*connection, name, i);
        }
      }
      DatastoreRepository::analyze(*connection, name);
      table.status = DatastoreStatus::loaded;
      table.table_name = name;
      table.row_count = table.report.rows;
      DatastoreRepository::save(*connection, table);
      if (also) also(*connection, table);
      transaction.commit();
      return DatastoreRepository::find(*connection, resource_id).value_or(table);
    }
  }
  // Not loaded: the rows written so far went with the rollback; keep the report alone.
  store::Transaction transaction(*connection);
  DatastoreRepository::drop_table(*connection, name);
  table.status = DatastoreStatus::invalid;
  DatastoreRepository::save(*connection, table);
  if (also) also(*connection, table);
  transaction.commit();
  return DatastoreRepository::find(*connection, resource_id).value_or(table);
}

Result<DatastoreTable> DatastoreService::load_from(const Actor& actor, int64_t resource_id, const ByteSource& source) {
  auto resource = datasets_.resource(actor, resource_id);
  if (!resource) return resource.error();
  auto dataset = datasets_.find(actor, std::to_string(resource->dataset_id));
  if (!dataset) return dataset.error();
  if (!datasets_.may_edit(actor, *dataset)) return Error::forbidden(say(Msg::own_institution_only));
  if (to_lower_ascii(resource->format) != "csv") return Error::invalid(say(Msg::datastore_not_csv));
  return load(resource_id, source);
}

void DatastoreService::load_added(const Resource& resource, const std::string& data) {
  if (!loads(resource)) return;
  load(resource.id, bytes_of(data));
}

void DatastoreService::forget(store::Connection& connection, int64_t resource_id) {
  DatastoreRepository::drop_table(connection, DatastoreRepository::table_name(resource_id));
  connection.execute("DELETE FROM datastore_tables WHERE resource_id = ?", {resource_id});
}

Result<DatastoreTable> DatastoreService::table(const Actor& actor, int64_t resource_id) {
  auto resource = datasets_.resource(actor, resource_id);
  if (!resource) return resource.error();
  auto connection = database_.connect();
  auto table = DatastoreRepository::find(*connection, resource_id);
  if (!table) return Error::not_found(say(Msg::datastore_none, resource_id));
  return *table;
}

Result<DatastoreTable> DatastoreService::correct_schema(
    const Actor& actor, const std::string& slug, int64_t resource_id,
    const std::vector<std::pair<std::string, std::string>>& types, int64_t version) {
  auto dataset = datasets_.for_editing(actor, slug);
  if (!dataset) return dataset.error();
  auto resource = datasets_.resource(actor, resource_id);
  if (!resource || resource->dataset_id != dataset->id) return Error::not_found(say(Msg::resource_not_found, resource_id));
  if (!loads(*resource)) return Error::invalid(say(Msg::datastore_not_csv));
  std::optional<DatastoreTable> current;
  {
    auto connection = database_.connect();
    current = DatastoreRepository::find(*connection, resource_id);
  }
  if (!current) return Error::not_found(say(Msg::datastore_none, resource_id));
  if (current->version != version) return Error::conflict(say(Msg::changed_meanwhile));
  TableSchema schema = current->schema;
  Validation validation;
  if (types.size() != schema.fields.size()) {
    validation.fail("types", say(Msg::datastore_type_count, schema.fields.size()));
  } else {
    for (size_t i = 0; i < types.size(); ++i) {
      auto type = parse_field_type(types[i].first);
      const std::string& format = types[i].second;
      bool format_ok = format.empty() || format == "default" || (type == FieldType::date && format == kDayMonthYear);
      if (!type || !format_ok) {
        validation.fail("type_" + std::to_string(i + 1), say(Msg::datastore_type_field, schema.fields[i].name));
        continue;
      }
      schema.fields[i].type = *type;
      schema.fields[i].format = format == "default" ? "" : format;
    }
  }
  if (!validation.ok()) return validation.error();
  auto file = datasets_.resource_file(actor, resource_id);
  if (!file) return file.error();
  nlohmann::json before = current->schema.to_json();
  int64_t jurisdiction_id = dataset->jurisdiction_id;
  return load(resource_id, bytes_of(file->data), schema, [&](store::Connection& connection, const DatastoreTable& t) {
    audit::AuditLog::append_public(connection, actor, "update", "datastore_schema", resource_id, jurisdiction_id,
                                   before, t.schema.to_json());
  });
}

Result<DatastoreResult> DatastoreService::search(const Actor& actor, const DatastoreQuery& query) {
  auto found = table(actor, query.resource_id);
  if (!found) return found.error();
  if (!found->loaded()) return Error::not_found(say(Msg::datastore_none, query.resource_id));
  const TableSchema& schema = found->schema;
  DatastoreResult result;
  result.table = *found;
  DatastoreSelection selection;
  auto field_index = [&](const std::string& name) { return schema.index_of(name); };

  if (query.fields.empty()) {
    for (size_t i = 0; i < schema.fields.size(); ++i) selection.columns.push_back(i);
  }
  for (const auto& name : query.fields) {
    if (name == "_id") continue;
    auto index = field_index(name);
    if (!index) return invalid_query("fields", say(Msg::datastore_field_unknown, name));
    selection.columns.push_back(*index);
  }
  for (size_t index : selection.columns) result.fields.push_back(schema.fields[index]);

  for (const auto& [name, values] : query.filters) {
    auto index = field_index(name);
    if (!index) return invalid_query("filters", say(Msg::datastore_field_unknown, name));
    const SchemaField& field = schema.fields[*index];
    std::vector<store::Value> wanted;
    for (const auto& text : values) {
      auto value = read_cell(field, {}, text);
      if (!value) {
        return invalid_query("filters", say(Msg::datastore_filter_value, text, name, field_type_name(field.type)));
      }
      wanted.push_back(std::move(*value));
    }
    selection.filters.emplace_back(*index, std::move(wanted));
  }

  for (const auto& part : split(query.sort, ',')) {
    auto words = split(std::string(trim(part)), ' ');
    std::vector<std::string> kept;
    for (const auto& w : words) {
      if (!trim(w).empty()) kept.emplace_back(trim(w));
    }
    if (kept.empty()) continue;
    std::string direction = kept.size() > 1 ? to_lower_ascii(kept[1]) : "asc";
    auto index = field_index(kept[0]);
    if (kept[0] == "_id" && direction == "asc" && kept.size() <= 2) continue;  // the file's order, always last
    if (!index || kept.size() > 2 || (direction != "asc" && direction != "desc")) {
      return invalid_query("sort", say(Msg::datastore_sort));
    }
    selection.sort.emplace_back(*index, direction == "desc");
  }

  if (query.limit < 0 || query.limit > kMaxDatastoreRows) {
    return invalid_query("limit", say(Msg::datastore_limit, kMaxDatastoreRows));
  }
  if (query.offset < 0) return invalid_query("offset", say(Msg::datastore_offset));
  selection.text = std::string(trim(query.text));
  selection.limit = query.limit;
  selection.offset = query.offset;
  selection.count = query.include_total;
  result.limit = query.limit;
  result.offset = query.offset;
  auto connection = database_.connect();
  result.rows = DatastoreRepository::select(*connection, *found, selection);
  return result;
}

}  // namespace apertura::catalog
