#pragma once
// The in-site inbox: an account reads there every notice sent to its
// address (a request's steps, an answer to a proposal, a unit's daily
// warning), the same messages the outbox delivers by e-mail. Rules:
// - only the account itself reads and marks its inbox; signed out, nothing;
// - messages meant for e-mail only (a password-reset link) never show;
// - marking read changes nothing else, and a message of another address is
//   not found.
#include <optional>

#include "accounts/account_service.h"
#include "core/actor.h"
#include "core/paging.h"
#include "core/result.h"
#include "notifications/outbox.h"
#include "store/database.h"

namespace apertura::accounts {

class InboxService {
 public:
  InboxService(store::Database& database, AccountService& accounts) : database_(database), accounts_(accounts) {}

  // The actor's messages, newest first (only unread ones when asked).
  Result<Paged<notifications::Message>> messages(const Actor& actor, const Slice& slice, bool unread_only = false);
  Result<int64_t> unread(const Actor& actor);
  // Marks one message read, or all of them without `id`; returns how many changed.
  Result<int64_t> mark_read(const Actor& actor, std::optional<int64_t> id);

 private:
  Result<std::string> address_of(const Actor& actor);

  store::Database& database_;
  AccountService& accounts_;
};

}  // namespace apertura::accounts
