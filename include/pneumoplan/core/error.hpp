// Errors a user can act on. InputError always names the file and, where there is one, the line, so
// a planner can open the right table at the right row. The command-line driver maps InputError and
// UsageError to exit code 2 and everything else to exit code 1.
#pragma once

#include <stdexcept>
#include <string>

namespace pneumo {

// Bad scenario, cohort or results input: "file:line: what was expected".
class InputError : public std::runtime_error {
 public:
  InputError(const std::string& file, long line, const std::string& expectation)
      : std::runtime_error(format(file, line, expectation)), file_(file), line_(line) {}

  const std::string& file() const { return file_; }
  long line() const { return line_; }  // 0 when the problem concerns the file as a whole

 private:
  static std::string format(const std::string& file, long line, const std::string& expectation) {
    if (line > 0) return file + ":" + std::to_string(line) + ": " + expectation;
    return file + ": " + expectation;
  }
  std::string file_;
  long line_;
};

// Bad command-line use (unknown option, missing argument, conflicting flags).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The run could not write or read something it needed (disk full, permissions).
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace pneumo
