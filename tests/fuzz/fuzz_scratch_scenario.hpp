// A copy of the test scenario (tests/data/small) in a private scratch folder, for harnesses that feed a
// fuzzed file to the real loader: write one file, load, put the original back. The folder lives in
// /dev/shm when it exists (no disk traffic at thousands of executions a second) and is removed at exit.
#pragma once

#include <string>

namespace pneumo::fuzz {

class ScratchScenario {
 public:
  ScratchScenario();
  ~ScratchScenario();
  ScratchScenario(const ScratchScenario&) = delete;
  ScratchScenario& operator=(const ScratchScenario&) = delete;

  const std::string& directory() const { return directory_; }
  std::string path(const std::string& file) const { return directory_ + "/" + file; }

  void replace(const std::string& file, const std::string& bytes) const;  // writes the fuzzed contents
  void restore(const std::string& file) const;  // the original again (or no file, if it had none)

 private:
  std::string root_;
  std::string directory_;
};

// A file of `bytes` in its own scratch folder (for inputs read by path, such as HDF5 results files).
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& name);
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::string& path() const { return path_; }
  void write(const std::string& bytes) const;

 private:
  std::string root_;
  std::string path_;
};

// Number of lines of a file as the readers count them (for checking the line numbers in messages).
long count_lines(const std::string& path);

// Stops the fuzzer with a message: what the harness found is a bug.
[[noreturn]] void report_bug(const std::string& what);

}  // namespace pneumo::fuzz
