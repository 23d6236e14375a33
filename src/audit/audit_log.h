#pragma once
// The audit log is an append-only, hash-chained record of every change. Each
// entry is written in the same transaction as the change it describes and
// carries the SHA-256 of the entry before it, so editing or deleting any row
// (or cutting off the tail) breaks the chain, and `verify` says where.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/actor.h"
#include "store/connection.h"

namespace apertura::audit {

struct Change {
  std::string action;       // "create", "update", "delete", "sign_in", ...
  std::string entity_kind;  // "jurisdiction", "user", ...
  std::string entity_id;
  std::optional<int64_t> jurisdiction_id;
  bool is_public = true;    // false for personal data (accounts)
  nlohmann::json before;    // null when created
  nlohmann::json after;     // null when deleted
};

struct Entry {
  int64_t seq = 0;
  std::string occurred_at;
  std::optional<int64_t> actor_id;
  std::string actor_label;
  std::string actor_role;
  Change change;
  std::string previous_hash;
  std::string hash;
};

struct Verification {
  bool ok = true;
  int64_t entries = 0;
  std::optional<int64_t> broken_at;  // first seq where the chain fails
  std::string problem;
};

class AuditLog {
 public:
  // Appends inside the caller's open transaction.
  static Entry append(store::Connection& connection, const Actor& actor, const Change& change);
  // A public change to a record identified by number, for the common case.
  static Entry append_public(store::Connection& connection, const Actor& actor, const std::string& action,
                             const std::string& entity_kind, int64_t entity_id,
                             std::optional<int64_t> jurisdiction_id, nlohmann::json before, nlohmann::json after);
  static Verification verify(store::Connection& connection);
  // Newest first.
  static std::vector<Entry> list(store::Connection& connection, bool public_only, int64_t limit,
                                 int64_t offset);
  static int64_t count(store::Connection& connection, bool public_only);
  // What the hash covers, exposed so tests and third parties can recompute it.
  static std::string hash_of(const Entry& entry);
};

// The public view of an entry (no actor name, no personal data).
nlohmann::json public_json(const Entry& entry);

}  // namespace apertura::audit
