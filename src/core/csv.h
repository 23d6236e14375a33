#pragma once
// Reads CSV as RFC 4180 writes it (and as spreadsheets export it): fields
// separated by commas, optionally quoted with doubled quotes inside, records
// ending in LF or CRLF, a UTF-8 byte-order mark ignored. Each record keeps the
// line on which it starts, so errors can name it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace apertura {

struct CsvRecord {
  int line = 0;  // 1-based line of the file where the record starts
  std::vector<std::string> fields;
};

struct CsvReadResult {
  std::vector<CsvRecord> records;
  std::optional<std::string> error;  // a quote left open, with its line
};

CsvReadResult read_csv(std::string_view text);

}  // namespace apertura
