#pragma once
// Reads CSV as RFC 4180 writes it (and as spreadsheets export it): fields
// separated by a delimiter (a comma unless told), optionally quoted with
// doubled quotes inside, records ending in LF, CRLF or CR, a UTF-8
// byte-order mark ignored, lines with nothing on them skipped. Each record
// keeps the line on which it starts, so errors can name it.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace apertura {

struct CsvRecord {
  int64_t line = 0;  // 1-based line of the file where the record starts
  std::vector<std::string> fields;
};

// Streams CSV: feed it the text in chunks cut anywhere, and it hands each
// complete record to `visit`, which returns false to stop.
class CsvParser {
 public:
  using Visit = std::function<bool(const CsvRecord&)>;
  explicit CsvParser(char delimiter = ',') : delimiter_(delimiter) {}
  // False once `visit` has stopped it.
  bool feed(std::string_view chunk, const Visit& visit);
  // The end of the text: hands over the last record unless a quote is left
  // open, which error() then names. False when stopped or on that error.
  bool finish(const Visit& visit);
  const std::optional<std::string>& error() const { return error_; }
  // What stopped it, and the line where the field at fault starts.
  enum class Problem { none, open_quote, long_field };
  Problem problem() const { return problem_; }
  int64_t problem_line() const { return quote_line_; }
  // A field longer than this stops the parser (a quote left open in a large
  // file would otherwise hold the rest of it in memory).
  void limit_field_bytes(size_t bytes) { max_field_bytes_ = bytes; }
  // Lines read so far (the line the next record starts on, less one).
  int64_t lines() const { return line_ - 1; }

 private:
  bool end_record(const Visit& visit);

  char delimiter_;
  int64_t line_ = 1;
  CsvRecord record_{1, {}};
  std::string field_;
  bool started_ = false;     // the byte-order mark has been looked for
  bool quoted_ = false;      // inside a quoted field
  bool was_quoted_ = false;  // the current field began with a quote
  bool quote_pending_ = false;  // a quote inside a quoted field, the chunk ended before the next byte
  bool cr_pending_ = false;  // a record ended with CR; a LF right after belongs to it
  int64_t quote_line_ = 0;
  bool stopped_ = false;
  size_t max_field_bytes_ = SIZE_MAX;
  Problem problem_ = Problem::none;
  std::optional<std::string> error_;
};

struct CsvReadResult {
  std::vector<CsvRecord> records;
  std::optional<std::string> error;  // a quote left open, with its line
};

// The whole of `text` at once.
CsvReadResult read_csv(std::string_view text, char delimiter = ',');

// The delimiter a CSV sample most likely uses: the one of , ; tab | that
// splits its first lines into the same number of fields (more than one),
// preferring the most fields; a comma when none does.
char sniff_csv_delimiter(std::string_view sample);

}  // namespace apertura
