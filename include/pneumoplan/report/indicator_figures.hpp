// One figure per plan indicator, in the order of the plan's table: the city's value over the years (mean
// and 90 % band over replicates) against the plan's target line, with the scorecard's verdicts in the key.
// A scenario without targets.csv gets every indicator, without target lines. Indicators with no value in
// any shown year (e.g. institution indicators without institutions.csv) are left out.
#pragma once

#include <vector>

#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/figure_options.hpp"

namespace pneumo {

struct IndicatorFigures {
  std::vector<Figure> figures;         // named indicator_<key>
  std::vector<IndicatorId> left_out;   // no value to draw
};

// `card` (may be null) supplies the city's verdicts.
IndicatorFigures indicator_figures(const ResultsFile& results, const Scorecard* card, const FigureOptions& options);

}  // namespace pneumo
