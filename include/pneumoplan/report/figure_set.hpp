// Which figures `pneumoplan plot` and `report` draw for a file: for a run, the projections, the indicator
// trajectories, the scorecard table and the township map; for a comparison, the outcome bars and the
// verdict table. Every figure is built (and every input read and checked) before any is drawn.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pneumoplan/policy/comparison_reader.hpp"
#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/figure_options.hpp"
#include "pneumoplan/report/sweep_figures.hpp"

namespace pneumo {

enum class FigureKind {
  NewCases, Prevalence, Deaths, Indicators, Scorecard, Map,  // runs
  Outcomes, Verdicts,                                        // comparisons
  Sensitivity, Posterior,                                    // sweeps
};

// The names used by --figures: new_cases, prevalence, deaths, indicators, scorecard, map, outcomes, verdicts,
// sensitivity, posterior.
std::optional<FigureKind> parse_figure_kind(std::string_view name);
std::string figure_kind_name(FigureKind kind);
std::set<FigureKind> all_figure_kinds();

struct FigureSet {
  std::vector<Figure> figures;
  std::vector<IndicatorId> indicators_left_out;  // indicators with no value to draw
};

// `card` may be null (no targets): then there is no scorecard figure and no verdicts in the indicator keys.
FigureSet run_figure_set(const ResultsFile& results, const Scorecard* card, const FigureOptions& options,
                         const std::set<FigureKind>& wanted);
FigureSet comparison_figure_set(const ComparisonFile& comparison, Language language, const std::set<FigureKind>& wanted);
FigureSet sweep_figure_set(const SweepData& sweep, SweepFigureOptions options, const std::set<FigureKind>& wanted);

}  // namespace pneumo
