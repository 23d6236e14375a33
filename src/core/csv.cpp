#include "core/csv.h"

namespace apertura {

CsvReadResult read_csv(std::string_view text) {
  CsvReadResult result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int line = 1;
  CsvRecord record{1, {}};
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field began with a quote
  int quote_line = 0;
  auto end_record = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
    bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) result.records.push_back(std::move(record));
    record = CsvRecord{line, {}};
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
      quote_line = line;
    } else if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_record();
    } else {
      field += c;
    }
  }
  if (quoted) {
    result.error = "la línea " + std::to_string(quote_line) + " abre comillas que no se cierran";
    return result;
  }
  if (!field.empty() || !record.fields.empty()) end_record();
  return result;
}

}  // namespace apertura
