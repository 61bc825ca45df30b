// pneumoplan compare DIR --packages baseline,A,B: runs policy packages on common random numbers and puts
// them side by side — outcomes, paired differences against the first package, cases and deaths averted,
// costs, and the plan's targets each package meets.
#include <tbb/global_control.h>
#include <tbb/task_group.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "command_line.hpp"
#include "progress_line.hpp"
#include "scenario_options.hpp"
#include "shipped_data.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/output_set.hpp"
#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/model/shared_history.hpp"
#include "pneumoplan/policy/comparison_file.hpp"
#include "pneumoplan/policy/package_comparison.hpp"
#include "pneumoplan/results/results_file.hpp"

namespace pneumo::cli {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> package_list(const std::string& text, const Scenario& scenario) {
  std::vector<std::string> names;
  if (text.empty()) {
    names.emplace_back(kBaselinePackage);
    for (const auto& p : scenario.packages) names.push_back(p.name);
    return names;
  }
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    item = trim(item);
    if (item.empty()) continue;
    if (std::find(names.begin(), names.end(), item) != names.end()) {
      throw UsageError("--packages: " + quote_value(item) + " is listed twice");
    }
    Scenario probe = scenario;
    probe.select_package(item);  // throws on an unknown package, naming the known ones
    names.push_back(item);
  }
  if (names.size() < 2) throw UsageError("--packages: expected at least two packages, the first the reference");
  return names;
}

// How many packages will run (for the memory estimate, before the list is checked): their runs are kept until
// written, and while a replicate runs its shared history holds a state for each package but one.
std::function<HeldRuns(const Scenario&)> packages_to_run(const po::variables_map& values) {
  const std::string text = values["packages"].as<std::string>();
  return [text](const Scenario& scenario) {
    std::int64_t count = 0;
    if (trim(text).empty()) {
      count = 1 + static_cast<std::int64_t>(scenario.packages.size());
    } else {
      std::stringstream stream(text);
      std::string item;
      while (std::getline(stream, item, ',')) count += trim(item).empty() ? 0 : 1;
    }
    HeldRuns held;
    held.runs = std::max<std::int64_t>(1, count);
    held.states_per_running_replicate = held.runs - 1;
    return held;
  };
}

// --wtp-rmb-per-daly / --wtp-rmb-per-qaly: comma-separated positive amounts; absent: 1 and 3 × GDP per capita.
WillingnessToPay willingness_to_pay(const po::variables_map& values, const Scenario& scenario) {
  WillingnessToPay wtp = default_willingness_to_pay(scenario.parameters.economics);
  const auto amounts = [&](const char* option) {
    std::vector<double> out;
    std::stringstream stream(values[option].as<std::string>());
    std::string item;
    while (std::getline(stream, item, ',')) {
      double value = 0.0;
      std::size_t used = 0;
      try {
        value = std::stod(trim(item), &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != trim(item).size() || !std::isfinite(value) || value <= 0.0) {
        throw UsageError(std::string("--") + option + ": expected positive RMB amounts separated by commas, found " +
                         quote_value(item));
      }
      out.push_back(value);
    }
    return out;
  };
  std::string basis;
  if (values.count("wtp-rmb-per-daly")) {
    wtp.rmb_per_daly = amounts("wtp-rmb-per-daly");
    basis = "per DALY set with --wtp-rmb-per-daly";
  }
  if (values.count("wtp-rmb-per-qaly")) {
    wtp.rmb_per_qaly = amounts("wtp-rmb-per-qaly");
    basis += std::string(basis.empty() ? "" : "; ") + "per QALY set with --wtp-rmb-per-qaly";
  }
  if (!basis.empty()) wtp.basis = basis + "; otherwise " + wtp.basis;
  return wtp;
}

std::pair<int, int> parse_period(const std::string& text, const Scenario& scenario) {
  const auto [first, last] = parse_year_span(text, "--period");
  if (first < scenario.first_year() || last > scenario.last_year()) {
    throw UsageError("--period: expected years within the simulated " + std::to_string(scenario.first_year()) + "-" +
                     std::to_string(scenario.last_year()) + ", found " + quote_value(text));
  }
  return {first, last};
}

}  // namespace

int compare_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("scenario", po::value<std::string>(), "Scenario folder with [package.NAME] sections in scenario.ini.")
      ("packages", po::value<std::string>()->default_value(""),
       "Comma-separated packages to compare; the first is the reference the others are paired against "
       "(default: baseline, then every package of the scenario).")
      ("out,o", po::value<std::string>(),
       "Folder for the results (default output/<scenario>/compare, as for run): one results file per package "
       "(<scenario>-<package>.h5, scored like any run), comparison.h5, comparison.csv and comparison.md.")
      ("period", po::value<std::string>(),
       "Years FIRST-LAST over which counts and costs are summed (default: the plan's first year, or 2021, to the "
       "last simulated year).")
      ("target-year", po::value<int>(),
       "Year in which indicators are read and targets judged (default: the plan's last year, or 2025).")
      ("wtp-rmb-per-daly", po::value<std::string>(),
       "Willingness to pay per DALY averted, RMB, one or more separated by commas: net monetary benefit, the "
       "probability of being cost-effective and the ranking at each (default: 1 and 3 times "
       "economics.gdp_per_capita_rmb, the city's if its pack gives it, else the national).")
      ("wtp-rmb-per-qaly", po::value<std::string>(),
       "The same per QALY gained (default: 1 and 3 times economics.gdp_per_capita_rmb).")
      ("quiet,q", "Print only the path of comparison.h5.");
  add_language_option(options);
  add_scenario_options(options);
  add_progress_options(options);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan compare DIR [--packages baseline,A,B] [--out DIR] [--period 2021-2035] "
                     "[--target-year 2025] [--wtp-rmb-per-daly X,Y] [--wtp-rmb-per-qaly X,Y] [--replicates N] "
                     "[--seed S] [--threads T] [--set KEY=VALUE ...]",
                     "Runs policy packages on common random numbers (the same workers draw the same numbers in "
                     "every package) and reports each package's outcomes, the paired difference against the first "
                     "package with its 90 % interval, cases and deaths averted, cost per case averted, DALYs averted, "
                     "QALYs gained, costs by payer, ICERs, net monetary benefit and budget impact by year and payer, "
                     "and the plan targets each package meets (docs/interventions.md). Tables in the language of "
                     "--lang; comparison.csv opens in Excel (UTF-8 with byte-order mark, money in 10,000 RMB, shares "
                     "in per cent).")) {
    return 0;
  }
  if (!values.count("scenario")) throw UsageError("expected a scenario folder, e.g. 'pneumoplan compare scenarios/xuzhou'");
  const Language language = language_option(values);
  const std::string directory = values["scenario"].as<std::string>();
  const std::string folder = values.count("out") ? values["out"].as<std::string>()
                                                 : default_output_root() + "/" + scenario_name_of(directory) + "/compare";
  {
    // The folder first: the package list, and so the file names, are known once the scenario is read.
    CommandPaths paths;
    add_scenario_inputs(paths, directory);
    paths.output_folder(folder, values.count("out") ? "--out" : "");
    paths.check();
  }
  const ProgressSettings progress_shown = progress_settings(values);
  LoadedScenario loaded = load_scenario_from_options(directory, values, false, packages_to_run(values));
  const Scenario& scenario = loaded.scenario;
  const std::vector<std::string> packages = package_list(values["packages"].as<std::string>(), scenario);

  int plan_first = 2021, plan_last = 2025;
  if (!scenario.targets.empty()) {
    plan_first = scenario.targets.front().plan_first_year;
    plan_last = scenario.targets.front().plan_last_year;
  }
  const auto [period_first, period_last] =
      values.count("period") ? parse_period(values["period"].as<std::string>(), scenario)
                             : parse_period(std::to_string(std::max(plan_first, scenario.first_year())) + "-" +
                                                std::to_string(scenario.last_year()),
                                            scenario);
  const int target_year = values.count("target-year") ? values["target-year"].as<int>() : plan_last;
  if (target_year < scenario.first_year() || target_year > scenario.last_year()) {
    throw UsageError("--target-year: expected a simulated year, found " + std::to_string(target_year));
  }
  const WillingnessToPay wtp = willingness_to_pay(values, scenario);

  const auto package_file = [&](const std::string& name) { return scenario.name + "-" + name + ".h5"; };
  const std::string comparison_path = (fs::path(folder) / "comparison.h5").string();
  const std::string csv_path = (fs::path(folder) / "comparison.csv").string();
  const std::string markdown_path = (fs::path(folder) / "comparison.md").string();
  {
    CommandPaths paths;
    add_scenario_inputs(paths, directory);
    for (const auto& path : {comparison_path, csv_path, markdown_path}) paths.output(path, "");
    for (const auto& name : packages) paths.output((fs::path(folder) / package_file(name)).string(), "");
    paths.check();
  }
  // Every package's results, the comparison file and its tables are one set of outputs (output_set.hpp).
  check_output_writable(comparison_path);  // fail now, not after the simulations
  OutputSet set(folder);

  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(loaded.threads));
  RunRequest request;
  request.seed = static_cast<std::uint64_t>(scenario.parameters.simulation.seed);
  request.replicates = scenario.parameters.simulation.replicates;
  std::vector<std::vector<ReplicateResults>> runs;
  std::vector<Scenario> package_scenarios;
  package_scenarios.reserve(packages.size());
  for (const auto& name : packages) {
    package_scenarios.push_back(scenario);
    package_scenarios.back().select_package(name);
  }
  {
    // The packages share the baseline's history until their first intervention acts: it is simulated once
    // per replicate and each package forks from it (shared_history.hpp; bit-identical to separate runs).
    ProgressLine* shown = nullptr;
    request.year_done = [&shown] { shown->advance(); };
    SharedHistory history(request, /*keep_states=*/false);
    ProgressLine progress("pneumoplan compare " + scenario.name, history.years_to_simulate(package_scenarios),
                          "replicate-years", progress_shown);
    shown = &progress;
    runs = history.run(package_scenarios);
  }

  PackageComparison comparison =
      compare_packages(scenario, packages, runs, request.seed, period_first, period_last, target_year, wtp);
  comparison.targets = scenario.targets;
  try {
  // While this thread writes a package's file (HDF5 takes one thread), the next package's datasets are summarised
  // and compressed beside it (prepare_results calls no HDF5 function).
  PreparedResults next = prepare_results(runs.front());
  for (std::size_t p = 0; p < packages.size(); ++p) {
    const std::string path = set.stage((fs::path(folder) / package_file(packages[p])).string());
    PreparedResults prepared = std::move(next);
    tbb::task_group preparing;
    if (p + 1 < packages.size()) preparing.run([&next, &runs, p] { next = prepare_results(runs[p + 1]); });
    try {
      write_results_file(path, package_scenarios[p], runs[p], request.seed, prepared);
      comparison.results_files.push_back(package_file(packages[p]));
      std::vector<Verdict> verdicts;
      if (!scenario.targets.empty()) {
        const ResultsFile results = open_results_file(path);
        const Scorecard card = build_scorecard(results, {target_year});
        const std::size_t city = results.region_codes.size() - 1;
        for (const auto& row : card.rows) {
          if (row.region == city) verdicts.push_back(row.verdict);
        }
      }
      comparison.verdicts.push_back(std::move(verdicts));
    } catch (...) {
      preparing.wait();  // the task refers to `next`: it must end before anything unwinds
      throw;
    }
    preparing.wait();
  }
  write_comparison_file(set.stage(comparison_path), comparison);
  write_text_atomically(set.stage(csv_path), comparison_csv(comparison, language));
  write_text_atomically(set.stage(markdown_path), comparison_markdown(comparison, language));
  set.commit();
  } catch (const IoError& error) {
    throw IoError(set.final_names(error.what()));
  }
  if (values.count("quiet")) {
    std::cout << comparison_path << "\n";
    return 0;
  }
  std::cout << comparison_terminal(comparison, language);
  if (language == Language::Chinese) {
    std::cout << "比较结果：" << comparison_path << "，及 " << folder << " 中的 comparison.csv 和 comparison.md\n";
  } else {
    std::cout << "Comparison: " << comparison_path << ", comparison.csv and comparison.md in " << folder << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
