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
#include "scenario_options.hpp"
#include "shipped_data.hpp"
#include "progress_line.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/results/replicate_summary.hpp"
#include "pneumoplan/results/results_file.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

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
      ("scenario", po::value<std::string>(),
       "Scenario folder (scenario.ini and its CSV tables), or the name of a shipped pack (xuzhou, jinan, yuncheng, "
       "heyuan, jiaxing) when no such folder exists here.")
      ("out,o", po::value<std::string>(),
       "Results file to write (HDF5). Default: output/<scenario>/<scenario>.h5 in the current folder (when it is "
       "not writable: ~/.local/share/pneumoplan/output/...). Written atomically: an existing file is replaced only "
       "when the new one is complete.")
      ("package,p", po::value<std::string>()->default_value(std::string(kBaselinePackage)),
       "Policy package to simulate: a [package.NAME] of scenario.ini, or 'baseline' (no interventions). "
       "The default results file of a package is output/<scenario>/<scenario>-<package>.h5.")
      ("check", "Only load and validate the scenario; simulate nothing, write nothing.")
      ("quiet,q", "Print only the path of the results file (on stdout; errors still go to stderr).")
      ("scorecard-years", po::value<std::string>()->default_value("2023,2025"),
       "Years of the scorecard written after the run when the scenario has targets.csv.");
  add_scenario_options(options);
  add_progress_options(options);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan run DIR [--out FILE] [--package NAME] "
                     "[--replicates N] [--seed S] [--threads T] [--set KEY=VALUE ...] [--check]",
                     "Simulates a city scenario worker by worker, replicate by replicate, and writes every output "
                     "per replicate and summarised over replicates to an HDF5 file (docs/output-format.md).")) {
    return 0;
  }
  if (!values.count("scenario")) throw UsageError("expected a scenario folder, e.g. 'pneumoplan run scenarios/xuzhou'");

  LoadedScenario loaded = load_scenario_from_options(values["scenario"].as<std::string>(), values);
  Scenario& scenario = loaded.scenario;
  const int threads = loaded.threads;
  scenario.select_package(values["package"].as<std::string>());
  const std::string file_name =
      scenario.active_package == kBaselinePackage ? scenario.name : scenario.name + "-" + scenario.active_package;
  const std::string out = values.count("out") ? values["out"].as<std::string>()
                                              : default_output_root() + "/" + scenario.name + "/" + file_name + ".h5";
  const bool quiet = values.count("quiet") > 0;
  const ProgressSettings progress_shown = progress_settings(values);
  const std::vector<int> scorecard_years = parse_years(values["scorecard-years"].as<std::string>());

  if (values.count("check")) {
    std::cout << "scenario " << scenario.name << " is valid: " << scenario.geography.counties.size() << " counties, "
              << scenario.geography.townships.size() << " townships, " << scenario.strata.size() << " strata, "
              << scenario.base_year_workers() << " dust workers in " << scenario.parameters.simulation.base_year
              << ", years " << scenario.first_year() << "-" << scenario.last_year() << ", "
              << scenario.interventions.size() << " interventions, " << scenario.packages.size() << " packages\n"
              << "estimated peak memory: " << loaded.memory.describe()
              << (loaded.memory_limit.empty() ? std::string() : "; " + loaded.memory_limit) << "\n";
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
                          "replicate-years", progress_shown);
    request.year_done = [&progress] { progress.advance(); };
    replicates = run_replicates(scenario, request);
    seconds = progress.elapsed_seconds();
  }
  write_results_file(out, scenario, replicates, request.seed);

  if (quiet) {
    if (!scenario.targets.empty()) {
      const ResultsFile results = open_results_file(out);
      write_scorecard_files(out, build_scorecard(results, scorecard_years), false, true);
    }
    std::cout << out << "\n";
    return 0;
  }
  std::printf("pneumoplan run %s (package %s): %lld replicates x %d years (%d-%d), seed %lld, %d threads, %.2f s\n",
              scenario.name.c_str(), scenario.active_package.c_str(), static_cast<long long>(request.replicates), scenario.year_count(),
              scenario.first_year(), scenario.last_year(), static_cast<long long>(request.seed), threads, seconds);
  if (scenario.directory != values["scenario"].as<std::string>()) {
    std::printf("Scenario folder: %s (shipped)\n", scenario.directory.c_str());
  }
  print_summary(scenario, replicates);
  std::printf("\nResults: %s\n", out.c_str());
  if (!scenario.targets.empty()) {
    std::printf("\n");
    std::fflush(stdout);
    const ResultsFile results = open_results_file(out);
    write_scorecard_files(out, build_scorecard(results, scorecard_years), true, false);
  }
  return 0;
}

}  // namespace pneumo::cli
