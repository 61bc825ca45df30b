#include "scenario_options.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "shipped_data.hpp"
#include "pneumoplan/core/available_memory.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

namespace pneumo::cli {

void add_scenario_options(po::options_description& options) {
  options.add_options()
      ("replicates,r", po::value<std::int64_t>(), "Number of replicates (default: simulation.replicates in scenario.ini).")
      ("seed,s", po::value<std::int64_t>(), "Random seed (default: simulation.seed in scenario.ini).")
      ("threads,t", po::value<int>(), "Worker threads (default: the CPUs this process may use: its affinity mask or cpuset, a cgroup CPU quota, "
       "SLURM_CPUS_PER_TASK). Results do not depend on it; memory "
       "does: min(threads, replicates) replicates run at once.")
      ("max-memory", po::value<std::string>(),
       "Memory the run may use, e.g. 8G or 512M (K, M, G, T: powers of 1024). Before loading the large tables, "
       "the run's peak memory is estimated from the scenario, --replicates and --threads, and the run is refused "
       "(exit code 2) when the estimate exceeds this. Default: the memory available now (MemAvailable, or the "
       "cgroup limit when lower).")
      ("set", po::value<std::vector<std::string>>()->composing(),
       "Override a scenario.ini parameter, as section.key=value (repeatable), e.g. --set rehab.layout=optimised "
       "or --set intervention.dust.intensity=0.3. Checked like the file's values; recorded in the results file.");
}

void add_scenario_inputs(CommandPaths& paths, const std::string& directory) {
  paths.inputs_in_folder(directory, scenario_file_names(), "the scenario's");
}

std::string scenario_name_of(const std::string& directory) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(directory, ec);
  return (ec ? std::filesystem::path(directory).lexically_normal() : canonical).filename().string();
}

LoadedScenario load_scenario_from_options(const std::string& directory, const po::variables_map& values, bool light,
                                          const std::function<HeldRuns(const Scenario&)>& held) {
  const auto overrides =
      values.count("set") ? values["set"].as<std::vector<std::string>>() : std::vector<std::string>{};
  std::optional<std::int64_t> replicates;
  if (values.count("replicates")) {
    replicates = values["replicates"].as<std::int64_t>();
    if (*replicates < 1 || *replicates > 100000) throw UsageError("--replicates: expected a whole number in [1, 100000]");
  }
  const int threads = thread_count(values);
  std::optional<std::uint64_t> max_memory;
  if (values.count("max-memory")) {
    max_memory = parse_memory_size(values["max-memory"].as<std::string>());
    if (!max_memory) {
      throw UsageError("--max-memory: expected a size such as 8G or 512M, found " +
                       quote_value(values["max-memory"].as<std::string>()));
    }
  }
  // Refuse a run that cannot fit before the loader builds its large tables and before anything runs.
  MemoryEstimate memory;
  std::string memory_limit;
  const auto check_memory = [&](const Scenario& loaded) {
    memory = estimate_run_memory(loaded, replicates.value_or(loaded.parameters.simulation.replicates), threads,
                                 held ? held(loaded) : HeldRuns{});
    if (max_memory) {
      memory_limit = format_bytes(static_cast<double>(*max_memory)) + " allowed by --max-memory";
      check_run_fits(loaded, memory, *max_memory, "allowed by --max-memory");
    } else if (const auto available = available_memory()) {
      memory_limit = format_bytes(static_cast<double>(available->bytes)) + " available (" + available->source + ")";
      check_run_fits(loaded, memory, available->bytes, "available (" + available->source + ")");
    }
  };
  ScenarioLoadOptions options;
  options.check_size = check_memory;
  options.township_distances = !light;
  LoadedScenario loaded{load_scenario(resolve_input_path(directory), overrides, options), threads, {}, {}};
  loaded.memory = memory;
  loaded.memory_limit = memory_limit;
  auto& simulation = loaded.scenario.parameters.simulation;
  if (replicates) simulation.replicates = *replicates;
  if (values.count("seed")) {
    const auto seed = values["seed"].as<std::int64_t>();
    if (seed < 0) throw UsageError("--seed: expected a whole number >= 0");
    simulation.seed = seed;
  }
  return loaded;
}

}  // namespace pneumo::cli
