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
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/output_set.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_table.hpp"
#include "pneumoplan/outputs/display_unit.hpp"
#include "pneumoplan/core/version.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/model/shared_history.hpp"
#include "pneumoplan/results/state_file.hpp"
#include "pneumoplan/results/replicate_summary.hpp"
#include "pneumoplan/policy/scorecard.hpp"
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

void print_summary(const Scenario& scenario, const std::vector<ReplicateResults>& replicates, Language language) {
  const bool zh = language == Language::Chinese;
  struct Column {
    std::string_view en, zh;
    OutputId id;
  };
  const Column columns[] = {{"workers", "接尘工人", OutputId::WorkersEmployed},
                            {"new cases (true)", "新发病例（实际）", OutputId::NewCasesTrue},
                            {"diagnosed", "诊断病例", OutputId::NewDiagnoses},
                            {"living patients", "存活患者", OutputId::PrevalentTrue},
                            {"pneumoconiosis deaths", "尘肺病死亡", OutputId::DeathsPneumoconiosis}};
  if (zh) {
    std::cout << "\n全市合计，" << replicates.size() << "次重复模拟的均值[90%区间]（新发病例 = 进入任一期）：\n";
  } else {
    std::cout << "\nCity totals, mean [90% interval] over " << replicates.size()
              << " replicates (new cases = entries into any stage):\n";
  }
  std::vector<TextTable::Column> header = {{zh ? "年份" : "year"}};
  for (const auto& c : columns) header.push_back({std::string(zh ? c.zh : c.en)});
  TextTable table(header);
  std::vector<int> years;
  for (int y = scenario.first_year(); y <= scenario.last_year(); ++y) {
    if (y % 5 == 0 || y == scenario.last_year() || y == 2023) years.push_back(y);
  }
  for (const int year : years) {
    std::vector<std::string> cells = {std::to_string(year)};
    for (const auto& c : columns) {
      const auto v = city_value(replicates, c.id, static_cast<std::size_t>(year - scenario.first_year()));
      cells.push_back(format_interval(v.mean, v.low, v.high, "persons", language));
    }
    table.row(cells);
  }
  std::cout << table.render("");
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
      ("save-state", po::value<std::vector<std::string>>()->multitoken(),
       "YEAR FILE: also save the state of every replicate at the start of YEAR (workers, enterprises, stations, "
       "everything the next year reads, and the results so far) to the HDF5 file FILE, sealed and fingerprinted "
       "by the scenario's files, --set overrides and this program's version (docs/output-format.md). Written "
       "with the results as one set when FILE lies in the results file's folder, else atomically just before.")
      ("from-state", po::value<std::string>(),
       "Continue from a state saved by --save-state instead of simulating from the first year: the results are "
       "bit-identical to the whole run. Seed and replicates come from the state. Refused for another scenario, "
       "other scenario files or --set overrides, another program version, or a --package whose interventions act "
       "before the state's year (any package acting from that year or later may continue a baseline state).")
      ("check", "Only load and validate the scenario; simulate nothing, write nothing.")
      ("quiet,q", "Print only the path of the results file (on stdout; errors still go to stderr).")
      ("scorecard-years", po::value<std::string>()->default_value("2023,2025"),
       "Years of the scorecard written after the run when the scenario has targets.csv.");
  add_language_option(options);
  add_scenario_options(options);
  add_progress_options(options);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan run DIR [--out FILE] [--package NAME] "
                     "[--replicates N] [--seed S] [--threads T] [--set KEY=VALUE ...] [--save-state YEAR FILE] "
                     "[--from-state FILE] [--check]",
                     "Simulates a city scenario worker by worker, replicate by replicate, and writes every output "
                     "per replicate and summarised over replicates to an HDF5 file (docs/output-format.md).")) {
    return 0;
  }
  if (!values.count("scenario")) throw UsageError("expected a scenario folder, e.g. 'pneumoplan run scenarios/xuzhou'");
  const std::string directory = values["scenario"].as<std::string>();
  const std::string package = values["package"].as<std::string>();
  const std::string scenario_name = scenario_name_of(directory);
  const std::string file_name = package == kBaselinePackage ? scenario_name : scenario_name + "-" + package;
  const std::string out = values.count("out") ? values["out"].as<std::string>()
                                              : default_output_root() + "/" + scenario_name + "/" + file_name + ".h5";
  const bool quiet = values.count("quiet") > 0;
  const bool check_only = values.count("check") > 0;
  const Language language = language_option(values);
  const bool zh = language == Language::Chinese;
  const std::vector<int> scorecard_years = parse_years(values["scorecard-years"].as<std::string>());
  std::optional<int> save_year;
  std::string save_path;
  if (values.count("save-state")) {
    const auto& tokens = values["save-state"].as<std::vector<std::string>>();
    const std::optional<std::int64_t> year = tokens.size() == 2 ? parse_int64(tokens[0]) : std::nullopt;
    if (!year || *year < 1000 || *year > 3000) {
      throw UsageError("--save-state: expected a year and a file, e.g. --save-state 2021 output/xuzhou-2021.state.h5");
    }
    save_year = static_cast<int>(*year);
    save_path = tokens[1];
  }
  const std::string from_path = values.count("from-state") ? values["from-state"].as<std::string>() : std::string();
  // Every output is known before anything is loaded: none may be an input, a folder or a device.
  const std::string csv_path = scorecard_path(out, ".scorecard.csv"), markdown_path = scorecard_path(out, ".scorecard.md");
  {
    CommandPaths paths;
    add_scenario_inputs(paths, directory);
    const std::string option = values.count("out") ? "--out" : "";
    paths.output(out, option);
    paths.output(csv_path, "scorecard of " + (option.empty() ? out : "--out " + out) + ":");
    paths.output(markdown_path, "scorecard of " + (option.empty() ? out : "--out " + out) + ":");
    if (save_year) paths.output(save_path, "--save-state");
    if (!from_path.empty()) paths.input(from_path, "--from-state");
    paths.check();
  }

  // A state saved or continued is held for every replicate (one replicate's worker table and results each).
  const bool holds_states = values.count("save-state") || values.count("from-state");
  LoadedScenario loaded = load_scenario_from_options(directory, values, check_only, [holds_states](const Scenario&) {
    HeldRuns held;
    held.states_per_replicate = holds_states ? 1 : 0;
    return held;
  });
  Scenario& scenario = loaded.scenario;
  const int threads = loaded.threads;
  scenario.select_package(package);
  const ProgressSettings progress_shown = progress_settings(values);
  if (!values["scorecard-years"].defaulted()) {
    for (const int year : scorecard_years) {
      if (year < scenario.first_year() || year > scenario.last_year()) {
        throw UsageError("--scorecard-years: " + std::to_string(year) + " is outside the simulated years " +
                         std::to_string(scenario.first_year()) + "-" + std::to_string(scenario.last_year()));
      }
    }
  }

  // A saved state sets the seed and the replicates, and must be of this scenario and program (state_file.hpp).
  std::optional<SavedStates> from;
  if (!from_path.empty()) {
    from = read_state_file(from_path);
    check_states_fingerprint(*from, from_path, scenario);
    check_package_continues(scenario, from->package, from->year, "--from-state " + from_path);
    const auto saved_replicates = static_cast<std::int64_t>(from->states.size());
    if (values.count("seed") && static_cast<std::uint64_t>(values["seed"].as<std::int64_t>()) != from->seed) {
      throw UsageError("--seed: the state " + from_path + " was saved with seed " + std::to_string(from->seed) +
                       "; leave --seed out to continue it");
    }
    if (values.count("replicates") && values["replicates"].as<std::int64_t>() != saved_replicates) {
      throw UsageError("--replicates: the state " + from_path + " holds " + std::to_string(saved_replicates) +
                       " replicates; leave --replicates out to continue it");
    }
    scenario.parameters.simulation.seed = static_cast<std::int64_t>(from->seed);
    scenario.parameters.simulation.replicates = saved_replicates;
  }
  if (save_year) {
    const int earliest = from ? from->year : scenario.first_year();
    if (*save_year < earliest || *save_year > scenario.last_year()) {
      throw UsageError("--save-state: expected a year in " + std::to_string(earliest) + "-" +
                       std::to_string(scenario.last_year()) + ", found " + std::to_string(*save_year));
    }
  }

  if (check_only) {
    std::cout << "scenario " << scenario.name << " is valid: " << scenario.geography.counties.size() << " counties, "
              << scenario.geography.townships.size() << " townships, " << scenario.strata.size() << " strata, "
              << scenario.base_year_workers() << " dust workers in " << scenario.parameters.simulation.base_year
              << ", years " << scenario.first_year() << "-" << scenario.last_year() << ", "
              << scenario.interventions.size() << " interventions, " << scenario.packages.size() << " packages\n"
              << "estimated peak memory: " << loaded.memory.describe()
              << (loaded.memory_limit.empty() ? std::string() : "; " + loaded.memory_limit) << "\n";
    return 0;
  }

  // The results file and its scorecards are one set of outputs: written aside, then moved into place
  // together (output_set.hpp), so a failure or a kill never leaves new results beside old scorecards.
  check_output_writable(out);  // fail now, not after the simulation
  OutputSet set(parent_folder(out));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  RunRequest request;
  request.seed = static_cast<std::uint64_t>(scenario.parameters.simulation.seed);
  request.replicates = scenario.parameters.simulation.replicates;
  if (from) request.first_replicate = from->first_replicate;
  std::vector<ReplicateResults> replicates;
  std::vector<StateArchive> saved_states;
  double seconds = 0.0;
  {
    const int first_year = from ? from->year : scenario.first_year();
    ProgressLine progress("pneumoplan run " + scenario.name, request.replicates * (scenario.last_year() - first_year + 1),
                          "replicate-years", progress_shown);
    request.year_done = [&progress] { progress.advance(); };
    StateRun states;
    if (from) states.from = &from->states;
    if (save_year) {
      states.save_year = *save_year;
      states.saved = &saved_states;
    }
    replicates = run_replicates_with_states(scenario, request, states);
    seconds = progress.elapsed_seconds();
  }
  std::optional<Scorecard> card;
  std::optional<ResultsFile> results;
  try {
    if (save_year) {
      SavedStates saved;
      saved.fingerprint = state_fingerprint(scenario);
      saved.program_version = kProgramVersion;
      saved.git_commit = kGitCommit;
      saved.scenario_name = scenario.name;
      saved.package = scenario.active_package;
      saved.year = *save_year;
      saved.seed = request.seed;
      saved.first_replicate = request.first_replicate;
      saved.states = std::move(saved_states);
      write_state_file(set.contains(save_path) ? set.stage(save_path) : save_path, saved);
    }
    const std::string staged = set.stage(out);
    write_results_file(staged, scenario, replicates, request.seed);
    if (!scenario.targets.empty()) {
      results = open_results_file(staged);
      card = build_scorecard(*results, scorecard_years);
      write_text_atomically(set.stage(csv_path), scorecard_csv(*card, language));
      write_text_atomically(set.stage(markdown_path), scorecard_markdown(*card, language));
    } else {
      // A scorecard of an earlier run with targets would no longer belong to these results.
      set.remove_on_commit(csv_path);
      set.remove_on_commit(markdown_path);
    }
    set.commit();
  } catch (const IoError& error) {
    throw IoError(set.final_names(error.what()));
  }

  if (quiet) {
    std::cout << out << "\n";  // one line: the results file (its scorecards sit beside it)
    return 0;
  }
  const std::string city = scenario.text.city_name(language, scenario.name);
  const std::string package_shown = package_label(scenario.packages, scenario.active_package, language);
  char timing[64];
  std::snprintf(timing, sizeof timing, "%.2f", seconds);
  if (zh) {
    std::cout << "pneumoplan run " << city << "（方案：" << package_shown << "）：" << request.replicates
              << "次重复模拟 × " << scenario.year_count() << "年（" << scenario.first_year() << "–"
              << scenario.last_year() << "年），随机种子" << request.seed << "，" << threads << "个线程，" << timing
              << "秒\n";
  } else {
    std::cout << "pneumoplan run " << city << " (package: " << package_shown << "): " << request.replicates
              << " replicates x " << scenario.year_count() << " years (" << scenario.first_year() << "-"
              << scenario.last_year() << "), seed " << request.seed << ", " << threads << " threads, " << timing
              << " s\n";
  }
  if (scenario.directory != values["scenario"].as<std::string>()) {
    std::cout << (zh ? "情景文件夹：" : "Scenario folder: ") << scenario.directory << (zh ? "（随程序提供）\n" : " (shipped)\n");
  }
  print_summary(scenario, replicates, language);
  std::cout << (zh ? "\n结果文件：" : "\nResults: ") << out << "\n";
  if (card) {
    std::cout << "\n";
    std::cout << scorecard_terminal(*card, language);
    std::cout << (zh ? "规划指标评估：" : "Scorecard: ") << csv_path << (zh ? " 和 " : " and ") << markdown_path << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
