// libFuzzer harness for the comparison reader, read the way `plot` and `report` read a comparison file. The
// first byte chooses how the file is made from the rest: even, the bytes are the file (refused by its seal);
// odd, edits (file_edits.hpp) applied with the HDF5 library to a real comparison file of the test scenario,
// sealed again. Refusals are IoError or InputError; any other exception, a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "file_edits.hpp"
#include "fuzz_scratch_scenario.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/policy/comparison_file.hpp"
#include "pneumoplan/policy/comparison_reader.hpp"
#include "pneumoplan/policy/package_comparison.hpp"
#include "pneumoplan/results/results_file_kind.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

namespace {

std::string comparison_bytes() {
  const std::vector<std::string> settings = {
      "simulation.start_year=2019", "simulation.end_year=2025", "intervention.dust.type=engineering_control",
      "intervention.dust.intensity=0.5", "intervention.dust.start_year=2021", "intervention.dust.source=assumed: fuzz",
      "package.dust.interventions=dust"};
  const pneumo::Scenario scenario = pneumo::load_scenario(PNEUMO_FUZZ_SCENARIO_DIR, settings);
  pneumo::RunRequest request;
  request.seed = 3;
  request.replicates = 2;
  std::vector<std::vector<pneumo::ReplicateResults>> runs;
  const std::vector<std::string> packages = {"baseline", "dust"};
  for (const auto& name : packages) {
    pneumo::Scenario s = scenario;
    s.select_package(name);
    runs.push_back(pneumo::run_replicates(s, request));
  }
  pneumo::PackageComparison c = pneumo::compare_packages(scenario, packages, runs, request.seed, 2021, 2025, 2025);
  c.results_files = {"small-baseline.h5", "small-dust.h5"};
  c.verdicts.assign(packages.size(), {});
  return pneumo::fuzz::bytes_written_by([&](const std::string& path) { pneumo::write_comparison_file(path, c); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pneumo::fuzz::ScratchFile file("comparison.h5");
  static const pneumo::fuzz::EditableFile base(comparison_bytes());
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    file.write(rest);
  } else {
    base.write_edited(file.path(), rest);
  }
  try {
    if (pneumo::detect_results_file_kind(file.path()) == pneumo::ResultsFileKind::Comparison) {
      const pneumo::ComparisonFile c = pneumo::open_comparison_file(file.path());
      for (std::size_t p = 0; p < c.packages.size(); ++p) (void)c.results_path(p);
    }
  } catch (const pneumo::IoError&) {
  } catch (const pneumo::InputError&) {
  }
  return 0;
}
