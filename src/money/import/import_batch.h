#pragma once
// A batch of an OCDS import: what the reading thread hands to the writing
// thread. The releases come as text (as received); their processes come
// already compiled from the batch's own releases, which is what the store
// keeps whenever the process is new to it.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/zstd.h"
#include "money/contracting/contracting_repository.h"
#include "money/import/process_compiler.h"

namespace apertura::money {

struct BatchRelease {
  ReleaseRecord record;  // package_id is set by the writer
  size_t package_key = 0;
  uint64_t line = 0;
  uint64_t offset = 0;
  // Already in the store when the reading thread looked: a duplicate, neither
  // compressed nor written again.
  bool stored = false;
};

struct Batch {
  std::vector<BatchRelease> releases;
  // Package records new or changed since the previous batch, by the file's package key.
  std::vector<std::pair<size_t, PackageRecord>> packages;
  // By ocid; missing for a process whose releases do not merge together.
  std::unordered_map<std::string, CompiledProcess> compiled;
  // The dictionary the batch's documents were compressed with, for anything
  // the writer compresses itself; null for none.
  std::shared_ptr<const ZstdDictionary> dictionary;
};

}  // namespace apertura::money
