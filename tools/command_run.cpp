// pneumoplan run DIR: load and check a scenario, simulate its replicates, write the HDF5 results and print
// a short summary.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "command_line.hpp"
#include "progress_line.hpp"
#include "pneumoplan/atomic_output.hpp"
#include "pneumoplan/available_memory.hpp"
#include "pneumoplan/error.hpp"
#include "pneumoplan/memory_estimate.hpp"
#include "pneumoplan/replicate_runner.hpp"
#include "pneumoplan/replicate_summary.hpp"
#include "pneumoplan/results_file.hpp"
#include "pneumoplan/scenario_loader.hpp"

namespace pneumo::cli {
namespace {

// Mean and 90 % interval over replicates of the city total of `id` in `year`, summed over stages.
struct CityValue {
  double mean, low, high;
};

CityValue city_value(const std::vector<ReplicateResults>& replicates, OutputId id, std::size_t year_index) {
  std::vector<double> values;
  for (const auto& r : replicates) {
    const auto& array = r[id];
    const std::size_t row = array.values.size() / array.shape[0];
    const double* cells = array.year_row(year_index);
    double total = 0.0;
    if (array.shape.size() == 3) {  // year × region × stage: the city is the last region
      const std::size_t stages = array.shape[2];
      for (std::size_t s = 0; s < stages; ++s) total += cells[row - stages + s];
    } else {
      total = cells[row - 1];
    }
    values.push_back(total);
  }
  double sum = 0.0;
  for (const double v : values) sum += v;
  CityValue out{sum / static_cast<double>(values.size()), 0.0, 0.0};
  out.low = quantile_type7(values, 0.05);
  out.high = quantile_type7(values, 0.95);
  return out;
}

void print_summary(const Scenario& scenario, const std::vector<ReplicateResults>& replicates) {
  struct Column {
    const char* title;
    OutputId id;
  };
  const Column columns[] = {{"workers", OutputId::WorkersEmployed},
                            {"new cases (true)", OutputId::NewCasesTrue},
                            {"diagnosed", OutputId::NewDiagnoses},
                            {"living patients", OutputId::PrevalentTrue},
                            {"pneumo. deaths", OutputId::DeathsPneumoconiosis}};
  std::printf("\nCity totals, mean [90%% interval] over %zu replicates (new cases = entries into any stage):\n",
              replicates.size());
  std::printf("%6s", "year");
  for (const auto& c : columns) std::printf(" %24s", c.title);
  std::printf("\n");
  std::vector<int> years;
  for (int y = scenario.first_year(); y <= scenario.last_year(); ++y) {
    if (y % 5 == 0 || y == scenario.last_year() || y == 2023) years.push_back(y);
  }
  for (const int year : years) {
    std::printf("%6d", year);
    for (const auto& c : columns) {
      const auto v = city_value(replicates, c.id, static_cast<std::size_t>(year - scenario.first_year()));
      char cell[64];
      std::snprintf(cell, sizeof cell, "%.0f [%.0f-%.0f]", v.mean, v.low, v.high);
      std::printf(" %24s", cell);
    }
    std::printf("\n");
  }
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("scenario", po::value<std::string>(), "Scenario folder (scenario.ini and its CSV tables).")
      ("out,o", po::value<std::string>(),
       "Results file to write (HDF5). Default: output/<scenario>/<scenario>.h5. Written atomically: an existing "
       "file is replaced only when the new one is complete.")
      ("replicates,r", po::value<std::int64_t>(), "Number of replicates (default: simulation.replicates in scenario.ini).")
      ("seed,s", po::value<std::int64_t>(), "Random seed (default: simulation.seed in scenario.ini).")
      ("threads,t", po::value<int>(), "Worker threads (default: all cores). Results do not depend on it; memory "
       "does: min(threads, replicates) replicates run at once.")
      ("max-memory", po::value<std::string>(),
       "Memory the run may use, e.g. 8G or 512M (K, M, G, T: powers of 1024). Before loading the large tables, "
       "the run's peak memory is estimated from the scenario, --replicates and --threads, and the run is refused "
       "(exit code 2) when the estimate exceeds this. Default: the memory available now (MemAvailable, or the "
       "cgroup limit when lower).")
      ("set", po::value<std::vector<std::string>>()->composing(),
       "Override a scenario.ini parameter, as section.key=value (repeatable), e.g. --set rehab.layout=optimised. "
       "Checked like the file's values; recorded in the results file.")
      ("check", "Only load and validate the scenario; simulate nothing, write nothing.")
      ("quiet,q", "Print only the path of the results file.")
      ("scorecard-years", po::value<std::string>()->default_value("2023,2025"),
       "Years of the scorecard written after the run when the scenario has targets.csv.");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan run DIR [--out FILE] [--replicates N] [--seed S] "
                     "[--threads T] [--set KEY=VALUE ...] [--check]",
                     "Simulates a city scenario worker by worker, replicate by replicate, and writes every output "
                     "per replicate and summarised over replicates to an HDF5 file (docs/output-format.md).")) {
    return 0;
  }
  if (!values.count("scenario")) throw UsageError("expected a scenario folder, e.g. 'pneumoplan run scenarios/xuzhou'");

  const std::string directory = values["scenario"].as<std::string>();
  const auto overrides =
      values.count("set") ? values["set"].as<std::vector<std::string>>() : std::vector<std::string>{};
  std::optional<std::int64_t> replicates_option;
  if (values.count("replicates")) {
    replicates_option = values["replicates"].as<std::int64_t>();
    if (*replicates_option < 1 || *replicates_option > 100000) {
      throw UsageError("--replicates: expected a whole number in [1, 100000]");
    }
  }
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (values.count("threads")) {
    threads = values["threads"].as<int>();
    if (threads < 1 || threads > 4096) throw UsageError("--threads: expected a whole number in [1, 4096]");
  }
  std::optional<std::uint64_t> max_memory;
  if (values.count("max-memory")) {
    max_memory = parse_memory_size(values["max-memory"].as<std::string>());
    if (!max_memory) {
      throw UsageError("--max-memory: expected a size such as 8G or 512M, found '" + values["max-memory"].as<std::string>() + "'");
    }
  }
  // Refuse a run that cannot fit before the loader builds its large tables and before anything runs.
  MemoryEstimate memory;
  std::string memory_limit;
  const auto check_memory = [&](const Scenario& loaded) {
    memory = estimate_run_memory(loaded, replicates_option.value_or(loaded.parameters.simulation.replicates), threads);
    if (max_memory) {
      memory_limit = format_bytes(static_cast<double>(*max_memory)) + " allowed by --max-memory";
      check_run_fits(loaded, memory, *max_memory, "allowed by --max-memory");
    } else if (const auto available = available_memory()) {
      memory_limit = format_bytes(static_cast<double>(available->bytes)) + " available (" + available->source + ")";
      check_run_fits(loaded, memory, available->bytes, "available (" + available->source + ")");
    }
  };
  Scenario scenario = load_scenario(directory, overrides, check_memory);
  if (replicates_option) scenario.parameters.simulation.replicates = *replicates_option;
  if (values.count("seed")) {
    const auto seed = values["seed"].as<std::int64_t>();
    if (seed < 0) throw UsageError("--seed: expected a whole number >= 0");
    scenario.parameters.simulation.seed = seed;
  }
  const std::string out = values.count("out") ? values["out"].as<std::string>()
                                              : "output/" + scenario.name + "/" + scenario.name + ".h5";
  const bool quiet = values.count("quiet") > 0;
  const std::vector<int> scorecard_years = parse_years(values["scorecard-years"].as<std::string>());

  if (values.count("check")) {
    std::cout << "scenario " << scenario.name << " is valid: " << scenario.geography.counties.size() << " counties, "
              << scenario.geography.townships.size() << " townships, " << scenario.strata.size() << " strata, "
              << scenario.base_year_workers() << " dust workers in " << scenario.parameters.simulation.base_year
              << ", years " << scenario.first_year() << "-" << scenario.last_year() << "\n"
              << "estimated peak memory: " << memory.describe()
              << (memory_limit.empty() ? std::string() : "; " + memory_limit) << "\n";
    return 0;
  }

  check_output_writable(out);  // fail now, not after the simulation
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  RunRequest request;
  request.seed = static_cast<std::uint64_t>(scenario.parameters.simulation.seed);
  request.replicates = scenario.parameters.simulation.replicates;
  std::vector<ReplicateResults> replicates;
  double seconds = 0.0;
  {
    ProgressLine progress("pneumoplan run " + scenario.name, request.replicates * scenario.year_count(),
                          "replicate-years");
    request.year_done = [&progress] { progress.advance(); };
    replicates = run_replicates(scenario, request);
    seconds = progress.elapsed_seconds();
  }
  write_results_file(out, scenario, replicates, request.seed);

  if (quiet) {
    std::cout << out << "\n";
    if (!scenario.targets.empty()) {
      const ResultsFile results = open_results_file(out);
      write_scorecard_files(out, build_scorecard(results, scorecard_years), false);
    }
    return 0;
  }
  std::printf("pneumoplan run %s: %lld replicates x %d years (%d-%d), seed %lld, %d threads, %.2f s\n",
              scenario.name.c_str(), static_cast<long long>(request.replicates), scenario.year_count(),
              scenario.first_year(), scenario.last_year(), static_cast<long long>(request.seed), threads, seconds);
  print_summary(scenario, replicates);
  std::printf("\nResults: %s\n", out.c_str());
  if (!scenario.targets.empty()) {
    std::printf("\n");
    std::fflush(stdout);
    const ResultsFile results = open_results_file(out);
    write_scorecard_files(out, build_scorecard(results, scorecard_years), true);
  }
  return 0;
}

}  // namespace pneumo::cli
