#pragma once
// Compiles and describes (summary, red flags) each process of an OCDS import
// batch from the batch's own releases, and, when the writing thread is the
// busier one, puts every document into the form the store keeps (a zstd
// frame on SQLite).
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/zstd.h"
#include "money/ocds/direct_compiler.h"
#include "money/import/import_batch.h"
#include "money/import/import_options.h"
#include "money/ocds/simdjson_convert.h"
#include "store/database.h"

namespace apertura::money {

class BatchCompiler {
 public:
  BatchCompiler(store::Database& database, const ImportOptions& options, const ProcessFlagger* flagger);
  // Fills `batch.compiled` and `batch.dictionary`.
  void compile(Batch& batch);
  // The stored forms of the releases and compiled releases (else the writer makes them).
  void compress(Batch& batch);

 private:
  void train_dictionary(const Batch& batch);
  // The processes of the batch that an earlier batch or import compiled:
  // the writer compiles those again with their stored releases, so they are
  // not compiled here. Their releases already stored are marked.
  std::unordered_set<std::string> compiled_before(Batch& batch, const std::vector<std::string>& ocids);

  store::Database& database_;
  const ImportOptions& options_;
  const ProcessFlagger* flagger_;
  FastJsonParser parser_;
  DirectCompiler direct_;
  std::shared_ptr<const ZstdDictionary> dictionary_;
  bool dictionary_tried_ = false;  // one attempt to train one per file
  bool store_had_processes_ = false;  // when the import started
  // The processes of this import's earlier batches, as one bit each of a
  // hash of their ocid. Two ocids may share a bit: a new process taken for
  // one seen is compiled by the writer instead, which is only slower.
  std::vector<uint64_t> seen_;
};

}  // namespace apertura::money
