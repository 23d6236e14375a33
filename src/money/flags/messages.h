#pragma once
// Red flags' sentences for people about their settings, in one table
// (messages.cpp). What each indicator means and why it matters is in the
// catalog (red_flag_catalog.cpp), which is itself a table of text.
#include <string>
#include <string_view>

#include "core/messages.h"

namespace apertura::money {

enum class FlagMsg {
  settings_line,
  section_unclosed,
  unknown_section,
  key_value_expected,
  natural_number,
  number,
  unknown_key,
  unknown_key_in_section,
  percentile_range,
};

// The Spanish sentence, with {} where values go.
std::string_view text(FlagMsg message);

template <typename... Values>
std::string say(FlagMsg message, const Values&... values) {
  return fill_in(text(message), values...);
}

}  // namespace apertura::money
