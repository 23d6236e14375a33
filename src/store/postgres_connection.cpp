#include "store/postgres_connection.h"

#include <cstring>
#include <memory>

namespace apertura::store {

namespace {
// Type OIDs from pg_type.h, which is not part of libpq's public headers.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

bool is_connection_failure(PGconn* conn) { return PQstatus(conn) != CONNECTION_OK; }
}  // namespace

std::string to_numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int number = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += '$';
      out += std::to_string(++number);
    } else {
      out += c;
    }
  }
  return out;
}

PostgresConnection::PostgresConnection(std::string url) : url_(std::move(url)) { connect(); }

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

void PostgresConnection::connect() {
  if (conn_) PQfinish(conn_);
  conn_ = PQconnectdb(url_.c_str());
  if (is_connection_failure(conn_)) {
    std::string message = PQerrorMessage(conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    throw ConnectionLost("cannot connect to PostgreSQL: " + message);
  }
  ResultPtr result(PQexec(conn_, "SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
  prepared_.clear();  // prepared statements belong to the session that made them
}

bool PostgresConnection::healthy() { return conn_ != nullptr && !is_connection_failure(conn_); }

PGresult* PostgresConnection::run_once(const std::string& sql, const Params& params) {
  // Bytes go in binary format (bytea); everything else as text.
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
  for (size_t i = 0; i < params.size(); ++i) {
    if (params[i].is_null()) continue;
    texts[i] = params[i].as_text();
    values[i] = texts[i].c_str();
    if (params[i].is_bytes()) {
      lengths[i] = static_cast<int>(texts[i].size());
      formats[i] = 1;
    }
  }
  int count = static_cast<int>(params.size());
  // Statements are prepared once per session, so the server parses and plans
  // each one once instead of on every call; SQL that varies (IN lists of
  // different lengths) stops being prepared after a bound.
  constexpr size_t kMaxPrepared = 400;
  auto it = prepared_.find(sql);
  if (it == prepared_.end() && prepared_.size() < kMaxPrepared) {
    std::string name = "apertura_" + std::to_string(prepared_.size() + 1);
    PGresult* prepared = PQprepare(conn_, name.c_str(), sql.c_str(), count, nullptr);
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK) return prepared;  // reported by the caller
    PQclear(prepared);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  if (it != prepared_.end()) {
    return PQexecPrepared(conn_, it->second.c_str(), count, values.data(), lengths.data(), formats.data(), 0);
  }
  return PQexecParams(conn_, sql.c_str(), count, nullptr, values.data(), lengths.data(), formats.data(), 0);
}

PGresult* PostgresConnection::run(std::string_view sql, const Params& params) {
  std::string key(sql);
  auto it = rewritten_.find(key);
  if (it == rewritten_.end()) it = rewritten_.emplace(key, to_numbered_placeholders(sql)).first;
  if (conn_ == nullptr) connect();
  PGresult* result = run_once(it->second, params);
  ExecStatusType status = PQresultStatus(result);
  bool failed = status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK;
  if (failed && is_connection_failure(conn_) && !in_transaction_) {
    PQclear(result);
    connect();
    result = run_once(it->second, params);
    status = PQresultStatus(result);
    failed = status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK;
  }
  if (failed) {
    std::string message = PQresultErrorMessage(result);
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    bool unique = state && std::strcmp(state, "23505") == 0;
    bool lost = is_connection_failure(conn_);
    PQclear(result);
    if (unique) throw UniqueViolation(message);
    if (lost) throw ConnectionLost(message);
    throw StoreError(message + " in `" + key + "`");
  }
  return result;
}

namespace {
// "UPDATE 3" -> 3; a statement that changes no rows -> 0.
int64_t changed_rows(const PGresult* result) {
  const char* affected = PQcmdTuples(const_cast<PGresult*>(result));
  return affected && *affected ? std::stoll(affected) : 0;
}
}  // namespace

Rows PostgresConnection::query(std::string_view sql, const Params& params) {
  ResultPtr result(run(sql, params));
  changes_ = changed_rows(result.get());
  int fields = PQnfields(result.get());
  auto columns = std::make_shared<std::vector<std::string>>();
  std::vector<Oid> types;
  for (int i = 0; i < fields; ++i) {
    columns->emplace_back(PQfname(result.get(), i));
    types.push_back(PQftype(result.get(), i));
  }
  Rows rows;
  int count = PQntuples(result.get());
  rows.reserve(static_cast<size_t>(count));
  for (int r = 0; r < count; ++r) {
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(fields));
    for (int c = 0; c < fields; ++c) {
      if (PQgetisnull(result.get(), r, c)) {
        values.emplace_back();
        continue;
      }
      const char* text = PQgetvalue(result.get(), r, c);
      Oid type = types[static_cast<size_t>(c)];
      if (type == kInt8 || type == kInt4 || type == kInt2) {
        values.emplace_back(std::stoll(text));
      } else if (type == kFloat8 || type == kFloat4) {
        values.emplace_back(std::stod(text));
      } else if (type == kBool) {
        values.emplace_back(text[0] == 't');
      } else if (type == kBytea) {
        size_t size = 0;
        unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
        if (bytes == nullptr) throw StoreError("cannot read a bytea value");
        values.emplace_back(Bytes{std::string(reinterpret_cast<const char*>(bytes), size)});
        PQfreemem(bytes);
      } else {
        values.emplace_back(std::string(text, static_cast<size_t>(PQgetlength(result.get(), r, c))));
      }
    }
    rows.emplace_back(columns, std::move(values));
  }
  return rows;
}

void PostgresConnection::for_each_integer(std::string_view sql, const Params& params,
                                          const std::function<bool(int64_t)>& visit) {
  ResultPtr result(run(sql, params));
  int count = PQntuples(result.get());
  for (int r = 0; r < count; ++r) {
    if (PQgetisnull(result.get(), r, 0)) continue;
    if (!visit(std::stoll(PQgetvalue(result.get(), r, 0)))) return;
  }
}

int64_t PostgresConnection::execute(std::string_view sql, const Params& params) {
  ResultPtr result(run(sql, params));
  changes_ = changed_rows(result.get());
  return changes_;
}

int64_t PostgresConnection::changes() { return changes_; }

void PostgresConnection::execute_script(std::string_view sql) {
  if (conn_ == nullptr) connect();
  std::string text(sql);
  ResultPtr result(PQexec(conn_, text.c_str()));
  ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
    std::string message = PQresultErrorMessage(result.get());
    if (state && std::strcmp(state, "23505") == 0) throw UniqueViolation(message);
    if (is_connection_failure(conn_)) throw ConnectionLost(message);
    throw StoreError("script failed: " + message);
  }
}

void PostgresConnection::begin() {
  execute("BEGIN");
  in_transaction_ = true;
}

void PostgresConnection::commit() {
  in_transaction_ = false;
  execute("COMMIT");
}

void PostgresConnection::rollback() {
  in_transaction_ = false;
  if (healthy()) execute("ROLLBACK");
}

}  // namespace apertura::store
