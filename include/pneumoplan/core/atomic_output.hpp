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

// This machine's name as it appears in temporary names: letters, digits, '-' and '_' only.
std::string host_name();
// True when no process `pid` exists on this machine (a writer that was killed).
bool process_gone(long pid);

// Removes every temporary in `folder` (".NAME.tmp-HOST-PID-N", any NAME) left by a process of this machine
// that no longer exists.
void remove_stale_temporaries_in(const std::string& folder);

// Writes `contents` to `path` atomically.
void write_text_atomically(const std::string& path, const std::string& contents);

// Creates the folder that will hold `path` if needed; throws IoError naming it when that fails. Folders it
// creates are registered (interrupt_cleanup.hpp): a command that fails or is interrupted removes them again
// while they are empty.
void ensure_parent_folder(const std::string& path);
void ensure_folder(const std::string& folder);

// fsync of a file or a folder; throws IoError naming `path` when the disk reports a failure (a folder on a
// file system that cannot flush folders is not a failure).
void fsync_path(const std::string& path, bool directory);

// Checks, before any long computation, that `path` can be written atomically: its folder exists or can be
// created, a temporary file can be created there, and `path` is not a folder. Throws IoError otherwise.
void check_output_writable(const std::string& path);

}  // namespace pneumo
