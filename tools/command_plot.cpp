// pneumoplan plot FILE.h5 --out DIR: the figures of a run (projections, indicators, scorecard, township
// map) or of a comparison of packages (outcome bars, verdict table), drawn by gnuplot and checked.
#include <filesystem>
#include <iostream>

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

int plot_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("results", po::value<std::string>(), "Results file of 'pneumoplan run' or comparison file of 'pneumoplan compare'.")
      ("out", po::value<std::string>(), "Folder for the figures (created if needed; figures of the same name are replaced).")
      ("scripts", "Also write each figure's gnuplot script with its data as NAME.gp (cd DIR; gnuplot -d NAME.gp).")
      ("quiet,q", "Print only the folder of the figures.");
  add_figure_command_options(options, "png, svg or pdf");
  po::positional_options_description positional;
  positional.add("results", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan plot FILE.h5 --out DIR [--lang en|zh] [--format png|svg|pdf] [--figures LIST]",
                     "Draws the figures of a results file with gnuplot, in English or Chinese. A run gives: new_cases "
                     "(reported and true new cases), prevalence (by stage), deaths — each with 90 % bands over "
                     "replicates and the plan period shaded; indicator_<key> (each of the plan's indicators against "
                     "its target line); scorecard (the verdicts as a colour table); township_map (patients by "
                     "township, stations marked). A comparison gives comparison_<outcome> (bars with 90 % intervals per package) and "
                     "comparison_verdicts. Every file is checked after gnuplot wrote it; exit code 1 if gnuplot is "
                     "missing or fails. docs/figures.md describes each figure.")) {
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
    paths.output_folder(folder, "--out");
    paths.check();
  }

  FigureSet set;
  if (detect_results_file_kind(path) == ResultsFileKind::Run) {
    const ResultsFile results = open_results_file(path);
    const FigureOptions figure_options = figure_options_for(results, values);
    const auto card = scorecard_option(results, values);
    set = run_figure_set(results, card.get(), figure_options, wanted);
  } else {
    set = comparison_figure_set(open_comparison_file(path), language, wanted);
  }
  if (set.figures.empty()) {
    std::cerr << path << ": none of the figures asked for applies to this file; nothing drawn\n";
    return 0;
  }
  {
    CommandPaths paths;  // a figure may not overwrite the file it is drawn from
    paths.input(path, "the results file");
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
  std::cout << "Figures (" << written.size() << ", " << figure_extension(format) << ") in " << folder << ":";
  for (const auto& f : written) std::cout << " " << f.file;
  std::cout << "\n";
  if (!set.indicators_left_out.empty()) {
    std::cout << "Not drawn, no value in any shown year:";
    for (const auto id : set.indicators_left_out) std::cout << " indicator_" << indicator_info(id).key;
    std::cout << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
