// libFuzzer harness: the fuzzed bytes are a cohort file (docs/cohort-format.md), read by the real loader. It
// loads, or is refused with an InputError naming the file and a line it has (or 0).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_scratch_scenario.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/cohort.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pneumo::fuzz::ScratchFile file("cohort.ini");
  file.write(std::string(reinterpret_cast<const char*>(data), size));
  try {
    (void)pneumo::load_cohort_spec(file.path());
  } catch (const pneumo::InputError& error) {
    const long lines = pneumo::fuzz::count_lines(file.path());
    // The life table a cohort names is another file, with lines of its own.
    if (error.file() == file.path() && (error.line() < 0 || error.line() > std::max(lines, 1L))) {
      pneumo::fuzz::report_bug("line " + std::to_string(error.line()) + " of a " + std::to_string(lines) +
                               "-line file: " + error.what());
    }
  }
  return 0;
}
