#pragma once
// SQLite backend: WAL journal, foreign keys on, a busy timeout so that
// concurrent writers wait instead of failing, and a per-connection cache of
// prepared statements.
#include <sqlite3.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "store/connection.h"

namespace apertura::store {

class SqliteConnection : public Connection {
 public:
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }
  Rows query(std::string_view sql, const Params& params = {}) override;
  int64_t execute(std::string_view sql, const Params& params = {}) override;
  void for_each_integer(std::string_view sql, const Params& params,
                        const std::function<bool(int64_t)>& visit) override;
  void execute_script(std::string_view sql) override;
  int64_t changes() override;
  bool healthy() override { return db_ != nullptr; }
  void begin() override;
  void commit() override;
  void rollback() override;

  // Copies the whole database into `path` with SQLite's online backup API.
  void backup_to(const std::string& path);

 private:
  sqlite3_stmt* prepare(std::string_view sql, const Params& params);
  [[noreturn]] void fail(const std::string& context);

  sqlite3* db_ = nullptr;
  // Looked up by the caller's string_view, without copying the SQL.
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> statements_;
};

}  // namespace apertura::store
