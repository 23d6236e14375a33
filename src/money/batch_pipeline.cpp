#include "money/batch_pipeline.h"

namespace apertura::money {

BatchPipeline::BatchPipeline(BatchWriter& writer) : writer_(writer), thread_([this] { run(); }) {}

BatchPipeline::~BatchPipeline() {
  close();
  if (thread_.joinable()) thread_.join();
}

void BatchPipeline::run() {
  while (true) {
    Batch batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return waiting_.has_value() || closed_; });
      if (!waiting_) return;
      batch = std::move(*waiting_);
      waiting_.reset();
    }
    changed_.notify_all();
    try {
      writer_.write(batch);
    } catch (...) {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
      closed_ = true;
      waiting_.reset();
      changed_.notify_all();
      return;
    }
  }
}

void BatchPipeline::submit(Batch batch) {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !waiting_.has_value() || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    waiting_ = std::move(batch);
  }
  changed_.notify_all();
}

void BatchPipeline::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

void BatchPipeline::finish() {
  close();
  if (thread_.joinable()) thread_.join();
  if (failure_) std::rethrow_exception(failure_);
}

}  // namespace apertura::money
