// The options every simulating command shares (run, compare, target): replicates, seed, threads, the memory a
// run may use and --set overrides, with the same checks and help text everywhere.
#pragma once

#include <functional>
#include <string>

#include "command_line.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/model/memory_estimate.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo::cli {

void add_scenario_options(po::options_description& options);

struct LoadedScenario {
  Scenario scenario;
  int threads = 1;
  MemoryEstimate memory;     // the peak memory estimated for one run of the scenario with these options
  std::string memory_limit;  // what it was checked against ("" when nothing was known)
};

// Loads `directory` with the --set overrides, then applies --replicates and --seed. Before the loader builds
// its large tables the run's peak memory is estimated and checked against --max-memory (or the memory
// available); a run that would not fit is refused. Throws UsageError on out-of-range options and InputError
// on a bad scenario.
// `light`: the scenario is only checked (run --check): the table of township distances is not built.
// `held`, when given, says what the command holds besides its running simulations, for the estimate: runs of the
// replicates kept until written (compare: one per package) and saved states (memory_estimate.hpp, HeldRuns).
LoadedScenario load_scenario_from_options(const std::string& directory, const po::variables_map& values,
                                          bool light = false,
                                          const std::function<HeldRuns(const Scenario&)>& held = {});

// The files of the scenario folder `directory` as inputs of a command (no output may be one of them).
void add_scenario_inputs(CommandPaths& paths, const std::string& directory);

// The name the loader gives the scenario in `directory` (its folder's name), known before it is loaded.
std::string scenario_name_of(const std::string& directory);

}  // namespace pneumo::cli
