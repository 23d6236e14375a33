#pragma once
// JSON documents (releases as received, compiled releases) as the store keeps
// them. On SQLite they are zstd frames: they were three quarters of the file
// and of what an import wrote, and writing them was most of its time. On
// PostgreSQL they stay text, which the server compresses itself (TOAST).
// Reading takes either form, so a database written before keeps working.
#include <string>
#include <string_view>

#include "store/connection.h"

namespace apertura::money {

store::Value json_for_store(store::Dialect dialect, std::string_view json);
std::string json_from_store(const store::Value& value);

}  // namespace apertura::money
