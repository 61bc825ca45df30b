// libFuzzer harness: the fuzzed bytes are an OR-Library p-median file, read by the real reader (pneumoplan
// locate). It is read, or refused with an InputError naming the file and a line it has (or 0). A header
// announcing more vertices than the edges can connect is refused before the distance table is made.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_scratch_scenario.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/stations/orlib.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pneumo::fuzz::ScratchFile file("pmed.txt");
  file.write(std::string(reinterpret_cast<const char*>(data), size));
  try {
    const pneumo::OrlibInstance instance = pneumo::read_orlib_pmedian(file.path());
    if (instance.problem.distance.size() != instance.problem.n_sites * instance.problem.n_sites) {
      pneumo::fuzz::report_bug("distance table of the wrong size");
    }
  } catch (const pneumo::InputError& error) {
    const long lines = pneumo::fuzz::count_lines(file.path());
    if (error.file() != file.path() || error.line() < 0 || error.line() > std::max(lines, 1L)) {
      pneumo::fuzz::report_bug(std::string("a refusal that names no line of the file: ") + error.what());
    }
  }
  return 0;
}
