#include "money/contracting/stored_json.h"

#include "money/contracting/json_dictionaries.h"

namespace apertura::money {

store::Value json_for_store(store::Dialect dialect, std::string_view json, const ZstdDictionary* dictionary) {
  if (dialect == store::Dialect::sqlite) return store::Value(store::Bytes{zstd_compress(json, dictionary)});
  return store::Value(json);
}

std::string json_from_store(store::Connection& connection, const store::Value& value) {
  if (!value.is_bytes()) return value.as_text();
  const std::string& frame = std::get<store::Bytes>(value.storage()).data;
  uint32_t id = zstd_frame_dictionary(frame);
  return zstd_decompress(frame, id == 0 ? nullptr : JsonDictionaries::by_id(connection, id).get());
}

}  // namespace apertura::money
