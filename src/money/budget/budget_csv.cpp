#include "money/budget/budget_csv.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <map>
#include <set>

#include "core/csv.h"
#include "core/text.h"
#include "money/budget/messages.h"

namespace apertura::money {

namespace {

const std::vector<std::string>& required_columns() {
  static const std::vector<std::string> columns = {"ejercicio", "clave", "unidad_responsable", "aprobado",
                                                   "modificado", "comprometido", "devengado", "ejercido", "pagado"};
  return columns;
}
const std::set<std::string>& optional_columns() {
  static const std::set<std::string> columns = {"descripcion", "programa", "partida", "fuente"};
  return columns;
}

// "$1,234.50" -> 1234.5; nullopt when it is not a plain amount.
std::optional<double> parse_amount(std::string text) {
  text = trim(text);
  if (!text.empty() && text[0] == '$') text = trim(text.substr(1));
  std::string digits;
  for (char c : text) {
    if (c != ',') digits += c;
  }
  double value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string pesos(double amount) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", amount);
  return text;
}

}  // namespace

BudgetFile parse_budget_csv(std::string_view text) {
  BudgetFile file;
  if (!is_valid_utf8(text)) {
    file.problems.push_back({0, say(BudgetMsg::not_utf8)});
    return file;
  }
  CsvReadResult csv = read_csv(text);
  if (csv.error) {
    file.problems.push_back({0, *csv.error});
    return file;
  }
  if (csv.records.empty()) {
    file.problems.push_back({0, say(BudgetMsg::file_empty)});
    return file;
  }
  std::map<std::string, size_t> column;
  const CsvRecord& header = csv.records.front();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = to_lower_ascii(trim(header.fields[i]));
    bool known = optional_columns().count(name) > 0 ||
                 std::find(required_columns().begin(), required_columns().end(), name) != required_columns().end();
    if (!known) {
      file.problems.push_back({header.line, say(BudgetMsg::unknown_column, name)});
    } else if (column.count(name)) {
      file.problems.push_back({header.line, say(BudgetMsg::repeated_column, name)});
    } else {
      column[name] = i;
    }
  }
  for (const std::string& name : required_columns()) {
    if (!column.count(name)) file.problems.push_back({header.line, say(BudgetMsg::missing_column, name)});
  }
  if (!file.problems.empty()) return file;

  std::map<std::pair<int, std::string>, int> seen;  // (year, key) -> line
  for (size_t r = 1; r < csv.records.size(); ++r) {
    const CsvRecord& record = csv.records[r];
    auto cell = [&](const std::string& name) -> std::string {
      auto it = column.find(name);
      return it == column.end() || it->second >= record.fields.size() ? "" : trim(record.fields[it->second]);
    };
    auto problem = [&](const std::string& message) { file.problems.push_back({record.line, message}); };
    size_t before = file.problems.size();
    if (record.fields.size() != header.fields.size()) {
      problem(say(BudgetMsg::cell_count, record.fields.size(), header.fields.size()));
      continue;
    }
    BudgetLine line;
    std::string year = cell("ejercicio");
    auto parsed_year = parse_year(year);
    if (!parsed_year || *parsed_year < 1990 || *parsed_year > 2100) {
      problem(say(BudgetMsg::bad_year, year));
    }
    line.year = parsed_year.value_or(0);
    line.key = cell("clave");
    if (line.key.empty() || utf8_length(line.key) > 200) problem(say(BudgetMsg::key_field));
    line.institution = cell("unidad_responsable");
    if (line.institution.empty() || utf8_length(line.institution) > 300) {
      problem(say(BudgetMsg::unit_field));
    }
    line.description = cell("descripcion");
    line.program = cell("programa");
    line.spending_object = cell("partida");
    line.funding_source = cell("fuente");
    if (utf8_length(line.description) > 2000) problem(say(BudgetMsg::description_too_long));
    for (const auto& moment : moment_columns()) {
      std::string raw = cell(moment.column);
      auto amount = parse_amount(raw);
      if (!amount) {
        problem(say(BudgetMsg::bad_amount, raw, moment.column));
      } else if (*amount < 0) {
        problem(say(BudgetMsg::negative_amount, moment.column));
      } else {
        line.moments.*moment.field = *amount;
      }
    }
    if (file.problems.size() == before) {
      // Each moment follows from the one before it: nothing is paid that was not exercised, and so on.
      const auto& columns = moment_columns();
      for (size_t m = 2; m < columns.size(); ++m) {
        double current = line.moments.*columns[m].field;
        double previous = line.moments.*columns[m - 1].field;
        if (current > previous + 0.005) {
          problem(say(BudgetMsg::moment_exceeds, columns[m].column, pesos(current), columns[m - 1].column,
                      pesos(previous)));
        }
      }
    }
    auto key = std::make_pair(line.year, line.key);
    if (auto it = seen.find(key); it != seen.end() && !line.key.empty()) {
      problem(say(BudgetMsg::repeated_key, line.key, year, it->second));
    } else {
      seen[key] = record.line;
    }
    if (file.problems.size() == before) {
      file.lines.push_back(std::move(line));
      file.line_numbers.push_back(record.line);
    }
  }
  if (csv.records.size() == 1) file.problems.push_back({0, say(BudgetMsg::header_only)});
  return file;
}

}  // namespace apertura::money
