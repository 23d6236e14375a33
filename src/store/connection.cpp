#include "store/connection.h"

#include <spdlog/spdlog.h>

namespace apertura::store {

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  Rows rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

int64_t Connection::insert_returning_id(std::string_view sql, const Params& params) {
  Rows rows = query(sql, params);
  if (rows.empty()) throw StoreError("insert returned no id");
  return rows.front()[0].as_integer();
}

std::string placeholder_list(size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

Transaction::Transaction(Connection& connection) : connection_(connection) { connection_.begin(); }

Transaction::~Transaction() {
  if (finished_) return;
  try {
    connection_.rollback();
  } catch (const std::exception& e) {
    spdlog::warn("rollback failed: {}", e.what());
  }
}

void Transaction::commit() {
  connection_.commit();
  finished_ = true;
}

}  // namespace apertura::store
