#pragma once
// The accounts domain's sentences for people, in one table (messages.cpp):
// sign-in, registration, password resets and the admin's account changes.
#include <string>
#include <string_view>

#include "core/messages.h"

namespace apertura::accounts {

enum class Msg {
  wrong_credentials,
  wrong_credentials_field,
  password_too_short,
  password_too_long,
  official_needs_institution,
  official_needs_institution_field,
  institution_unknown,
  institution_unknown_field,
  jurisdiction_unknown,
  jurisdiction_unknown_field,
  only_own_jurisdiction,
  email_field,
  name_field,
  at_most_120,
  invalid_characters,
  email_taken,
  email_taken_field,
  passwords_differ,
  same_as_password,
  too_many_failures,
  reset_subject,
  reset_body,
  reset_link_invalid,
  reset_link_invalid_field,
  no_account_with_email,
  account_elsewhere,
  account_not_found,
  sign_in_for_inbox,
  inbox_message_not_found,
  sign_in_for_tokens,
  token_name_field,
  too_many_tokens,
  token_not_found,
  token_invalid,
};

// The Spanish sentence, with {} where values go.
std::string_view text(Msg message);

template <typename... Values>
std::string say(Msg message, const Values&... values) {
  return fill_in(text(message), values...);
}

}  // namespace apertura::accounts
