#pragma once
// A background thread that runs one task now and then every `period` until
// stopped. A task that throws is logged and run again at the next turn.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace apertura {

class PeriodicTask {
 public:
  // `what` names the task in the log ("delivering the outbox").
  PeriodicTask(std::string what, std::chrono::milliseconds period, std::function<void()> task);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  // Starts the thread; a second call while it runs does nothing.
  void start();
  // Wakes the thread, lets the running turn finish and joins it.
  void stop();

 private:
  std::string what_;
  std::chrono::milliseconds period_;
  std::function<void()> task_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace apertura
