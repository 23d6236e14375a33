#pragma once
// The audit domain's sentences for people, in one table (messages.cpp): what
// the check of the audit log's hash chain found.
#include <string>
#include <string_view>

#include "core/messages.h"

namespace apertura::audit {

enum class Msg {
  entry_deleted,
  chain_broken,
  entry_modified,
  tail_missing,
};

// The Spanish sentence, with {} where values go.
std::string_view text(Msg message);

template <typename... Values>
std::string say(Msg message, const Values&... values) {
  return fill_in(text(message), values...);
}

}  // namespace apertura::audit
