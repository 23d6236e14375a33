#include "money/contracting/json_dictionaries.h"

#include <mutex>
#include <unordered_map>

#include "core/clock.h"

namespace apertura::money {

namespace {

// 64 KiB: at 32 KiB the synthetic releases compressed 0.3% worse; larger
// ones gained nothing.
constexpr size_t kCapacity = 64 * 1024;

class Cache {
 public:
  std::shared_ptr<const ZstdDictionary> find(uint32_t id) {
    std::lock_guard lock(mutex_);
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
  }
  void keep(const std::shared_ptr<const ZstdDictionary>& dictionary) {
    std::lock_guard lock(mutex_);
    by_id_.emplace(dictionary->id(), dictionary);
  }

 private:
  std::mutex mutex_;
  std::unordered_map<uint32_t, std::shared_ptr<const ZstdDictionary>> by_id_;
};

Cache& cache() {
  static Cache instance;
  return instance;
}

std::shared_ptr<const ZstdDictionary> from_row(const store::Row& row) {
  auto id = static_cast<uint32_t>(row.integer("dict_id"));
  if (auto known = cache().find(id)) return known;
  auto dictionary = ZstdDictionary::load(row.text("dictionary"));
  if (dictionary->id() != id) throw CompressionError("zstd dictionary " + std::to_string(id) + " is damaged");
  cache().keep(dictionary);
  return dictionary;
}

}  // namespace

std::shared_ptr<const ZstdDictionary> JsonDictionaries::current(store::Connection& connection) {
  if (connection.dialect() != store::Dialect::sqlite) return nullptr;
  auto row = connection.query_one("SELECT dict_id, dictionary FROM zstd_dictionaries ORDER BY id LIMIT 1");
  return row ? from_row(*row) : nullptr;
}

std::shared_ptr<const ZstdDictionary> JsonDictionaries::by_id(store::Connection& connection, uint32_t id) {
  if (auto known = cache().find(id)) return known;
  auto row = connection.query_one("SELECT dict_id, dictionary FROM zstd_dictionaries WHERE dict_id = ?",
                                  {static_cast<int64_t>(id)});
  if (!row) throw CompressionError("the zstd dictionary " + std::to_string(id) + " is not in this database");
  return from_row(*row);
}

std::shared_ptr<const ZstdDictionary> JsonDictionaries::train(store::Connection& connection,
                                                              const std::vector<std::string_view>& samples) {
  if (connection.dialect() != store::Dialect::sqlite || samples.size() < kMinSamples) return nullptr;
  auto trained = ZstdDictionary::train(samples, kCapacity);
  if (!trained) return nullptr;
  connection.execute(
      "INSERT INTO zstd_dictionaries (dict_id, dictionary, created_at) VALUES (?, ?, ?) "
      "ON CONFLICT (dict_id) DO NOTHING",
      {static_cast<int64_t>(trained->id()), store::Bytes{trained->bytes()}, now_timestamp()});
  cache().keep(trained);
  return current(connection);
}

}  // namespace apertura::money
