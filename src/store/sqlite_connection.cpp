#include "store/sqlite_connection.h"

#include <memory>

namespace apertura::store {

namespace {
struct ResetOnExit {
  sqlite3_stmt* statement;
  ~ResetOnExit() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};
}  // namespace

SqliteConnection::SqliteConnection(const std::string& path) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open SQLite database " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, 10000);
  execute_script(
      "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
      "PRAGMA cache_size=-32768;");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close_v2(db_);
}

void SqliteConnection::fail(const std::string& context) {
  int code = sqlite3_extended_errcode(db_);
  std::string message = context + ": " + sqlite3_errmsg(db_);
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    throw UniqueViolation(message);
  }
  throw StoreError(message);
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql, const Params& params) {
  sqlite3_stmt* statement = nullptr;
  if (auto it = statements_.find(sql); it != statements_.end()) {
    statement = it->second;
  } else {
    std::string key(sql);
    if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                           SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
      fail("cannot prepare `" + key + "`");
    }
    statements_.emplace(std::move(key), statement);
  }
  if (static_cast<size_t>(sqlite3_bind_parameter_count(statement)) != params.size()) {
    throw StoreError("wrong number of parameters for `" + std::string(sql) + "`");
  }
  for (size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i + 1);
    const auto& storage = params[i].storage();
    int rc = SQLITE_OK;
    if (auto* n = std::get_if<int64_t>(&storage)) {
      rc = sqlite3_bind_int64(statement, index, *n);
    } else if (auto* d = std::get_if<double>(&storage)) {
      rc = sqlite3_bind_double(statement, index, *d);
    } else if (auto* s = std::get_if<std::string>(&storage)) {
      // The parameters outlive the statement's run (it is reset before returning).
      rc = sqlite3_bind_text64(statement, index, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else if (auto* b = std::get_if<Bytes>(&storage)) {
      rc = sqlite3_bind_blob64(statement, index, b->data.data(), b->data.size(), SQLITE_STATIC);
    } else {
      rc = sqlite3_bind_null(statement, index);
    }
    if (rc != SQLITE_OK) fail("cannot bind parameter");
  }
  return statement;
}

Rows SqliteConnection::query(std::string_view sql, const Params& params) {
  sqlite3_stmt* statement = prepare(sql, params);
  ResetOnExit reset{statement};
  int count = sqlite3_column_count(statement);
  auto columns = std::make_shared<std::vector<std::string>>();
  for (int i = 0; i < count; ++i) columns->emplace_back(sqlite3_column_name(statement, i));
  Rows rows;
  while (true) {
    int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail("query failed");
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
      switch (sqlite3_column_type(statement, i)) {
        case SQLITE_INTEGER:
          values.emplace_back(static_cast<long long>(sqlite3_column_int64(statement, i)));
          break;
        case SQLITE_FLOAT:
          values.emplace_back(sqlite3_column_double(statement, i));
          break;
        case SQLITE_NULL:
          values.emplace_back();
          break;
        case SQLITE_BLOB: {
          auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, i));
          size_t size = static_cast<size_t>(sqlite3_column_bytes(statement, i));
          values.emplace_back(Bytes{size ? std::string(bytes, size) : std::string()});
          break;
        }
        default: {
          auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
          values.emplace_back(std::string(text, static_cast<size_t>(sqlite3_column_bytes(statement, i))));
        }
      }
    }
    rows.emplace_back(columns, std::move(values));
  }
  return rows;
}

void SqliteConnection::for_each_integer(std::string_view sql, const Params& params,
                                        const std::function<bool(int64_t)>& visit) {
  sqlite3_stmt* statement = prepare(sql, params);
  ResetOnExit reset{statement};
  while (true) {
    int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) return;
    if (rc != SQLITE_ROW) fail("query failed");
    if (sqlite3_column_type(statement, 0) == SQLITE_NULL) continue;
    if (!visit(sqlite3_column_int64(statement, 0))) return;
  }
}

int64_t SqliteConnection::execute(std::string_view sql, const Params& params) {
  sqlite3_stmt* statement = prepare(sql, params);
  ResetOnExit reset{statement};
  int rc;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) fail("statement failed");
  return sqlite3_changes64(db_);
}

int64_t SqliteConnection::changes() { return sqlite3_changes64(db_); }

void SqliteConnection::execute_script(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    int code = sqlite3_extended_errcode(db_);
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
      throw UniqueViolation(message);
    }
    throw StoreError("script failed: " + message);
  }
}

// IMMEDIATE takes the write lock at once, so two writers queue on the busy
// timeout instead of one failing when it upgrades a read lock.
void SqliteConnection::begin() { execute_script("BEGIN IMMEDIATE"); }
void SqliteConnection::commit() { execute_script("COMMIT"); }
void SqliteConnection::rollback() {
  if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
}

void SqliteConnection::backup_to(const std::string& path) {
  sqlite3* target = nullptr;
  if (sqlite3_open(path.c_str(), &target) != SQLITE_OK) {
    std::string message = target ? sqlite3_errmsg(target) : "out of memory";
    sqlite3_close(target);
    throw StoreError("cannot create backup file " + path + ": " + message);
  }
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", db_, "main");
  if (backup == nullptr) {
    std::string message = sqlite3_errmsg(target);
    sqlite3_close(target);
    throw StoreError("cannot start backup: " + message);
  }
  int rc;
  while ((rc = sqlite3_backup_step(backup, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED) {
    if (rc != SQLITE_OK) sqlite3_sleep(50);
  }
  sqlite3_backup_finish(backup);
  std::string message = sqlite3_errmsg(target);
  int final_code = sqlite3_errcode(target);
  sqlite3_close(target);
  if (rc != SQLITE_DONE || final_code != SQLITE_OK) throw StoreError("backup failed: " + message);
}

}  // namespace apertura::store
