// A one-line progress display on stderr, shown only when stderr is a terminal (so logs and pipes stay
// clean). advance() may be called from any thread; a background thread redraws a few times a second.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace pneumo::cli {

class ProgressLine {
 public:
  ProgressLine(std::string label, std::int64_t total, std::string unit);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void advance(std::int64_t steps = 1) { done_.fetch_add(steps, std::memory_order_relaxed); }
  double elapsed_seconds() const;

 private:
  void draw(bool final);
  std::string label_;
  std::string unit_;
  std::int64_t total_;
  std::atomic<std::int64_t> done_{0};
  std::chrono::steady_clock::time_point start_;
  bool active_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace pneumo::cli
