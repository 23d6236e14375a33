#pragma once
// JSON documents (releases as received, compiled releases) as the store keeps
// them. On SQLite they are zstd frames, with the database's dictionary once it
// has one: they were three quarters of the file and of what an import wrote,
// and writing them was most of its time. On PostgreSQL they stay text, which
// the server compresses itself (TOAST). Reading takes every form, so a
// database written before keeps working.
#include <string>
#include <string_view>

#include "core/zstd.h"
#include "store/connection.h"

namespace apertura::money {

store::Value json_for_store(store::Dialect dialect, std::string_view json,
                            const ZstdDictionary* dictionary = nullptr);
std::string json_from_store(store::Connection& connection, const store::Value& value);

}  // namespace apertura::money
