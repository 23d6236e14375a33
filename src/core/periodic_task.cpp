#include "core/periodic_task.h"

#include <spdlog/spdlog.h>

namespace apertura {

PeriodicTask::PeriodicTask(std::string what, std::chrono::milliseconds period, std::function<void()> task)
    : what_(std::move(what)), period_(period), task_(std::move(task)) {}

PeriodicTask::~PeriodicTask() { stop(); }

void PeriodicTask::start() {
  std::lock_guard lock(mutex_);
  if (worker_.joinable()) return;
  stopping_ = false;
  worker_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        task_();
      } catch (const std::exception& error) {
        spdlog::error("{} failed: {}", what_, error.what());
      }
      lock.lock();
      wake_.wait_for(lock, period_, [this] { return stopping_; });
    }
  });
}

void PeriodicTask::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

}  // namespace apertura
