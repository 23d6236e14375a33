#include "accounts/inbox_service.h"

#include "accounts/messages.h"
#include "core/clock.h"

namespace apertura::accounts {

Result<std::string> InboxService::address_of(const Actor& actor) {
  if (!actor.signed_in()) return Error::unauthenticated(say(Msg::sign_in_for_inbox));
  auto user = accounts_.find(*actor.user_id);
  if (!user) return user.error();
  return user->email;
}

Result<Paged<notifications::Message>> InboxService::messages(const Actor& actor, const Slice& slice, bool unread_only) {
  auto address = address_of(actor);
  if (!address) return address.error();
  auto connection = database_.connect();
  return notifications::Outbox::inbox(*connection, *address, slice, unread_only);
}

Result<int64_t> InboxService::unread(const Actor& actor) {
  auto address = address_of(actor);
  if (!address) return address.error();
  auto connection = database_.connect();
  return notifications::Outbox::unread(*connection, *address);
}

Result<int64_t> InboxService::mark_read(const Actor& actor, std::optional<int64_t> id) {
  auto address = address_of(actor);
  if (!address) return address.error();
  auto connection = database_.connect();
  int64_t changed = notifications::Outbox::mark_read(*connection, *address, id, now_timestamp());
  if (id && changed == 0) return Error::not_found(say(Msg::inbox_message_not_found, *id));
  return changed;
}

}  // namespace apertura::accounts
