#pragma once
// Hands work from the calling thread to a thread of its own, so that
// producing the next item overlaps with consuming this one. At most one item
// waits between them, which keeps memory bounded however much work there is.
// A failure of the consumer stops the producer at its next push, or at finish.
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace apertura {

template <typename T>
class HandOff {
 public:
  explicit HandOff(std::function<void(T&)> consume) : consume_(std::move(consume)), thread_([this] { run(); }) {}
  ~HandOff() {
    close();
    if (thread_.joinable()) thread_.join();
  }
  HandOff(const HandOff&) = delete;
  HandOff& operator=(const HandOff&) = delete;

  // Waits while an item is already waiting; rethrows the consumer's failure.
  void push(T item) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return !waiting_.has_value() || failure_; });
      if (failure_) std::rethrow_exception(failure_);
      waiting_ = std::move(item);
    }
    changed_.notify_all();
  }

  // Waits until every item is consumed; rethrows the consumer's failure.
  void finish() {
    close();
    if (thread_.joinable()) thread_.join();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  void run() {
    while (true) {
      std::optional<T> item;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return waiting_.has_value() || closed_; });
        if (!waiting_) return;
        item = std::move(waiting_);
        waiting_.reset();
      }
      changed_.notify_all();
      try {
        consume_(*item);
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

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
  }

  std::function<void(T&)> consume_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<T> waiting_;
  bool closed_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: it starts once everything above is ready
};

}  // namespace apertura
