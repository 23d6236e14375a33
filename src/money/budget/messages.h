#pragma once
// The budget's sentences for people, in one table (messages.cpp): the CSV
// format's problems, imports and links between budget lines and processes.
#include <string>
#include <string_view>

#include "core/messages.h"

namespace apertura::money {

enum class BudgetMsg {
  not_utf8,
  file_empty,
  unknown_column,
  repeated_column,
  missing_column,
  cell_count,
  bad_year,
  key_field,
  unit_field,
  description_too_long,
  bad_amount,
  negative_amount,
  moment_exceeds,
  repeated_key,
  header_only,
  institution_elsewhere,
  pick_jurisdiction,
  no_such_jurisdiction_field,
  file_too_large,
  file_too_large_field,
  line_number,
  whole_file,
  file_has_a_problem,
  file_has_problems,
  nothing_loaded,
  process_not_found,
  process_without_jurisdiction,
  year_field,
  line_key_field,
  no_such_line,
  no_such_line_field,
  already_linked,
};

// The Spanish sentence, with {} where values go.
std::string_view text(BudgetMsg message);

template <typename... Values>
std::string say(BudgetMsg message, const Values&... values) {
  return fill_in(text(message), values...);
}

}  // namespace apertura::money
