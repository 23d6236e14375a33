#pragma once
// Runs a BatchWriter on a thread of its own, so that reading, parsing and
// compiling the next batch overlaps with writing this one. At most one batch
// waits between the two threads, which keeps memory bounded whatever the
// file's size. A failure of the writer stops the reader at its next hand-over.
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "money/batch_writer.h"

namespace apertura::money {

class BatchPipeline {
 public:
  explicit BatchPipeline(BatchWriter& writer);
  ~BatchPipeline();
  BatchPipeline(const BatchPipeline&) = delete;
  BatchPipeline& operator=(const BatchPipeline&) = delete;

  // Waits while a batch is already waiting; rethrows the writer's failure.
  void submit(Batch batch);
  // Waits until every batch is written; rethrows the writer's failure.
  void finish();

 private:
  void run();
  void close();

  BatchWriter& writer_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<Batch> waiting_;
  bool closed_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace apertura::money
