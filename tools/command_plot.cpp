// pneumoplan plot FILE.h5 --out DIR: the figures of a run (projections, indicators, scorecard, township
// map), of a comparison of packages (paired differences and levels, verdict table) or of a sweep (Sobol
// indices, Morris effects or the response, calibration posteriors), drawn by gnuplot and checked.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "command_line.hpp"
#include "figure_command_options.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/output_set.hpp"
#include "pneumoplan/policy/comparison_reader.hpp"
#include "pneumoplan/report/figure_folder.hpp"
#include "pneumoplan/report/figure_renderer.hpp"
#include "pneumoplan/report/figure_set.hpp"
#include "pneumoplan/results/results_file_kind.hpp"

namespace fs = std::filesystem;

namespace pneumo::cli {
namespace {

SweepFigureOptions sweep_options(const SweepData& sweep, Language language, const po::variables_map& values) {
  SweepFigureOptions options;
  options.language = language;
  if (values.count("period")) {
    std::tie(options.first_year, options.last_year) = parse_year_span(values["period"].as<std::string>(), "--period");
    if (options.first_year < sweep.years.front() || options.last_year > sweep.years.back()) {
      throw UsageError("--period: expected years within the sweep's " + std::to_string(sweep.years.front()) + "-" +
                       std::to_string(sweep.years.back()));
    }
  }
  if (values.count("output")) {
    std::stringstream list(values["output"].as<std::string>());
    for (std::string name; std::getline(list, name, ',');) {
      sweep.output_index(name);  // throws UsageError naming the kept outputs
      options.outputs.push_back(name);
    }
  }
  if (values.count("observed")) {
    options.observed = read_observations(values["observed"].as<std::string>());
    options.calibration_output = values.count("output") ? options.outputs.front() : "new_diagnoses";
    sweep.output_index(options.calibration_output);
    options.level = values["level"].as<double>();
    if (!(options.level > 0.0 && options.level < 1.0)) throw UsageError("--level: expected a probability in (0, 1)");
  }
  return options;
}

}  // namespace

int plot_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("results", po::value<std::string>(), "Results file of 'pneumoplan run', comparison file of 'pneumoplan compare' or sweep file of 'pneumoplan sweep'.")
      ("out", po::value<std::string>(), "Folder for the figures (created if needed; figures of the same name are replaced).")
      ("scripts", "Also write each figure's gnuplot script with its data as NAME.gp (cd DIR; gnuplot -d NAME.gp).")
      ("quiet,q", "Print only the folder of the figures.")
      ("period", po::value<std::string>(), "Sweeps: each output summed over FIRST-LAST (default: its value in the sweep's last year).")
      ("output", po::value<std::string>(), "Sweeps: only these kept outputs, comma-separated; the first is the one --observed counts.")
      ("observed", po::value<std::string>(), "Sweeps: observed counts (first_year,last_year,value[,source]) for the calibration posterior.")
      ("level", po::value<double>()->default_value(0.9, "0.9"), "Sweeps: probability of the central posterior intervals (as for 'pneumoplan calibrate').");
  add_figure_command_options(options, "png, svg or pdf");
  po::positional_options_description positional;
  positional.add("results", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan plot FILE.h5 --out DIR [--lang en|zh] [--format png|svg|pdf] [--figures LIST]",
                     "Draws the figures of a results file with gnuplot, in English or Chinese, in colour-blind-safe "
                     "colours. A run gives: new_cases (reported and true new cases), prevalence (by stage, logarithmic "
                     "axis), deaths — each with 90 % bands over replicates and the plan period tinted; indicator_<key> "
                     "(each of the plan's indicators against its target line); scorecard (the verdicts as a colour "
                     "table with targets); township_map (patients by township, stations by share of replicates open, "
                     "approximate county outlines, scale bar, urban inset). A comparison gives comparison_<outcome> "
                     "(paired differences from the baseline with 90 % intervals beside the levels) and "
                     "comparison_verdicts. A sweep gives sweep_sobol_<output> (saltelli designs), sweep_morris_<output> "
                     "(morris designs) or sweep_response_<output> (other designs), and with --observed "
                     "sweep_posterior (calibration posteriors against priors). Every file is checked after gnuplot "
                     "wrote it; exit code 1 if gnuplot is missing or fails. docs/figures.md describes each figure.")) {
    return 0;
  }
  if (!values.count("results")) throw UsageError("expected a results file, e.g. 'pneumoplan plot output/xuzhou/xuzhou.h5 --out figures'");
  if (!values.count("out")) throw UsageError("expected --out DIR, the folder for the figures");
  const std::string path = values["results"].as<std::string>(), folder = values["out"].as<std::string>();
  const Language language = language_option(values);
  const FigureFormat format = format_option(values, true);
  const std::set<FigureKind> wanted = figures_option(values);
  {
    CommandPaths paths;
    paths.input(path, "the results file");
    if (values.count("observed")) paths.input(values["observed"].as<std::string>(), "--observed");
    paths.output_folder(folder, "--out");
    paths.check();
  }

  FigureSet set;
  const ResultsFileKind kind = detect_results_file_kind(path);
  if (kind == ResultsFileKind::Run) {
    const ResultsFile results = open_results_file(path);
    const FigureOptions figure_options = figure_options_for(results, values);
    const auto card = scorecard_option(results, values);
    set = run_figure_set(results, card.get(), figure_options, wanted);
  } else if (kind == ResultsFileKind::Comparison) {
    set = comparison_figure_set(open_comparison_file(path), language, wanted);
  } else {
    const SweepData sweep = read_sweep_file(path);
    set = sweep_figure_set(sweep, sweep_options(sweep, language, values), wanted);
  }
  if (set.figures.empty()) {
    std::cerr << path << (language == Language::Chinese ? "：所要求的图均不适用于此文件，未绘制\n"
                                                        : ": none of the figures asked for applies to this file; nothing drawn\n");
    return 0;
  }
  {
    CommandPaths paths;  // a figure may not overwrite the file it is drawn from
    paths.input(path, "the results file");
    if (values.count("observed")) paths.input(values["observed"].as<std::string>(), "--observed");
    for (const auto& f : set.figures) {
      paths.output((fs::path(folder) / (f.name + "." + figure_extension(format))).string(), "figure in --out");
      if (values.count("scripts")) paths.output((fs::path(folder) / (f.name + ".gp")).string(), "script in --out");
    }
    paths.check();
  }
  const FigureRenderer renderer;
  if (language == Language::Chinese) check_figure_font_installed();
  // The figures are one set of outputs: all new, or all as they were (output_set.hpp).
  OutputSet outputs(folder);
  std::vector<WrittenFigure> written;
  try {
    written = write_figure_folder(renderer, set.figures, format, outputs.stage_folder(folder), values.count("scripts") > 0);
    outputs.commit();
  } catch (const IoError& error) {
    throw IoError(outputs.final_names(error.what()));
  }
  for (const auto& f : written) {
    if (!f.gnuplot_messages.empty()) std::cerr << "gnuplot (" << f.name << "): " << f.gnuplot_messages << "\n";
  }
  if (values.count("quiet")) {
    std::cout << folder << "\n";
    return 0;
  }
  if (language == Language::Chinese) {
    std::cout << "图（" << written.size() << "幅，" << figure_extension(format) << "）保存在 " << folder << "：";
  } else {
    std::cout << "Figures (" << written.size() << ", " << figure_extension(format) << ") in " << folder << ":";
  }
  for (const auto& f : written) std::cout << " " << f.file;
  std::cout << "\n";
  if (!set.indicators_left_out.empty()) {
    std::cout << (language == Language::Chinese ? "未绘制（所示年份均无数值）：" : "Not drawn, no value in any shown year:");
    for (const auto id : set.indicators_left_out) std::cout << " indicator_" << indicator_info(id).key;
    std::cout << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
