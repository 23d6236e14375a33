#include "core/csv.h"

#include <algorithm>
#include <array>

namespace apertura {

bool CsvParser::end_record(const Visit& visit) {
  record_.fields.push_back(std::move(field_));
  field_.clear();
  was_quoted_ = false;
  bool blank = record_.fields.size() == 1 && record_.fields[0].empty();
  bool go_on = true;
  if (!blank) go_on = visit(record_);
  record_.fields.clear();
  record_.line = line_;
  if (!go_on) stopped_ = true;
  return go_on;
}

bool CsvParser::feed(std::string_view text, const Visit& visit) {
  if (stopped_ || error_) return false;
  if (!started_ && !text.empty()) {
    started_ = true;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  }
  size_t i = 0;
  if (cr_pending_ && !text.empty()) {
    cr_pending_ = false;
    if (text[0] == '\n') i = 1;
  }
  if (quote_pending_ && !text.empty()) {
    quote_pending_ = false;
    if (text[0] == '"') {
      field_ += '"';
      i = 1;
    } else {
      quoted_ = false;
    }
  }
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted_) {
      // Copy the run up to the next quote at once.
      size_t next = text.find('"', i);
      size_t end = next == std::string_view::npos ? text.size() : next;
      std::string_view run = text.substr(i, end - i);
      line_ += std::count(run.begin(), run.end(), '\n');
      field_.append(run);
      if (field_.size() > max_field_bytes_) {
        problem_ = Problem::long_field;
        error_ = "la línea " + std::to_string(quote_line_) + " tiene un campo de más de " +
                 std::to_string(max_field_bytes_) + " bytes";
        return false;
      }
      i = end;
      if (next == std::string_view::npos) break;
      if (i + 1 == text.size()) {
        quote_pending_ = true;
        break;
      }
      if (text[i + 1] == '"') {
        field_ += '"';
        ++i;
      } else {
        quoted_ = false;
      }
      continue;
    }
    if (c == '"' && field_.empty() && !was_quoted_) {
      quoted_ = was_quoted_ = true;
      quote_line_ = line_;
    } else if (c == delimiter_) {
      record_.fields.push_back(std::move(field_));
      field_.clear();
      was_quoted_ = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r') {
        if (i + 1 < text.size()) {
          if (text[i + 1] == '\n') ++i;
        } else {
          cr_pending_ = true;
        }
      }
      ++line_;
      if (!end_record(visit)) return false;
    } else {
      // Copy the run of plain bytes up to the next delimiter, quote or line end.
      size_t end = i + 1;
      while (end < text.size()) {
        char d = text[end];
        if (d == delimiter_ || d == '\n' || d == '\r' || d == '"') break;
        ++end;
      }
      field_.append(text.substr(i, end - i));
      if (field_.size() > max_field_bytes_) {
        quote_line_ = line_;
        problem_ = Problem::long_field;
        error_ = "la línea " + std::to_string(line_) + " tiene un campo de más de " +
                 std::to_string(max_field_bytes_) + " bytes";
        return false;
      }
      i = end - 1;
    }
  }
  return true;
}

bool CsvParser::finish(const Visit& visit) {
  if (stopped_ || error_) return false;
  if (quote_pending_) {
    quote_pending_ = false;
    quoted_ = false;
  }
  if (quoted_) {
    problem_ = Problem::open_quote;
    error_ = "la línea " + std::to_string(quote_line_) + " abre comillas que no se cierran";
    return false;
  }
  if (!field_.empty() || !record_.fields.empty() || was_quoted_) return end_record(visit);
  return true;
}

CsvReadResult read_csv(std::string_view text, char delimiter) {
  CsvReadResult result;
  CsvParser parser(delimiter);
  auto keep = [&](const CsvRecord& record) {
    result.records.push_back(record);
    return true;
  };
  parser.feed(text, keep);
  parser.finish(keep);
  result.error = parser.error();
  return result;
}

char sniff_csv_delimiter(std::string_view sample) {
  constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
  char best = ',';
  size_t best_fields = 1;
  for (char delimiter : candidates) {
    std::vector<size_t> counts;
    CsvParser parser(delimiter);
    parser.feed(sample, [&](const CsvRecord& record) {
      counts.push_back(record.fields.size());
      return counts.size() < 20;
    });
    // Only whole lines reach `visit` while feeding; a sample of one line without its end is read whole.
    if (counts.empty()) {
      parser.finish([&](const CsvRecord& record) {
        counts.push_back(record.fields.size());
        return true;
      });
    }
    if (counts.empty() || counts[0] < 2) continue;
    bool same = std::all_of(counts.begin(), counts.end(), [&](size_t n) { return n == counts[0]; });
    if (same && counts[0] > best_fields) {
      best = delimiter;
      best_fields = counts[0];
    }
  }
  return best;
}

}  // namespace apertura
