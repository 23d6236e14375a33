#pragma once
// The zstd dictionaries SQLite's JSON documents are compressed with. A
// database's first dictionary is trained on the first large import batch and
// then used for every document written after it; each frame names its own
// dictionary, so documents written before it, or with another one, still read.
// Dictionaries are never changed or deleted: stored frames depend on them.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/zstd.h"
#include "store/connection.h"

namespace apertura::money {

class JsonDictionaries {
 public:
  // Fewer sample documents than this make a poor dictionary; a batch that
  // small compresses without one.
  static constexpr size_t kMinSamples = 500;

  // The dictionary new documents are compressed with; nullptr when the
  // database has none yet, or is not SQLite.
  static std::shared_ptr<const ZstdDictionary> current(store::Connection& connection);
  // The dictionary with zstd id `id`, from a cache shared by every connection
  // (a dictionary's id is a hash of its content, so it names the same bytes
  // in any database). Throws CompressionError when the database lacks it.
  static std::shared_ptr<const ZstdDictionary> by_id(store::Connection& connection, uint32_t id);
  // Trains a dictionary on `samples` and stores it; returns the database's
  // current dictionary afterwards (another import may have stored one first),
  // or nullptr when the samples could not make one.
  static std::shared_ptr<const ZstdDictionary> train(store::Connection& connection,
                                                     const std::vector<std::string_view>& samples);
};

}  // namespace apertura::money
