// Outputs appear under their final name only when complete: they are written to a temporary file in
// the same folder, flushed to disk, then renamed over the final name. A run that fails removes its
// temporary; one that is killed leaves at most a stray ".NAME.tmp-HOST-PID-N", never a half-written
// result, and never touches an existing result until the new one is complete. The next write of NAME on
// that machine removes temporaries whose process is gone.
#pragma once

#include <string>

namespace pneumo {

class AtomicOutput {
 public:
  explicit AtomicOutput(std::string final_path);
  ~AtomicOutput();  // removes the temporary unless commit() succeeded
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  const std::string& temporary_path() const { return temporary_; }
  const std::string& final_path() const { return final_; }
  void commit();  // fsync, rename, fsync the folder; throws IoError

 private:
  std::string final_;
  std::string temporary_;
  bool committed_ = false;
};

// Writes `contents` to `path` atomically.
void write_text_atomically(const std::string& path, const std::string& contents);

// Creates the folder that will hold `path` if needed; throws IoError naming it when that fails.
void ensure_parent_folder(const std::string& path);

// Checks, before any long computation, that `path` can be written atomically: its folder exists or can be
// created, a temporary file can be created there, and `path` is not a folder. Throws IoError otherwise.
void check_output_writable(const std::string& path);

}  // namespace pneumo
