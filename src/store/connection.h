#pragma once
// A Connection runs SQL with `?` placeholders on one backend. SQL is written
// once for both dialects; the few differences (key columns, full-text search,
// upserts) are hidden behind this interface and SearchIndex.
#include <functional>
#include <string_view>

#include "store/value.h"

namespace apertura::store {

enum class Dialect { sqlite, postgresql };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs a statement that returns rows.
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement and returns the number of rows it changed.
  virtual int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs a query and hands the first column of each row, as an integer, to
  // `visit`, without building rows; stops early when `visit` returns false.
  virtual void for_each_integer(std::string_view sql, const Params& params,
                                const std::function<bool(int64_t)>& visit) = 0;
  // Runs several statements separated by semicolons, without parameters.
  virtual void execute_script(std::string_view sql) = 0;
  // False when the connection can no longer be used and must be replaced.
  virtual bool healthy() = 0;
  // The rows the last INSERT, UPDATE or DELETE run by query or execute changed
  // (with RETURNING, whether or not it returned them).
  virtual int64_t changes() = 0;

  // The first row of a query, or nullopt when there is none.
  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  // Inserts a row and returns its generated `id` (SQL must end in RETURNING id).
  int64_t insert_returning_id(std::string_view sql, const Params& params = {});

  // Transaction control, used through Transaction below.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // The backend's own connection under any wrapper (store/data_version.h).
  virtual Connection& backend() { return *this; }
};

// "?, ?, ?" for an IN list of `count` parameters.
std::string placeholder_list(size_t count);

// Begins a write transaction; rolls back unless commit() is called. Nested
// use on one connection is a programming error and throws.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  Connection& connection() { return connection_; }

 private:
  Connection& connection_;
  bool finished_ = false;
};

}  // namespace apertura::store
