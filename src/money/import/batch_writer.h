#pragma once
// Stores import batches, each in one transaction: the package rows, every
// release not already stored, and each touched process compiled again. A
// process new to the store takes the compilation that came with the batch;
// one the store already knows is compiled here with its stored releases.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/actor.h"
#include "core/id_set.h"
#include "money/contracting/contracting_repository.h"
#include "money/ocds/direct_compiler.h"
#include "money/import/import_batch.h"
#include "money/import/import_options.h"
#include "money/ocds/simdjson_convert.h"
#include "store/database.h"

namespace apertura::money {

class BatchWriter {
 public:
  // `importer_compiled` marks, one bit per process id, the processes compiled
  // by every file of one importer.
  BatchWriter(store::Database& database, const Actor& actor, const ImportOptions& options, std::string source,
              const ProcessFlagger* flagger, IdSet& importer_compiled);
  void write(Batch& batch);
  // Releases stored and duplicate, processes compiled (each once, however many
  // batches touched it) and the releases refused for not merging with their process.
  ImportSummary& totals() { return totals_; }

 private:
  struct Counts {
    int64_t imported = 0;
    int64_t duplicates = 0;
    int64_t processes = 0;
    int64_t first_compiled = 0;
    std::vector<std::string> changed;  // the ocid of each changed copy stored
    std::vector<ImportProblem> problems;
  };
  // Compiles a process with its stored releases and the batch's; a new release
  // that does not merge is taken back out and reported. Nothing new: nullopt.
  std::optional<CompiledProcess> compile_with_stored(store::Connection& connection, const std::string& ocid,
                                                     const std::vector<size_t>& indexes, const Batch& batch,
                                                     const std::vector<StoredRelease>* stored, Counts& counts);
  // Of the batch's releases whose ocid + id were taken (`taken`), stores
  // those whose content differs from every copy kept, each as the next copy;
  // the rest are duplicates. The positions stored.
  std::vector<size_t> store_changed_copies(store::Connection& connection, Batch& batch,
                                           const std::vector<size_t>& taken, Counts& counts);
  // A process written by this batch.
  void count_compiled(int64_t process_id, Counts& counts);

  store::Database& database_;
  const Actor& actor_;
  const ImportOptions& options_;
  std::string source_;
  const ProcessFlagger* flagger_;
  FastJsonParser parser_;
  DirectCompiler direct_;
  ImportSummary totals_;
  std::vector<PackageRecord> packages_;              // the latest record of each package key
  std::vector<std::optional<int64_t>> package_rows_;  // its row, once stored
  KnownOrganizations organizations_;
  // Processes compiled so far, so that a process that spans two batches is counted once.
  IdSet compiled_;
  IdSet& importer_compiled_;
};

}  // namespace apertura::money
