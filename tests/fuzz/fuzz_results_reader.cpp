// libFuzzer harness for the results reader, read the way `scorecard` and `stations` read a file:
// provenance, axes and targets, the outputs they use, then the scorecard. The first byte chooses how the
// file is made from the rest:
//   even: the bytes are the file itself. A damaged file must be refused by its seal before HDF5 parses it.
//   odd:  the bytes are edits (file_edits.hpp) applied with the HDF5 library to a real results file of the
//         test scenario, which is then sealed again: well-formed HDF5 with wrong content (missing datasets,
//         other shapes and types, values out of range), which the reader itself must refuse.
// Refusals are IoError or InputError; any other exception, a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "file_edits.hpp"
#include "fuzz_scratch_scenario.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/results_reader.hpp"

namespace {

void read_like_the_commands(const std::string& path) {
  const pneumo::ResultsFile results = pneumo::open_results_file(path);
  for (const char* output : {"rehab_stations_open", "rehab_patients", "indicator_rehab_township_coverage"}) {
    const pneumo::ResultsArray array = results.read_output(output);
    // What the commands rely on: the shape the reader promises, and as many values as it says.
    if (array.shape != results.output_shape(output)) pneumo::fuzz::report_bug(std::string("shape of ") + output);
    std::size_t cells = 1;
    for (const auto extent : array.shape) cells *= extent;
    if (cells != array.values.size()) pneumo::fuzz::report_bug(std::string("value count of ") + output);
  }
  const pneumo::Scorecard card = pneumo::build_scorecard(results, {2023, 2025});
  (void)pneumo::scorecard_csv(card);
  (void)pneumo::scorecard_markdown(card);
  (void)pneumo::scorecard_terminal(card);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pneumo::fuzz::ScratchFile file("results.h5");
  static const pneumo::fuzz::EditableResults base;
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    file.write(rest);
  } else {
    base.write_edited(file.path(), rest);
  }
  try {
    read_like_the_commands(file.path());
  } catch (const pneumo::IoError&) {
  } catch (const pneumo::InputError&) {
  }
  return 0;
}
