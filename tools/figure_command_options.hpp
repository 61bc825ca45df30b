// The options `pneumoplan plot` and `pneumoplan report` share: language, figure format, which figures,
// the years shown, the map year and the scorecard's evaluation years.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "command_line.hpp"
#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/figure_options.hpp"
#include "pneumoplan/report/figure_set.hpp"
#include "pneumoplan/results/results_reader.hpp"

namespace pneumo::cli {

void add_figure_command_options(po::options_description& options, const std::string& formats);

FigureFormat format_option(const po::variables_map& values, bool allow_pdf);
std::set<FigureKind> figures_option(const po::variables_map& values);
// Defaults of the results file with --from, --to and --map-year applied and checked.
FigureOptions figure_options_for(const ResultsFile& results, const po::variables_map& values);
// The scorecard of the run (null without targets), for the evaluation years of --years.
std::unique_ptr<Scorecard> scorecard_option(const ResultsFile& results, const po::variables_map& values);

}  // namespace pneumo::cli
