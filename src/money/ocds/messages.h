#pragma once
// The OCDS engine's sentences for people, in one table (messages.cpp): why a
// file cannot be read or an element of it is not imported.
#include <string>
#include <string_view>

#include "core/messages.h"

namespace apertura::money {

enum class OcdsMsg {
  cannot_open,
  cannot_read,
  not_utf8,
  looks_utf16,
  byte_not_in_encoding,
  not_json_start,
  not_json_bytes,
  item_too_large,
  ends_where_expected,
  expected_but_found,
  comma_or_brace,
  comma_or_bracket,
  colon,
  ends_inside_value,
  ends_inside_object,
  key_expected,
  key_too_long,
  ends_inside_object_from,
  ends_inside_release_list,
  unclosed_before_list_end,
  unclosed_before_line,
  closes_early,
  found_instead_of_comma,
  ends_without_another,
  reading_goes_on,
  ends_inside_top_array,
  // merging
  object_over_value,
  array_over_value,
  object_over_position,
  value_over_history,
  array_over_other,
  release_not_object,
  numbered_release_not_object,
  release_without_date,
  release_null_date,
  release_date_not_text,
};

// The Spanish sentence, with {} where values go.
std::string_view text(OcdsMsg message);

template <typename... Values>
std::string say(OcdsMsg message, const Values&... values) {
  return fill_in(text(message), values...);
}

}  // namespace apertura::money
