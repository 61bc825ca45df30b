// Progress of a long command on stderr. On a terminal: one line redrawn a few times a second. Elsewhere (a
// batch job's log, a file, a pipe): a plain, timestamped line every few seconds, so a Slurm log shows how far
// a run is while it runs; runs shorter than that print nothing. `--progress auto|always|never` chooses (auto:
// as described, but nothing with --quiet; always: even with --quiet). advance() may be called from any thread;
// a background thread draws.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "command_line.hpp"

namespace pneumo::cli {

enum class ProgressMode { Auto, Always, Never };

// --progress and --progress-every, for every command that shows progress.
void add_progress_options(po::options_description& options);

struct ProgressSettings {
  bool shown = true;            // false: nothing is printed
  double plain_seconds = 5.0;   // between plain lines when stderr is not a terminal
};
// From --progress, --progress-every and whether --quiet was given; throws UsageError on bad values.
ProgressSettings progress_settings(const po::variables_map& values);

class ProgressLine {
 public:
  ProgressLine(std::string label, std::int64_t total, std::string unit, ProgressSettings settings);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void advance(std::int64_t steps = 1) { done_.fetch_add(steps, std::memory_order_relaxed); }
  double elapsed_seconds() const;

 private:
  void draw_terminal(bool final);
  void draw_plain(bool final);
  std::string status() const;
  std::string label_;
  std::string unit_;
  std::int64_t total_;
  std::atomic<std::int64_t> done_{0};
  std::chrono::steady_clock::time_point start_;
  bool active_ = false;
  bool terminal_ = false;
  double plain_seconds_;
  int plain_lines_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace pneumo::cli
