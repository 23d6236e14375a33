#pragma once
// Contracting's sentences for people, in one table (messages.cpp).
#include <string>
#include <string_view>

#include "core/messages.h"

namespace apertura::money {

enum class ContractingMsg {
  process_not_found,
  organization_not_found,
  publication_policy,
  publisher_license,
};

// The Spanish sentence, with {} where values go.
std::string_view text(ContractingMsg message);

template <typename... Values>
std::string say(ContractingMsg message, const Values&... values) {
  return fill_in(text(message), values...);
}

}  // namespace apertura::money
