// The options every simulating command shares (run, compare, target): replicates, seed, threads and
// --set overrides, with the same checks and help text everywhere.
#pragma once

#include <string>

#include "command_line.hpp"
#include "pneumoplan/scenario.hpp"

namespace pneumo::cli {

void add_scenario_options(po::options_description& options);

struct LoadedScenario {
  Scenario scenario;
  int threads = 1;
};

// Loads `directory` with the --set overrides, then applies --replicates and --seed; throws UsageError on
// out-of-range values and InputError on a bad scenario.
LoadedScenario load_scenario_from_options(const std::string& directory, const po::variables_map& values);

}  // namespace pneumo::cli
