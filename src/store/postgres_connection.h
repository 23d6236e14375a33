#pragma once
// PostgreSQL backend over libpq. Statements use `?` placeholders like SQLite;
// they are rewritten to $1, $2, ... once per distinct SQL text. When the server
// restarted under an idle connection, the first statement outside a
// transaction reconnects and retries once.
#include <libpq-fe.h>

#include <string>
#include <unordered_map>

#include "store/connection.h"

namespace apertura::store {

class PostgresConnection : public Connection {
 public:
  explicit PostgresConnection(std::string url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgresql; }
  Rows query(std::string_view sql, const Params& params = {}) override;
  int64_t execute(std::string_view sql, const Params& params = {}) override;
  void for_each_integer(std::string_view sql, const Params& params,
                        const std::function<bool(int64_t)>& visit) override;
  void execute_script(std::string_view sql) override;
  int64_t changes() override;
  bool healthy() override;
  void begin() override;
  void commit() override;
  void rollback() override;

 private:
  PGresult* run(std::string_view sql, const Params& params);
  PGresult* run_once(const std::string& sql, const Params& params);
  void connect();

  std::string url_;
  PGconn* conn_ = nullptr;
  int64_t changes_ = 0;  // of the last query or execute
  bool in_transaction_ = false;
  std::unordered_map<std::string, std::string> rewritten_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
};

// "a = ? AND b = '?'" -> "a = $1 AND b = '?'" (quoted text is left alone).
std::string to_numbered_placeholders(std::string_view sql);

}  // namespace apertura::store
