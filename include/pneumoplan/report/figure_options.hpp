// What the user chose for a set of figures: the language, the years the time series show and the year of
// the township map.
#pragma once

#include "pneumoplan/report/localised_text.hpp"
#include "pneumoplan/results/results_reader.hpp"

namespace pneumo {

struct FigureOptions {
  Language language = Language::English;
  YearSpan years;    // shown on the projections and indicator trajectories
  int map_year = 0;  // the township map's year
};

// Defaults for a results file: years from 2000 (or the first simulated year, if later) to the last
// simulated year; the map in the plan's final year, or the last simulated year without a plan.
FigureOptions default_figure_options(const ResultsFile& results, Language language);

}  // namespace pneumo
