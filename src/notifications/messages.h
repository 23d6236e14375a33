#pragma once
// The notifications domain's sentences for people, in one table (messages.cpp).
#include <string>
#include <string_view>

#include "core/messages.h"

namespace apertura::notifications {

enum class Msg {
  outbox_is_portal_wide,
  mailer_cannot_start,
};

// The Spanish sentence, with {} where values go.
std::string_view text(Msg message);

template <typename... Values>
std::string say(Msg message, const Values&... values) {
  return fill_in(text(message), values...);
}

}  // namespace apertura::notifications
