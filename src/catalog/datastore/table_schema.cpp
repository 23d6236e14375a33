#include "catalog/datastore/table_schema.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/date.h"
#include "core/number_text.h"

namespace apertura::catalog {

namespace {

using nlohmann::json;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<double> read_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // from_chars also reads "inf" and "nan", which are not numbers a table holds.
  char first = text[0] == '-' ? (text.size() > 1 ? text[1] : ' ') : text[0];
  if (!is_digit(first) && first != '.') return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// "007" and "01.5": codes with leading zeros (INEGI's "001") are text, not numbers.
bool leading_zero(std::string_view text) {
  if (!text.empty() && text[0] == '-') text.remove_prefix(1);
  return text.size() > 1 && text[0] == '0' && is_digit(text[1]);
}

std::optional<int64_t> read_boolean(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE" || text == "1") return 1;
  if (text == "false" || text == "False" || text == "FALSE" || text == "0") return 0;
  return std::nullopt;
}

// "31/12/2024" or "1/2/2025" -> "2024-12-31", "2025-02-01".
std::optional<std::string> read_day_month_year(std::string_view text) {
  size_t first = text.find('/');
  size_t second = first == std::string_view::npos ? first : text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  std::string_view day = text.substr(0, first), month = text.substr(first + 1, second - first - 1),
                   year = text.substr(second + 1);
  auto digits = [](std::string_view part, size_t low, size_t high) {
    return part.size() >= low && part.size() <= high && std::all_of(part.begin(), part.end(), is_digit);
  };
  if (!digits(day, 1, 2) || !digits(month, 1, 2) || !digits(year, 4, 4)) return std::nullopt;
  std::string iso = std::string(year) + "-" + (month.size() == 1 ? "0" : "") + std::string(month) + "-" +
                    (day.size() == 1 ? "0" : "") + std::string(day);
  if (!is_iso_date(iso)) return std::nullopt;
  return iso;
}

// "2025-01-31T13:05:00", with a space for the T, seconds' fractions and a
// zone (Z or ±HH:MM) allowed; kept with the T.
std::optional<std::string> read_datetime(std::string_view text) {
  if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  if (!is_iso_date(text.substr(0, 10))) return std::nullopt;
  auto two = [&](size_t at, int high) {
    if (!is_digit(text[at]) || !is_digit(text[at + 1])) return false;
    return (text[at] - '0') * 10 + (text[at + 1] - '0') <= high;
  };
  if (!two(11, 23) || text[13] != ':' || !two(14, 59) || text[16] != ':' || !two(17, 60)) return std::nullopt;
  size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    size_t digits = at;
    while (at < text.size() && is_digit(text[at])) ++at;
    if (at == digits) return std::nullopt;
  }
  std::string_view zone = text.substr(at);
  bool zone_ok = zone.empty() || zone == "Z" ||
                 (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && is_digit(zone[1]) && is_digit(zone[2]) &&
                  zone[3] == ':' && is_digit(zone[4]) && is_digit(zone[5]));
  if (!zone_ok) return std::nullopt;
  std::string kept(text);
  kept[10] = 'T';
  return kept;
}

std::string number_text(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

}  // namespace

std::string field_type_name(FieldType type) {
  switch (type) {
    case FieldType::string: return "string";
    case FieldType::integer: return "integer";
    case FieldType::number: return "number";
    case FieldType::boolean: return "boolean";
    case FieldType::date: return "date";
    case FieldType::datetime: return "datetime";
  }
  return "string";
}

std::optional<FieldType> parse_field_type(std::string_view name) {
  for (FieldType type : all_field_types()) {
    if (field_type_name(type) == name) return type;
  }
  return std::nullopt;
}

const std::vector<FieldType>& all_field_types() {
  static const std::vector<FieldType> types{FieldType::string, FieldType::integer, FieldType::number,
                                            FieldType::boolean, FieldType::date,    FieldType::datetime};
  return types;
}

std::string ckan_field_type(FieldType type) {
  switch (type) {
    case FieldType::string: return "text";
    case FieldType::integer: return "int";
    case FieldType::number: return "numeric";
    case FieldType::boolean: return "bool";
    case FieldType::date: return "date";
    case FieldType::datetime: return "timestamp";
  }
  return "text";
}

json TableSchema::to_json() const {
  json out_fields = json::array();
  for (const auto& field : fields) {
    json item{{"name", field.name}, {"type", field_type_name(field.type)}};
    if (!field.format.empty()) item["format"] = field.format;
    out_fields.push_back(std::move(item));
  }
  return {{"fields", std::move(out_fields)}, {"missingValues", missing_values}};
}

std::optional<TableSchema> TableSchema::from_json(const json& value) {
  if (!value.is_object() || !value.contains("fields") || !value["fields"].is_array()) return std::nullopt;
  TableSchema schema;
  for (const auto& item : value["fields"]) {
    if (!item.is_object() || !item.contains("name") || !item["name"].is_string()) return std::nullopt;
    SchemaField field;
    field.name = item["name"].get<std::string>();
    std::string type = item.contains("type") && item["type"].is_string() ? item["type"].get<std::string>() : "string";
    auto parsed = parse_field_type(type);
    if (!parsed) return std::nullopt;
    field.type = *parsed;
    if (item.contains("format") && item["format"].is_string()) {
      std::string format = item["format"].get<std::string>();
      if (format != "default" && !(field.type == FieldType::date && format == kDayMonthYear)) return std::nullopt;
      if (format != "default") field.format = format;
    }
    schema.fields.push_back(std::move(field));
  }
  if (value.contains("missingValues")) {
    if (!value["missingValues"].is_array()) return std::nullopt;
    schema.missing_values.clear();
    for (const auto& item : value["missingValues"]) {
      if (!item.is_string()) return std::nullopt;
      schema.missing_values.push_back(item.get<std::string>());
    }
  }
  return schema;
}

std::optional<size_t> TableSchema::index_of(std::string_view name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return i;
  }
  return std::nullopt;
}

std::optional<store::Value> read_cell(const SchemaField& field, const std::vector<std::string>& missing_values,
                                      std::string_view cell) {
  for (const auto& missing : missing_values) {
    if (cell == missing) return store::Value();
  }
  switch (field.type) {
    case FieldType::string: return store::Value(cell);
    case FieldType::integer: {
      if (auto n = whole_number(cell)) return store::Value(*n);
      return std::nullopt;
    }
    case FieldType::number: {
      if (auto n = read_number(cell)) return store::Value(*n);
      return std::nullopt;
    }
    case FieldType::boolean: {
      if (auto b = read_boolean(cell)) return store::Value(*b);
      return std::nullopt;
    }
    case FieldType::date: {
      if (field.format == kDayMonthYear) {
        if (auto iso = read_day_month_year(cell)) return store::Value(*iso);
        return std::nullopt;
      }
      if (is_iso_date(cell)) return store::Value(cell);
      return std::nullopt;
    }
    case FieldType::datetime: {
      if (auto kept = read_datetime(cell)) return store::Value(*kept);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string cell_text(const SchemaField& field, const store::Value& value) {
  if (value.is_null()) return "";
  switch (field.type) {
    case FieldType::boolean: return value.as_integer() != 0 ? "true" : "false";
    case FieldType::number: return number_text(value.as_real());
    case FieldType::integer: return std::to_string(value.as_integer());
    default: return value.as_text();
  }
}

json cell_json(const SchemaField& field, const store::Value& value) {
  if (value.is_null()) return nullptr;
  switch (field.type) {
    case FieldType::boolean: return value.as_integer() != 0;
    case FieldType::number: return value.as_real();
    case FieldType::integer: return value.as_integer();
    default: return value.as_text();
  }
}

SchemaInference::SchemaInference(std::vector<std::string> headers)
    : headers_(std::move(headers)), columns_(headers_.size()) {}

void SchemaInference::add(const std::vector<std::string>& row) {
  size_t count = std::min(row.size(), columns_.size());
  for (size_t i = 0; i < count; ++i) {
    std::string_view cell = row[i];
    if (cell.empty()) continue;
    Candidates& c = columns_[i];
    c.seen = true;
    if (c.integer && (leading_zero(cell) || !whole_number(cell))) c.integer = false;
    if (c.number && (leading_zero(cell) || !read_number(cell))) c.number = false;
    // Only words make a column boolean: a column of 0 and 1 is a number.
    if (c.boolean && (!read_boolean(cell) || cell == "0" || cell == "1")) c.boolean = false;
    if (c.iso_date && !is_iso_date(cell)) c.iso_date = false;
    if (c.dmy_date && !read_day_month_year(cell)) c.dmy_date = false;
    if (c.datetime && !read_datetime(cell)) c.datetime = false;
  }
}

TableSchema SchemaInference::schema() const {
  TableSchema schema;
  for (size_t i = 0; i < headers_.size(); ++i) {
    SchemaField field{headers_[i], FieldType::string, ""};
    const Candidates& c = columns_[i];
    if (c.seen) {
      if (c.integer) field.type = FieldType::integer;
      else if (c.number) field.type = FieldType::number;
      else if (c.boolean) field.type = FieldType::boolean;
      else if (c.iso_date) field.type = FieldType::date;
      else if (c.dmy_date) field.type = FieldType::date, field.format = std::string(kDayMonthYear);
      else if (c.datetime) field.type = FieldType::datetime;
    }
    schema.fields.push_back(std::move(field));
  }
  return schema;
}

}  // namespace apertura::catalog
