#pragma once
// Hands work from the calling thread to a thread of its own, so that
// producing the next items overlaps with consuming this one. At most
// `capacity` items wait between them (one unless asked), which keeps memory
// bounded however much work there is; more than one smooths out items whose
// cost varies.
// A failure of the consumer stops the producer at its next push, or at finish.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace apertura {

template <typename T>
class HandOff {
 public:
  explicit HandOff(std::function<void(T&)> consume, size_t capacity = 1)
      : consume_(std::move(consume)), capacity_(capacity), thread_([this] { run(); }) {}
  ~HandOff() {
    close();
    if (thread_.joinable()) thread_.join();
  }
  HandOff(const HandOff&) = delete;
  HandOff& operator=(const HandOff&) = delete;

  // Waits while `capacity` items are already waiting; rethrows the consumer's failure.
  void push(T item) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return waiting_.size() < capacity_ || failure_; });
      if (failure_) std::rethrow_exception(failure_);
      waiting_.push_back(std::move(item));
    }
    changed_.notify_all();
  }

  // How many items wait for the consumer now: more than none says it is the
  // slower of the two at the moment.
  size_t backlog() {
    std::lock_guard lock(mutex_);
    return waiting_.size();
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
        changed_.wait(lock, [this] { return !waiting_.empty() || closed_; });
        if (waiting_.empty()) return;
        item = std::move(waiting_.front());
        waiting_.pop_front();
      }
      changed_.notify_all();
      try {
        consume_(*item);
      } catch (...) {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
        closed_ = true;
        waiting_.clear();
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
  size_t capacity_;
  std::deque<T> waiting_;
  bool closed_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: it starts once everything above is ready
};

}  // namespace apertura
