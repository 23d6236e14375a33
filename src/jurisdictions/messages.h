#pragma once
// The jurisdictions domain's sentences for people, in one table
// (messages.cpp): registering jurisdictions and institutions, and the labels
// of their levels.
#include <string>
#include <string_view>

#include "core/messages.h"
#include "jurisdictions/jurisdiction.h"

namespace apertura::jurisdictions {

enum class Msg {
  name_field,
  at_most_200,
  invalid_characters,
  jurisdiction_not_found,
  level_field,
  code_digits,
  federation_code,
  code_00_is_federation,
  register_parent_first,
  parent_missing_field,
  name_needs_letters,
  name_needs_letters_field,
  jurisdiction_taken,
  jurisdiction_taken_field,
  at_most_30,
  website_scheme,
  at_most_500,
  institution_taken,
  institution_taken_field,
};

// The Spanish sentence, with {} where values go.
std::string_view text(Msg message);

template <typename... Values>
std::string say(Msg message, const Values&... values) {
  return fill_in(text(message), values...);
}

// "Federación", "Entidad federativa", "Municipio".
std::string level_label_es(Level level);

}  // namespace apertura::jurisdictions
