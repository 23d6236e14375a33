#pragma once
// The data version: one number in the database that every committed write to
// what people can see raises, in the same transaction as the write. A page
// built at version N is current while the number is still N; since the number
// lives in the database, every `apertura serve` sharing it agrees (the page
// cache, web/page_cache.h, keys its entries by it).
//
// VersionedConnection raises it: it wraps a backend's connection, notes each
// INSERT, UPDATE or DELETE that changed rows outside the private tables (sessions, failed
// logins, password resets, the outbox, the migrations' own record, the server secrets, the API tokens, the download counts), and adds
// the raise just before COMMIT, or in a transaction of its own around a write
// made outside one. Schema changes (CREATE, DROP, PRAGMA) and writes that
// matched no row (a worker polling its queue) do not count.
#include <cstdint>
#include <memory>
#include <string_view>

#include "store/connection.h"

namespace apertura::store {

// The current data version (0 before the first write after migration 24).
int64_t current_data_version(Connection& connection);

// Whether `sql` changes rows people can see: an INSERT, UPDATE, DELETE or
// REPLACE (also after a WITH) on a table that is not private.
bool writes_public_data(std::string_view sql);

class VersionedConnection final : public Connection {
 public:
  explicit VersionedConnection(std::unique_ptr<Connection> inner) : inner_(std::move(inner)) {}

  Dialect dialect() const override { return inner_->dialect(); }
  Rows query(std::string_view sql, const Params& params = {}) override;
  int64_t execute(std::string_view sql, const Params& params = {}) override;
  void for_each_integer(std::string_view sql, const Params& params,
                        const std::function<bool(int64_t)>& visit) override;
  void execute_script(std::string_view sql) override { inner_->execute_script(sql); }
  bool healthy() override { return inner_->healthy(); }
  int64_t changes() override { return inner_->changes(); }
  void begin() override;
  void commit() override;
  void rollback() override;
  // The backend's connection (a SQLite backup needs it).
  Connection& backend() override { return *inner_; }

 private:
  // Runs `statement`; a public write outside a transaction gets one with the raise.
  template <class Run>
  auto write(std::string_view sql, Run&& statement) -> decltype(statement());
  void raise();

  std::unique_ptr<Connection> inner_;
  bool in_transaction_ = false;
  bool changed_ = false;
};

}  // namespace apertura::store
