#include "money/stored_json.h"

#include "core/zstd.h"

namespace apertura::money {

store::Value json_for_store(store::Dialect dialect, std::string_view json) {
  if (dialect == store::Dialect::sqlite) return store::Value(store::Bytes{zstd_compress(json)});
  return store::Value(json);
}

std::string json_from_store(const store::Value& value) {
  if (value.is_bytes()) return zstd_decompress(value.as_text());
  return value.as_text();
}

}  // namespace apertura::money
