#include "catalog/datastore/table_reader.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "core/csv.h"
#include "core/text.h"
#include "core/text_encoding.h"

namespace apertura::catalog {

namespace {

constexpr size_t kChunkBytes = 1024 * 1024;
constexpr size_t kShownCellBytes = 100;

std::string shown(std::string_view cell) {
  if (cell.size() <= kShownCellBytes) return std::string(cell);
  size_t cut = utf8_valid_prefix(cell.substr(0, kShownCellBytes));
  return std::string(cell.substr(0, cut)) + "…";
}

}  // namespace

ByteSource bytes_of(std::string_view data) {
  return [data, at = size_t{0}](char* buffer, size_t size) mutable {
    size_t n = std::min(size, data.size() - at);
    std::memcpy(buffer, data.data() + at, n);
    at += n;
    return n;
  };
}

ValidationReport TableReader::read(const ByteSource& source, const std::optional<TableSchema>& given,
                                   const Begin& begin, const Row& row) {
  ValidationReport report;
  schema_ = TableSchema{};
  std::vector<char> buffer(kChunkBytes);
  size_t got = source(buffer.data(), buffer.size());
  std::string_view first(buffer.data(), got);
  report.encoding = detect_encoding(first, got == buffer.size());
  Utf8Decoder decoder(report.encoding);
  std::string text;
  bool more = got > 0;
  bool decoded = decoder.decode(first, text, !more);

  report.delimiter = sniff_csv_delimiter(text);
  CsvParser parser(report.delimiter);
  parser.limit_field_bytes(limits_.max_cell_bytes);

  std::vector<std::string> headers;
  std::vector<CsvRecord> sample;
  bool header_read = false;
  bool began = false;
  bool stop = false;  // too many errors, or the header makes rows meaningless
  int64_t position = 0;
  std::vector<store::Value> values;

  auto check = [&](const CsvRecord& record) {
    ++position;
    ++report.rows;
    size_t count = record.fields.size();
    if (count > headers.size()) {
      report.add({DataErrorKind::extra_cell, record.line, static_cast<int64_t>(headers.size() + 1), "",
                  shown(record.fields[headers.size()]), std::to_string(count)});
    } else if (count < headers.size()) {
      report.add({DataErrorKind::missing_cell, record.line, static_cast<int64_t>(count + 1), headers[count], "",
                  std::to_string(count)});
    }
    values.clear();
    bool clean = report.valid();
    for (size_t i = 0; i < headers.size(); ++i) {
      const SchemaField& field = schema_.fields[i];
      if (i >= count) {
        values.emplace_back();
        continue;
      }
      auto value = read_cell(field, schema_.missing_values, record.fields[i]);
      if (!value) {
        report.add({DataErrorKind::type_error, record.line, static_cast<int64_t>(i + 1), field.name,
                    shown(record.fields[i]), field_type_name(field.type)});
        clean = false;
        continue;
      }
      values.push_back(std::move(*value));
    }
    if (clean && report.valid()) row(position, values);
    if (report.error_count >= ValidationReport::kMaxCountedErrors) {
      report.stopped = true;
      stop = true;
    }
  };
  auto start_rows = [&] {
    if (given) {
      schema_ = *given;
      if (schema_.fields.size() != headers.size()) {
        report.add({DataErrorKind::source_error, 0, 0, "", "",
                    "schema:" + std::to_string(schema_.fields.size()) + ":" + std::to_string(headers.size())});
        stop = true;
        return;
      }
      for (size_t i = 0; i < headers.size(); ++i) schema_.fields[i].name = headers[i];
    } else {
      SchemaInference inference(headers);
      for (const auto& record : sample) inference.add(record.fields);
      schema_ = inference.schema();
    }
    began = true;
    if (report.valid()) begin(schema_);
    for (const auto& record : sample) {
      if (stop) break;
      check(record);
    }
    sample.clear();
  };
  auto visit = [&](const CsvRecord& record) {
    if (!header_read) {
      header_read = true;
      headers = record.fields;
      report.columns = static_cast<int64_t>(headers.size());
      if (headers.size() > limits_.max_columns) {
        report.add({DataErrorKind::too_many_columns, record.line, 0, "", "", std::to_string(headers.size())});
        stop = true;
        return false;
      }
      std::set<std::string> seen;
      for (size_t i = 0; i < headers.size(); ++i) {
        headers[i] = std::string(trim(headers[i]));
        if (headers[i].empty()) {
          report.add({DataErrorKind::blank_header, record.line, static_cast<int64_t>(i + 1), "", "", ""});
          headers[i] = "columna_" + std::to_string(i + 1);
        } else if (!seen.insert(headers[i]).second) {
          report.add({DataErrorKind::duplicate_header, record.line, static_cast<int64_t>(i + 1), headers[i],
                      headers[i], ""});
        }
      }
      return true;
    }
    if (!began) {
      sample.push_back(record);
      if (sample.size() >= limits_.sample_rows) start_rows();
    } else {
      check(record);
    }
    return !stop;
  };

  // The rows before a byte that is not text still count; the report names the byte and stops there.
  bool going = parser.feed(text, visit);
  while (going && decoded && more) {
    got = source(buffer.data(), buffer.size());
    more = got > 0;
    text.clear();
    decoded = decoder.decode(std::string_view(buffer.data(), got), text, !more);
    going = parser.feed(text, visit);
  }
  if (!decoded) {
    if (!stop) {
      report.add({DataErrorKind::encoding_error, parser.lines() + 1, 0, "", "", std::to_string(decoder.error_offset())});
      report.stopped = true;
      stop = true;
    }
  } else if (going) {
    parser.finish(visit);
  }
  if (parser.problem() != CsvParser::Problem::none && !stop) {
    report.add({DataErrorKind::source_error, parser.problem_line(), 0, "", "",
                parser.problem() == CsvParser::Problem::open_quote ? "open-quote" : "long-cell"});
  }
  if (!header_read && report.valid()) {
    report.add({DataErrorKind::source_error, 0, 0, "", "", "empty"});
  } else if (header_read && !began && !stop) {
    start_rows();
  }
  return report;
}

}  // namespace apertura::catalog
