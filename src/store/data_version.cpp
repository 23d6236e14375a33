#include "store/data_version.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace apertura::store {

namespace {

// Tables no public page shows: writing them must not make cached pages stale.
constexpr std::array<std::string_view, 9> kPrivateTables = {
    "sessions",     "login_failures", "password_resets", "outbox",           "schema_migrations",
    "data_version", "server_secrets", "api_tokens",      "resource_downloads"};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Reads SQL a word at a time (lower case), skipping spaces and comments; the
// words that matter come before any literal.
class Words {
 public:
  explicit Words(std::string_view sql) : sql_(sql) {}
  std::string next() {
    while (at_ < sql_.size()) {
      char c = sql_[at_];
      if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == ',') {
        ++at_;
      } else if (sql_.substr(at_, 2) == "--") {
        while (at_ < sql_.size() && sql_[at_] != '\n') ++at_;
      } else {
        break;
      }
    }
    std::string word;
    if (at_ < sql_.size() && sql_[at_] == '"') {  // a quoted name
      ++at_;
      while (at_ < sql_.size() && sql_[at_] != '"') word += sql_[at_++];
      ++at_;
      return word;
    }
    while (at_ < sql_.size() && is_word_char(sql_[at_])) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(sql_[at_++])));
    }
    if (word.empty() && at_ < sql_.size()) ++at_;  // punctuation: step over it
    return word;
  }
  bool done() const { return at_ >= sql_.size(); }

 private:
  std::string_view sql_;
  size_t at_ = 0;
};

bool is_private(const std::string& table) {
  return std::find(kPrivateTables.begin(), kPrivateTables.end(), table) != kPrivateTables.end();
}

}  // namespace

int64_t current_data_version(Connection& connection) {
  auto row = connection.query_one("SELECT version FROM data_version WHERE id = 1");
  return row ? row->integer("version") : 0;
}

bool writes_public_data(std::string_view sql) {
  Words words(sql);
  std::string verb = words.next();
  if (verb == "with") {
    // A common table expression ends in its statement's verb; a write there is public
    // unless proven otherwise, so look for the first verb that writes.
    while (!words.done()) {
      std::string word = words.next();
      if (word == "insert" || word == "update" || word == "delete" || word == "replace") return true;
    }
    return false;
  }
  std::string table;
  if (verb == "insert" || verb == "replace") {
    // INSERT [OR IGNORE|OR REPLACE] INTO name
    for (std::string word = words.next(); !word.empty() || !words.done(); word = words.next()) {
      if (word == "into") {
        table = words.next();
        break;
      }
    }
  } else if (verb == "update") {
    table = words.next();
    if (table == "or") {  // UPDATE OR IGNORE name
      words.next();
      table = words.next();
    }
  } else if (verb == "delete") {
    words.next();  // FROM
    table = words.next();
  } else {
    return false;
  }
  return !is_private(table);
}

template <class Run>
auto VersionedConnection::write(std::string_view sql, Run&& statement) -> decltype(statement()) {
  if (!writes_public_data(sql)) return statement();
  if (in_transaction_) {
    auto result = statement();
    if (inner_->changes() > 0) changed_ = true;
    return result;
  }
  inner_->begin();
  try {
    auto result = statement();
    if (inner_->changes() > 0) raise();
    inner_->commit();
    return result;
  } catch (...) {
    try {
      inner_->rollback();
    } catch (...) {
      // The statement's own error says more than the rollback's.
    }
    throw;
  }
}

void VersionedConnection::raise() { inner_->execute("UPDATE data_version SET version = version + 1 WHERE id = 1"); }

Rows VersionedConnection::query(std::string_view sql, const Params& params) {
  return write(sql, [&] { return inner_->query(sql, params); });
}

int64_t VersionedConnection::execute(std::string_view sql, const Params& params) {
  return write(sql, [&] { return inner_->execute(sql, params); });
}

void VersionedConnection::for_each_integer(std::string_view sql, const Params& params,
                                           const std::function<bool(int64_t)>& visit) {
  inner_->for_each_integer(sql, params, visit);
}

void VersionedConnection::begin() {
  inner_->begin();
  in_transaction_ = true;
  changed_ = false;
}

void VersionedConnection::commit() {
  // Raised last, so the row is locked (PostgreSQL) only for the commit itself.
  if (changed_) raise();
  inner_->commit();
  in_transaction_ = false;
  changed_ = false;
}

void VersionedConnection::rollback() {
  in_transaction_ = false;
  changed_ = false;
  inner_->rollback();
}

}  // namespace apertura::store
