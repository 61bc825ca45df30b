#include "progress_line.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ctime>

#include "pneumoplan/core/error.hpp"

namespace pneumo::cli {

void add_progress_options(po::options_description& options) {
  options.add_options()
      ("progress", po::value<std::string>()->default_value("auto"),
       "Progress on stderr: auto (a line redrawn on a terminal, else a plain timestamped line every "
       "--progress-every seconds, as in a batch job's log; nothing with --quiet), always (the same, even with "
       "--quiet) or never.")
      ("progress-every", po::value<double>()->default_value(5.0, "5"),
       "Seconds between plain progress lines when stderr is not a terminal.");
}

ProgressSettings progress_settings(const po::variables_map& values) {
  ProgressSettings settings;
  const std::string mode = values.count("progress") ? values["progress"].as<std::string>() : "auto";
  if (mode != "auto" && mode != "always" && mode != "never") {
    throw UsageError("--progress: expected auto, always or never, found '" + mode + "'");
  }
  const bool quiet = values.count("quiet") > 0;
  settings.shown = mode == "always" || (mode == "auto" && !quiet);
  if (values.count("progress-every")) settings.plain_seconds = values["progress-every"].as<double>();
  if (!(settings.plain_seconds >= 0.01 && settings.plain_seconds <= 86400.0)) {
    throw UsageError("--progress-every: expected seconds in [0.01, 86400]");
  }
  return settings;
}

ProgressLine::ProgressLine(std::string label, std::int64_t total, std::string unit, ProgressSettings settings)
    : label_(std::move(label)), unit_(std::move(unit)), total_(total), start_(std::chrono::steady_clock::now()),
      active_(settings.shown), terminal_(::isatty(STDERR_FILENO) == 1), plain_seconds_(settings.plain_seconds) {
  if (!active_) return;
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    if (terminal_) {
      while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stop_; })) draw_terminal(false);
      return;
    }
    const auto period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(plain_seconds_));
    auto next = start_ + period;
    while (!wake_.wait_until(lock, next, [this] { return stop_; })) {
      draw_plain(false);
      next += period;
    }
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
  if (terminal_) {
    draw_terminal(true);
  } else if (plain_lines_ > 0) {
    draw_plain(true);  // a log that showed progress also shows the end
  }
}

double ProgressLine::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string ProgressLine::status() const {
  const std::int64_t done = done_.load(std::memory_order_relaxed);
  const double fraction = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
  const double elapsed = elapsed_seconds();
  const double remaining = fraction > 0.0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
  char text[512];
  std::snprintf(text, sizeof text, "%s: %lld/%lld %s (%.0f%%), %.1f s elapsed, ~%.0f s left", label_.c_str(),
                static_cast<long long>(done), static_cast<long long>(total_), unit_.c_str(), 100.0 * fraction, elapsed,
                remaining);
  return text;
}

void ProgressLine::draw_terminal(bool final) {
  if (final) {
    std::fprintf(stderr, "\r\033[K");
  } else {
    std::fprintf(stderr, "\r\033[K%s", status().c_str());
  }
  std::fflush(stderr);
}

void ProgressLine::draw_plain(bool final) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &local);
  if (final) {
    const std::int64_t done = done_.load();
    std::fprintf(stderr, "%s %s: %s %lld/%lld %s in %.1f s\n", stamp, label_.c_str(),
                 done >= total_ ? "finished" : "stopped after", static_cast<long long>(done),
                 static_cast<long long>(total_), unit_.c_str(), elapsed_seconds());
  } else {
    std::fprintf(stderr, "%s %s\n", stamp, status().c_str());
  }
  std::fflush(stderr);
  ++plain_lines_;
}

}  // namespace pneumo::cli
