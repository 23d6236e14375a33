#include "audit/audit_log.h"

#include "audit/messages.h"
#include "core/clock.h"
#include "core/crypto.h"

namespace apertura::audit {

namespace {

std::string json_or_null_text(const nlohmann::json& value) {
  return value.is_null() ? std::string() : value.dump();
}

Entry entry_from_row(const store::Row& row) {
  Entry entry;
  entry.seq = row.integer("seq");
  entry.occurred_at = row.text("occurred_at");
  entry.actor_id = row.optional_integer("actor_id");
  entry.actor_label = row.text("actor_label");
  entry.actor_role = row.text("actor_role");
  entry.change.action = row.text("action");
  entry.change.entity_kind = row.text("entity_kind");
  entry.change.entity_id = row.text("entity_id");
  entry.change.jurisdiction_id = row.optional_integer("jurisdiction_id");
  entry.change.is_public = row.boolean("is_public");
  auto before = row.optional_text("before_json");
  auto after = row.optional_text("after_json");
  entry.change.before = before ? nlohmann::json::parse(*before) : nlohmann::json();
  entry.change.after = after ? nlohmann::json::parse(*after) : nlohmann::json();
  entry.previous_hash = row.text("previous_hash");
  entry.hash = row.text("hash");
  return entry;
}

constexpr const char* kColumns =
    "seq, occurred_at, actor_id, actor_label, actor_role, action, entity_kind, entity_id, "
    "jurisdiction_id, is_public, before_json, after_json, previous_hash, hash";

}  // namespace

std::string AuditLog::hash_of(const Entry& entry) {
  // A JSON array is an unambiguous serialisation: no field can bleed into the next.
  nlohmann::json fields = {
      entry.seq,
      entry.occurred_at,
      entry.actor_id ? nlohmann::json(*entry.actor_id) : nlohmann::json(),
      entry.actor_label,
      entry.actor_role,
      entry.change.action,
      entry.change.entity_kind,
      entry.change.entity_id,
      entry.change.jurisdiction_id ? nlohmann::json(*entry.change.jurisdiction_id) : nlohmann::json(),
      entry.change.is_public,
      json_or_null_text(entry.change.before),
      json_or_null_text(entry.change.after),
      entry.previous_hash,
  };
  return sha256_hex(fields.dump());
}

Entry AuditLog::append(store::Connection& connection, const Actor& actor, const Change& change) {
  // Updating the single head row serialises appenders on both databases
  // (a row lock on PostgreSQL, the write lock on SQLite).
  auto head = connection.query_one(
      "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash");
  if (!head) throw store::StoreError("audit_head row is missing");
  Entry entry;
  entry.seq = head->integer("last_seq");
  entry.previous_hash = head->text("last_hash");
  entry.occurred_at = now_timestamp();
  entry.actor_id = actor.user_id;
  entry.actor_label = actor.display_name.empty() ? std::string(role_name(actor.role)) : actor.display_name;
  entry.actor_role = std::string(role_name(actor.role));
  entry.change = change;
  entry.hash = hash_of(entry);
  std::string before = json_or_null_text(change.before);
  std::string after = json_or_null_text(change.after);
  connection.execute(
      std::string("INSERT INTO audit_log (") + kColumns +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {entry.seq, entry.occurred_at, entry.actor_id, entry.actor_label, entry.actor_role,
       change.action, change.entity_kind, change.entity_id, change.jurisdiction_id,
       change.is_public, before.empty() ? store::Value() : store::Value(before),
       after.empty() ? store::Value() : store::Value(after), entry.previous_hash, entry.hash});
  connection.execute("UPDATE audit_head SET last_hash = ? WHERE id = 1", {entry.hash});
  return entry;
}

Entry AuditLog::append_public(store::Connection& connection, const Actor& actor, const std::string& action,
                              const std::string& entity_kind, int64_t entity_id,
                              std::optional<int64_t> jurisdiction_id, nlohmann::json before, nlohmann::json after) {
  return append(connection, actor,
                {action, entity_kind, std::to_string(entity_id), jurisdiction_id, true, std::move(before), std::move(after)});
}

Verification AuditLog::verify(store::Connection& connection) {
  Verification result;
  std::string previous_hash;
  int64_t expected_seq = 1;
  constexpr int64_t kBatch = 1000;
  while (true) {
    auto rows = connection.query(std::string("SELECT ") + kColumns +
                                     " FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?",
                                 {expected_seq, kBatch});
    for (const auto& row : rows) {
      Entry entry = entry_from_row(row);
      auto fail = [&](std::string problem) {
        result.ok = false;
        result.broken_at = entry.seq;
        result.problem = std::move(problem);
      };
      if (entry.seq != expected_seq) {
        fail(say(Msg::entry_deleted, expected_seq));
      } else if (entry.previous_hash != previous_hash) {
        fail(say(Msg::chain_broken));
      } else if (hash_of(entry) != entry.hash) {
        fail(say(Msg::entry_modified));
      }
      if (!result.ok) return result;
      previous_hash = entry.hash;
      ++expected_seq;
      ++result.entries;
    }
    if (static_cast<int64_t>(rows.size()) < kBatch) break;
  }
  auto head = connection.query_one("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
  if (!head || head->integer("last_seq") != result.entries || head->text("last_hash") != previous_hash) {
    result.ok = false;
    result.broken_at = result.entries + 1;
    result.problem = say(Msg::tail_missing);
  }
  return result;
}

std::vector<Entry> AuditLog::list(store::Connection& connection, bool public_only, int64_t limit,
                                  int64_t offset) {
  auto rows = connection.query(std::string("SELECT ") + kColumns +
                                   " FROM audit_log WHERE is_public >= ? ORDER BY seq DESC "
                                   "LIMIT ? OFFSET ?",
                               {public_only ? 1 : 0, limit, offset});
  std::vector<Entry> entries;
  for (const auto& row : rows) entries.push_back(entry_from_row(row));
  return entries;
}

int64_t AuditLog::count(store::Connection& connection, bool public_only) {
  auto row = connection.query_one("SELECT COUNT(*) AS n FROM audit_log WHERE is_public >= ?",
                                  {public_only ? 1 : 0});
  return row ? row->integer("n") : 0;
}

nlohmann::json public_json(const Entry& entry) {
  return {
      {"seq", entry.seq},
      {"occurred_at", entry.occurred_at},
      {"actor_role", entry.actor_role},
      {"action", entry.change.action},
      {"entity_kind", entry.change.entity_kind},
      {"entity_id", entry.change.entity_id},
      {"jurisdiction_id", entry.change.jurisdiction_id ? nlohmann::json(*entry.change.jurisdiction_id)
                                                        : nlohmann::json()},
      {"before", entry.change.before},
      {"after", entry.change.after},
      {"previous_hash", entry.previous_hash},
      {"hash", entry.hash},
  };
}

}  // namespace apertura::audit
