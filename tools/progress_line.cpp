#include "progress_line.hpp"

#include <unistd.h>

#include <cstdio>

namespace pneumo::cli {

ProgressLine::ProgressLine(std::string label, std::int64_t total, std::string unit)
    : label_(std::move(label)), unit_(std::move(unit)), total_(total), start_(std::chrono::steady_clock::now()),
      active_(::isatty(STDERR_FILENO) == 1) {
  if (!active_) return;
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stop_; })) draw(false);
  });
}

ProgressLine::~ProgressLine() {
  if (!active_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  draw(true);
}

double ProgressLine::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressLine::draw(bool final) {
  const std::int64_t done = done_.load(std::memory_order_relaxed);
  const double fraction = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
  const double elapsed = elapsed_seconds();
  const double remaining = fraction > 0.0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
  if (final) {
    std::fprintf(stderr, "\r\033[K");
  } else {
    std::fprintf(stderr, "\r\033[K%s: %lld/%lld %s (%.0f%%), %.1f s elapsed, ~%.0f s left", label_.c_str(),
                 static_cast<long long>(done), static_cast<long long>(total_), unit_.c_str(), 100.0 * fraction,
                 elapsed, remaining);
  }
  std::fflush(stderr);
}

}  // namespace pneumo::cli
