#include "scenario_options.hpp"

#include <algorithm>
#include <thread>

#include "pneumoplan/error.hpp"
#include "pneumoplan/scenario_loader.hpp"

namespace pneumo::cli {

void add_scenario_options(po::options_description& options) {
  options.add_options()
      ("replicates,r", po::value<std::int64_t>(), "Number of replicates (default: simulation.replicates in scenario.ini).")
      ("seed,s", po::value<std::int64_t>(), "Random seed (default: simulation.seed in scenario.ini).")
      ("threads,t", po::value<int>(), "Worker threads (default: all cores). Results do not depend on it.")
      ("set", po::value<std::vector<std::string>>()->composing(),
       "Override a scenario.ini parameter, as section.key=value (repeatable), e.g. --set rehab.layout=optimised "
       "or --set intervention.dust.intensity=0.3. Checked like the file's values; recorded in the results file.");
}

LoadedScenario load_scenario_from_options(const std::string& directory, const po::variables_map& values) {
  const auto overrides =
      values.count("set") ? values["set"].as<std::vector<std::string>>() : std::vector<std::string>{};
  LoadedScenario loaded{load_scenario(directory, overrides), static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))};
  auto& simulation = loaded.scenario.parameters.simulation;
  if (values.count("replicates")) {
    const auto n = values["replicates"].as<std::int64_t>();
    if (n < 1 || n > 100000) throw UsageError("--replicates: expected a whole number in [1, 100000]");
    simulation.replicates = n;
  }
  if (values.count("seed")) {
    const auto seed = values["seed"].as<std::int64_t>();
    if (seed < 0) throw UsageError("--seed: expected a whole number >= 0");
    simulation.seed = seed;
  }
  if (values.count("threads")) {
    loaded.threads = values["threads"].as<int>();
    if (loaded.threads < 1 || loaded.threads > 4096) throw UsageError("--threads: expected a whole number in [1, 4096]");
  }
  return loaded;
}

}  // namespace pneumo::cli
